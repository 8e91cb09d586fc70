package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one guard trace, site and history put around an action's work. */
class DeepCodeTest {

  @Test
  void workThatReturnsIsItsValueAndSaysNothing() {
    List<String> problems = new ArrayList<>();
    assertEquals(Optional.of("drawn"), DeepCode.attempt("pause", problems::add, () -> "drawn"));
    assertEquals(List.of(), problems);
  }

  @Test
  void anOverflowedStackIsOneLineNamingTheAction() {
    List<String> problems = new ArrayList<>();
    Optional<String> none = DeepCode.attempt("pause", problems::add, () -> {
      throw new StackOverflowError();
    });
    assertEquals(Optional.empty(), none);
    assertEquals(List.of("pause: its code is nested too deeply to trace"), problems);
  }

  @Test
  void whatTheWorkThrowsIsTheCallers() {
    IOException written = new IOException("disk full");
    assertEquals(written, assertThrows(IOException.class,
        () -> DeepCode.attempt("pause", p -> { }, () -> {
          throw written;
        })));
  }
}
