package dev.novatrace.util;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Work that walks an action's code recursively. Code nested deeper than even a big stack holds
 * fails that one action, said in one line, and the rest go on: {@code trace}, {@code site} and
 * {@code history} all treat a {@link StackOverflowError} this way.
 */
public final class DeepCode {
  /** Said after the action's name. */
  public static final String TOO_DEEP = "its code is nested too deeply to trace";

  /** Work on one action, which may throw what its caller throws (an IOException writing). */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  private DeepCode() {}

  /**
   * What {@code work} returns (never null); empty when it overflowed the stack, after telling
   * {@code problems} {@code "NAME: its code is nested too deeply to trace"}.
   */
  public static <T, E extends Exception> Optional<T> attempt(String name,
      Consumer<String> problems, Work<T, E> work) throws E {
    try {
      return Optional.of(work.run());
    } catch (StackOverflowError tooDeep) {
      problems.accept(name + ": " + TOO_DEEP);
      return Optional.empty();
    }
  }
}
