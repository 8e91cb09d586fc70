package dev.novatrace.drift;

import dev.novatrace.diff.Anchor;
import java.util.Comparator;

/**
 * One thing a drift review found in a diagram. {@code path} and {@code function} are the anchor
 * as written (function without parentheses), empty for findings that are not about an anchor;
 * {@code suggestion} is empty when the code cannot tell one.
 */
public record Finding(String diagram, int line, Kind kind, String path, String function,
    String message, String suggestion) implements Comparable<Finding> {

  public enum Kind {
    UNREADABLE("unreadable"),
    MISSING_FILE("missing-file"),
    UNPARSED_FILE("unparsed-file"),
    MISSING_FUNCTION("missing-function"),
    UNKNOWN_RPC("unknown-rpc"),
    WRONG_ROUTE("wrong-route"),
    WRONG_KIND("wrong-kind"),
    MISSING_STEP("missing-step"),
    EXTRA_STEP("extra-step");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::diagram)
      .thenComparingInt(Finding::line).thenComparing(f -> f.kind().label)
      .thenComparing(Finding::message);

  public static Finding of(String diagram, int line, Kind kind, String message, String suggestion) {
    return new Finding(diagram, line, kind, "", "", message, suggestion);
  }

  public static Finding atAnchor(String diagram, int line, Kind kind, Anchor a, String message,
      String suggestion) {
    return new Finding(diagram, line, kind, a.path(), a.function(), message, suggestion);
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
