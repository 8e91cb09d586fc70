package dev.novatrace.nova;

import dev.novatrace.trace.TraceProfile;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's external instance events: a service posts them to nova's API
 * ({@code os-server-external-events}), which casts {@code external_instance_event} to the compute
 * service that waits for them in {@code virtapi.wait_for_instance_event(instance, events, ...)}.
 * An event's name says who sends it.
 */
final class ExternalEvents {
  /**
   * The wait: its events are its second argument ({@code event_names}). An event of a name that
   * tells no sender comes from the API's caller ({@code client}): the service that posted it.
   */
  static final TraceProfile.EventWait WAIT = new TraceProfile.EventWait(
      "wait_for_instance_event", "event_names", 1, "nova_compute", "client");

  /** Event name prefix → sender ({@code network-vif-plugged} is neutron's). */
  private static final Map<String, String> SENDERS = Map.of(
      "network-", "neutron",
      "volume-", "cinder",
      "accelerator-", "cyborg");

  private ExternalEvents() {}

  /** The participant that sends {@code eventName}, if its prefix tells. */
  static Optional<String> sender(String eventName) {
    return SENDERS.entrySet().stream().filter(e -> eventName.startsWith(e.getKey()))
        .map(Map.Entry::getValue).findFirst();
  }
}
