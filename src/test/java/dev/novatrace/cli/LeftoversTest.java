package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.util.AtomicFiles;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.MiniNova;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files a killed run left behind are removed by the next run that writes there. */
class LeftoversTest {

  /** Above Linux's largest pid_max (2^22): never a live process. */
  private static final long DEAD_PID = 4_194_305L;

  @TempDir Path tmp;

  private Path dead;
  private Path alive;
  private Path notOurs;

  private void leftovers(Path dir) throws Exception {
    Files.createDirectories(dir);
    dead = Files.writeString(dir.resolve(".pause.svg." + DEAD_PID + "-3.tmp"), "half");
    alive = Files.writeString(dir.resolve(".pause.svg." + ProcessHandle.current().pid()
        + "-7.tmp"), "being written");
    notOurs = Files.writeString(dir.resolve(".editor-swap.tmp"), "x");
  }

  private void assertOnlyDeadRemoved() {
    assertFalse(Files.exists(dead), "a dead run's temp file is removed");
    assertTrue(Files.exists(alive), "a live run's temp file is kept");
    assertTrue(Files.exists(notOurs), "a file not named like ours is kept");
  }

  @Test
  void removeLeftoversKeepsLiveProcessesFiles() throws Exception {
    leftovers(tmp);
    assertEquals(List.of(dead), AtomicFiles.removeLeftovers(tmp));
    assertOnlyDeadRemoved();
    assertEquals(List.of(), AtomicFiles.removeLeftovers(tmp.resolve("missing")));
  }

  @Test
  void renderRemovesLeftoversInItsOutputFolder() throws Exception {
    Path out = tmp.resolve("out");
    leftovers(out);
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"render", Fixtures.VALID.resolve("seed-pause.wsd").toString(),
        "-o", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    assertOnlyDeadRemoved();
    assertEquals(List.of("novatrace: removed 1 temp file left by an interrupted run: " + dead),
        err.toString().lines().toList());
  }

  @Test
  void traceCleanRemovesLeftovers() throws Exception {
    Path out = tmp.resolve("out");
    leftovers(out);
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"trace", "--nova", MiniNova.ROOT.toString(), "--all",
        "--clean", "-o", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    assertOnlyDeadRemoved();
    assertTrue(err.toString().contains("removed 1 temp file left by an interrupted run: " + dead),
        err.toString());
  }
}
