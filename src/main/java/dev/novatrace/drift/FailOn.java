package dev.novatrace.drift;

import dev.novatrace.util.UserError;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code drift --fail-on}: which findings make the run fail (exit 1). A CI job that is rolling
 * drift out can start with {@link #ANCHORS}, the findings no reading of the diagram can excuse,
 * and report the rest without failing.
 */
public enum FailOn {
  ANY, ANCHORS, NEVER;

  /**
   * The findings about a diagram's links to the code: the file or function it names is gone or
   * cannot be read, or the diagram itself cannot. Every other kind is a judgement on its steps.
   */
  private static final Set<Finding.Kind> ANCHOR_KINDS = EnumSet.of(Finding.Kind.UNREADABLE,
      Finding.Kind.MISSING_FILE, Finding.Kind.UNPARSED_FILE, Finding.Kind.MISSING_FUNCTION);

  public static boolean aboutAnchor(Finding.Kind kind) {
    return ANCHOR_KINDS.contains(kind);
  }

  /** {@code any}, {@code anchors} or {@code never}, in any case. */
  public static FailOn parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("--fail-on: unknown value '" + name
          + "' (expected any, anchors or never)");
    }
  }

  /** Whether these findings fail the run. */
  public boolean fails(List<Finding> findings) {
    return switch (this) {
      case ANY -> !findings.isEmpty();
      case ANCHORS -> findings.stream().anyMatch(f -> aboutAnchor(f.kind()));
      case NEVER -> false;
    };
  }
}
