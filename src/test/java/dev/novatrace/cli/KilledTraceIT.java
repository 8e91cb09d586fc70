package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace --all} of Nova 34.0.0 in a bounded heap, and stopped at random moments: the
 * output folder never holds a temp file or half a diagram.
 */
class KilledTraceIT {

  private static final Path NOVA = Path.of("nova-snapshots/34.0.0/nova");
  /** Every action of 34.0.0, as .wsd and .svg. */
  private static final int FILES = 2 * 114;
  /**
   * Tries, SIGTERM and SIGKILL in turn, each stopped at a moment drawn from a fixed seed: two of
   * each signal; the ten there were repeated the same two cases at other moments (a whole run
   * each, 35 s of the suite's time).
   */
  private static final int TRIES = 4;

  @TempDir Path tmp;

  private static String[] trace(Path out) {
    return new String[] {"trace", "--nova", NOVA.toString(), "--all", "--format", "wsd,svg",
        "-o", out.toString()};
  }

  @Test
  void stoppedAtRandomMomentsItLeavesOnlyWholeFiles() throws Exception {
    assumeTrue(Files.isDirectory(NOVA) || "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS")),
        "no Nova 34.0.0 snapshot");
    // The reference, in the heap the README promises is enough.
    Path whole = tmp.resolve("whole");
    long started = System.nanoTime();
    JvmRun reference = JvmRun.jar(List.of("-Xmx512m"), trace(whole));
    // Each try is stopped while a run like it is still going: a stop after it ended tests
    // nothing and only waits.
    int lasts = (int) Math.max(1000, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    assertEquals(0, reference.code(), reference.toString());
    assertEquals(FILES, Trees.files(whole).size());
    Path out = tmp.resolve("out");
    Random random = new Random(14);
    for (int i = 0; i < TRIES; i++) {
      JvmRun.Started run = JvmRun.start(JvmRun.Launch.JAR, List.of(), Path.of(""), trace(out));
      long after = 300 + random.nextInt(lasts - 300);
      boolean forcibly = i % 2 == 1;
      if (!run.process().waitFor(after, TimeUnit.MILLISECONDS)) {
        // SIGKILL leaves the temp file being written; SIGTERM (as Ctrl-C) removes it.
        if (forcibly) {
          run.process().destroyForcibly();
        } else {
          run.process().destroy();
        }
      }
      JvmRun stopped = run.finish(60);
      String what = "try " + i + ", " + (forcibly ? "SIGKILL" : "SIGTERM") + " after " + after
          + " ms: " + stopped;
      assertOnlyWholeFiles(out, whole, forcibly, what);
    }
    JvmRun last = JvmRun.jar(List.of(), trace(out));
    assertEquals(0, last.code(), last.toString());
    assertOnlyWholeFiles(out, whole, false, "after a run to the end");
    assertEquals(FILES, Trees.files(out).size());
  }

  /** Every file in {@code out} is the reference's, byte for byte; temp files only after SIGKILL. */
  private static void assertOnlyWholeFiles(Path out, Path whole, boolean tempAllowed, String what)
      throws IOException {
    if (!Files.isDirectory(out)) {
      return;
    }
    for (String name : Trees.files(out)) {
      if (name.startsWith(".") && name.endsWith(".tmp")) {
        assertTrue(tempAllowed, what + ": temp file " + name);
        continue;
      }
      assertTrue(Files.exists(whole.resolve(name)), what + ": unexpected " + name);
      assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(out.resolve(name)),
          what + ": " + name + " is incomplete");
    }
  }
}
