package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output file lies inside its output folder, whatever the name it was given. */
class AtomicFilesTest {
  @TempDir Path tmp;

  private static final byte[] X = "x".getBytes(StandardCharsets.UTF_8);

  @Test
  void writesInsideTheFolderAndIntoNewSubFolders() throws Exception {
    Path out = tmp.resolve("out");
    AtomicFiles.write(out, out.resolve("a/b/c.wsd"), X);
    assertArrayEquals(X, Files.readAllBytes(out.resolve("a/b/c.wsd")));
    try (Stream<Path> s = Files.list(out.resolve("a/b"))) {
      assertEquals(1, s.count(), "no temp file left");
    }
  }

  @Test
  void refusesAPathThatClimbsOutOrIsAbsolute() {
    Path out = tmp.resolve("out");
    UserError up = assertThrows(UserError.class,
        () -> AtomicFiles.write(out, out.resolve("../../" + "escaped.wsd"), X));
    assertTrue(up.getMessage().contains("outside the output folder"), up.getMessage());
    assertThrows(UserError.class, () -> AtomicFiles.write(out, out.resolve("/tmp/abs.wsd"), X));
    assertThrows(UserError.class, () -> AtomicFiles.write(out, out, X));
    assertFalse(Files.exists(tmp.resolve("escaped.wsd")));
  }

  @Test
  void refusesAFolderOnTheWayThatLinksOut() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(out.resolve("actions"), elsewhere);
    UserError e = assertThrows(UserError.class,
        () -> AtomicFiles.write(out, out.resolve("actions/pause.html"), X));
    assertTrue(e.getMessage().contains("leads outside the output folder"), e.getMessage());
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void aLinkThatStaysInsideIsFine() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createDirectories(out.resolve("real"));
    Files.createSymbolicLink(out.resolve("alias"), Path.of("real"));
    AtomicFiles.write(out, out.resolve("alias/x.svg"), X);
    assertTrue(Files.isRegularFile(out.resolve("real/x.svg")));
  }

  @Test
  void aFolderWhereTheFileGoesIsTheUsersToFix() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/pause.wsd")).getParent();
    UserError e = assertThrows(UserError.class,
        () -> AtomicFiles.write(out, out.resolve("pause.wsd"), X));
    assertTrue(e.getMessage().contains("a folder stands where the file goes"), e.getMessage());
  }
}
