package dev.novatrace.neutron;

import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Neutron's plugins call each other's API methods: adding a router interface creates a port
 * with the core plugin's {@code create_port}, a floating IP creates its gateway port the same
 * way. Such a call is another action's whole route, drawn in that action's diagram: here it is
 * one note, {@code create port (as ports-create)}, where it is called.
 */
final class NestedActions {
  static final NestedActions NONE = new NestedActions(Map.of());

  /** {@code path:line} of an entry → the action it enters (the first by name). */
  private final Map<String, String> byEntry;

  private NestedActions(Map<String, String> byEntry) {
    this.byEntry = byEntry;
  }

  static NestedActions of(List<ApiAction> actions) {
    Map<String, String> byEntry = new TreeMap<>();
    for (ApiAction a : actions) {
      if (a.httpMethod().equals("GET")) {
        continue; // a read of another collection is a read here, not another action's work
      }
      byEntry.putIfAbsent(key(Step.Origin.of(a.entry())), a.name());
    }
    return new NestedActions(byEntry);
  }

  /** What {@link #noteFor} says: {@code update port (as ports-update)}. */
  private static final java.util.regex.Pattern NOTE =
      java.util.regex.Pattern.compile(".* \\(as [a-z0-9-]+\\)");

  /** Whether {@code text} is a note {@link #noteFor} made. */
  static boolean isNote(String text) {
    return NOTE.matcher(text).matches();
  }

  /** The note for a call of {@code fn}, if it is an action's entry. */
  Optional<String> noteFor(dev.novatrace.index.FunctionInfo fn) {
    String action = byEntry.get(key(Step.Origin.of(fn)));
    return action == null ? Optional.empty()
        : Optional.of(fn.name().replace('_', ' ') + " (as " + action + ")");
  }

  private static String key(Step.Origin o) {
    return o.path() + ":" + o.line();
  }
}
