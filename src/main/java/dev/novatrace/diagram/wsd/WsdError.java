package dev.novatrace.diagram.wsd;

/**
 * One problem in a .wsd file, shown as {@code file:line: message}; line 0 is the file as a whole
 * (not a regular file), shown as {@code file: message}.
 */
public record WsdError(String file, int line, String message) {

  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
  }
}
