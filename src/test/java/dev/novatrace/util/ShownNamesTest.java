package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Names as reports show them; the lossy case itself (a name Java's locale cannot decode) is
 * CliPolishIT's, under {@code LC_ALL=C}.
 */
class ShownNamesTest {
  @Test
  void printableAsciiIsKeptEveryOtherByteEscaped() {
    assertEquals("p\\xc3\\xa4use.wsd", ShownNames.escaped("p\u00e4use.wsd"
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals("a\\x5cb\\x0a", ShownNames.escaped("a\\b\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aNameDecodedWholeIsShownAsItIs() {
    assertEquals("in/p\u00e4use.wsd", ShownNames.of(Path.of("in/p\u00e4use.wsd")));
    assertEquals("--all", ShownNames.ofArgument("--all"));
  }
}
