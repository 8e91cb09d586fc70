package dev.novatrace.diagram.wsd;

/** One problem in a .wsd file, shown as {@code file:line: message}. */
public record WsdError(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
