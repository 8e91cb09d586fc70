package dev.novatrace.trace;

import java.util.Optional;

/**
 * A participant's name read as a service and, when one action involves two hosts of it, the
 * host's role ({@code nova_compute_src}: service {@code nova_compute}, role {@code src}). The one
 * place that says how a host role is written, so that the tracer (which keeps a call on its
 * caller's host), the layout (which drops the role when only one host appears) and the reviews of
 * hand-drawn diagrams (where people draw one compute service) fold roles alike.
 *
 * @param service the service, as its participant is named without a role
 * @param hostRole {@code src} or {@code dest}, or empty for a service drawn once
 */
public record ParticipantId(String service, Optional<String> hostRole) {

  /** The host of a migration or move that the instance leaves. */
  public static final String SOURCE = "src";
  /** The host the instance goes to. */
  public static final String DESTINATION = "dest";

  /** {@code nova_compute_dest} → nova_compute, dest; {@code nova_api} → nova_api, no role. */
  public static ParticipantId parse(String participant) {
    for (String role : new String[] {SOURCE, DESTINATION}) {
      String suffix = "_" + role;
      if (participant.endsWith(suffix) && participant.length() > suffix.length()) {
        return new ParticipantId(
            participant.substring(0, participant.length() - suffix.length()), Optional.of(role));
      }
    }
    return new ParticipantId(participant, Optional.empty());
  }

  /** The service of a participant's name, its host role dropped. */
  public static String serviceOf(String participant) {
    return parse(participant).service();
  }

  /** Whether two participants are the same service, on whichever hosts. */
  public static boolean sameService(String a, String b) {
    return serviceOf(a).equals(serviceOf(b));
  }

  /** The participant of {@code service} on the host in {@code role}. */
  public static String onHost(String service, String role) {
    return service + "_" + role;
  }

  /** The participant's name: the service, with its host role when it has one. */
  public String name() {
    return hostRole.map(r -> onHost(service, r)).orElse(service);
  }
}
