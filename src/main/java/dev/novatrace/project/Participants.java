package dev.novatrace.project;

import java.util.Map;
import java.util.Optional;

/** Looks up a participant by the longest module-path prefix in a profile's table. */
public final class Participants {
  /** The code runs in its caller's process. */
  public static final String INHERIT = "";

  private Participants() {}

  public static Optional<String> byLongestPrefix(Map<String, String> table, String path) {
    return longestPrefix(table, path).filter(value -> !value.equals(INHERIT));
  }

  /** The value of the longest key of {@code table} that {@code path} starts with, if any. */
  public static <T> Optional<T> longestPrefix(Map<String, T> table, String path) {
    String best = null;
    for (String prefix : table.keySet()) {
      if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return Optional.ofNullable(best).map(table::get);
  }
}
