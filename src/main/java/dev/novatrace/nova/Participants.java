package dev.novatrace.nova;

import java.util.Map;
import java.util.Optional;

/** Looks up a participant by the longest module-path prefix in a profile's table. */
public final class Participants {
  /** The code runs in its caller's process. */
  public static final String INHERIT = "";

  private Participants() {}

  public static Optional<String> byLongestPrefix(Map<String, String> table, String path) {
    String best = null;
    String value = null;
    for (Map.Entry<String, String> e : table.entrySet()) {
      if (path.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
        best = e.getKey();
        value = e.getValue();
      }
    }
    return value == null || value.equals(INHERIT) ? Optional.empty() : Optional.of(value);
  }
}
