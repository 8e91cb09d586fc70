package dev.novatrace.detail;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of a trace a diagram shows. The levels nest: everything overview shows, standard
 * shows, and everything standard shows, full shows.
 */
public enum Detail {
  /** The RPC skeleton: messages between the services and the state changes. */
  OVERVIEW,
  /** What a person draws: overview plus the driver, external services, writes and key notes. */
  STANDARD,
  /** Everything the tracer follows down to --depth, and what crosses a service below it. */
  FULL;

  /** The level named {@code name} (any case), or an IllegalArgumentException listing them. */
  public static Detail parse(String name) {
    for (Detail d : values()) {
      if (d.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown detail level '" + name + "' (expected "
        + names() + ")");
  }

  public static String names() {
    return Arrays.stream(values()).map(Detail::label).collect(Collectors.joining(", "));
  }

  /** The level's name as options and file headers spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
