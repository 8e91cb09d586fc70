package dev.novatrace.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one golden-file mechanism. A golden that matches passes. A missing golden, or with
 * {@code -Dnovatrace.updateGoldens=true} one that differs, is written and the test fails, so
 * that nothing written is trusted before a person has read its diff and run the tests again.
 */
public final class Goldens {
  private static final boolean UPDATE = Boolean.getBoolean("novatrace.updateGoldens");

  private Goldens() {}

  public static void check(Path golden, String actual) throws IOException {
    boolean exists = Files.exists(golden);
    String expected = exists ? Files.readString(golden, StandardCharsets.UTF_8) : null;
    if (actual.equals(expected)) {
      return;
    }
    if (!exists || UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      fail("golden " + golden + (exists ? " rewritten" : " was missing: written")
          + "; review its diff and run again");
    }
    assertEquals(expected, actual,
        golden + " differs (-Dnovatrace.updateGoldens=true rewrites it)");
  }
}
