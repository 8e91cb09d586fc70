package dev.novatrace.python;

/** One problem found in a file: where (1-based line, 0-based column) and what, in one line. */
public record Diagnostic(String path, int line, int column, String message) {

  /** The usual compiler form, {@code path:line:col: message}. */
  @Override
  public String toString() {
    return path + ":" + line + ":" + column + ": " + message;
  }
}
