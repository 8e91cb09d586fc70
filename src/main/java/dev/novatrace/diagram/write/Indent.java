package dev.novatrace.diagram.write;

/**
 * The indentation of a line nested {@code depth} blocks deep, at most {@link #MAX_LEVELS}
 * levels: indentation only shows nesting to a reader, and past that depth (a damaged or hostile
 * diagram, 24,000 unclosed {@code alt}s) it made the text quadratic in the depth (1.1 GB, a
 * 5 GB heap).
 */
final class Indent {
  /** Deeper than any diagram is drawn (PlantUML: 500 levels), so none it draws changes. */
  static final int MAX_LEVELS = 500;

  private Indent() {}

  static String of(String unit, int depth) {
    return unit.repeat(Math.min(depth, MAX_LEVELS));
  }
}
