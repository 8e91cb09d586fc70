package dev.novatrace.python.ast;

/**
 * Where a node stands in its source: 1-based line, 0-based column, and the half-open character
 * range [start, end) into {@link Module#source()}, so callers can quote the original text
 * (a condition in an {@code if}, a decorator's arguments) without re-printing the tree.
 */
public record Pos(int line, int column, int start, int end) {
  public static final Pos NONE = new Pos(0, 0, 0, 0);
}
