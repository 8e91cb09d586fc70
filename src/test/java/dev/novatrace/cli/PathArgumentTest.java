package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PathArgumentTest {

  @Test
  void aPathIsAPath() {
    assertEquals(Path.of("a/b.wsd"), new PathArgument().convert("a/b.wsd"));
  }

  /**
   * A name no path can hold (here a NUL; under LC_ALL=C, any UTF-8 name, which the JVM hands
   * over with U+FFFD) is one line without Java's exception text, unreadable characters as '?'.
   */
  @Test
  void aNameThePlatformCannotHoldIsOneLine() {
    var e = assertThrows(CommandLine.TypeConversionException.class,
        () -> new PathArgument().convert("p\uFFFD\uFFFDuse\u0000.wsd"));
    assertTrue(e.getMessage().startsWith("the name 'p??use?.wsd' cannot be held in this"
        + " locale's character set"), e.getMessage());
    assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
  }
}
