package dev.novatrace.diagram;

/**
 * One problem in a diagram file (.wsd or .dia), shown as {@code file:line: message}; line 0 is the file as a whole
 * (not a regular file), shown as {@code file: message}.
 */
public record DiagramError(String file, int line, String message) {

  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
  }
}
