package dev.novatrace.util;


/**
 * A problem with what the user gave us (a missing path, an unknown action, a tree that is not
 * Nova). The CLI prints its message as one line and exits with {@link ExitCode#USAGE}.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
