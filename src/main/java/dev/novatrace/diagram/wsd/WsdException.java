package dev.novatrace.diagram.wsd;

import java.util.List;

/**
 * A .wsd file that could not be read. Holds every error found (sorted by line); the message is
 * the first one as {@code file:line: message}, plus how many more there are.
 */
public final class WsdException extends Exception {

  private final transient List<WsdError> errors;

  public WsdException(List<WsdError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<WsdError> errors() {
    return errors;
  }

  private static String summary(List<WsdError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    String first = errors.get(0).toString();
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }
}
