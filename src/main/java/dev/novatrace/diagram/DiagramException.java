package dev.novatrace.diagram;

import java.util.List;

/**
 * A diagram file that could not be read. Holds every error found (sorted by line); the message is
 * the first one as {@code file:line: message}, plus how many more there are.
 */
public final class DiagramException extends Exception {

  private final transient List<DiagramError> errors;

  public DiagramException(List<DiagramError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<DiagramError> errors() {
    return errors;
  }

  private static String summary(List<DiagramError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    String first = errors.get(0).toString();
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }
}
