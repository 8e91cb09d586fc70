package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command shares: exit codes, help, suggestions, and errors in one line. */
class MainTest {
  private static final String MINI = "src/test/resources/fixtures/trace/mini";

  @TempDir Path tmp;

  @Test
  void aMistypedCommandIsSuggestedTheRightOne() {
    CliRun r = CliRun.run("trce");
    assertEquals(2, r.code());
    assertTrue(r.errLines().contains("Did you mean: novatrace trace?"), r.errLines().toString());
  }

  @Test
  void helpOfACommandIsItsUsageWithTheExitCodes() {
    CliRun r = CliRun.run("help", "trace");
    assertEquals(0, r.code(), r.errLines().toString());
    assertTrue(r.out().contains("Usage: novatrace trace"), r.out());
    assertTrue(r.out().contains("3  internal error"), r.out());
  }

  @Test
  void anOutputPathThatIsAFileIsTheUsersToFixBeforeAnyWork() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "-o", file.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: cannot write to " + file + ": it is a file, not a folder"),
        r.errLines());
    CliRun under = CliRun.run("render", "diagrams/pause.wsd", "-o", file.resolve("sub").toString());
    assertEquals(2, under.code());
    assertEquals(1, under.errLines().size(), under.errLines().toString());
    assertTrue(under.errLines().get(0).startsWith("novatrace: cannot write to "), under.errLines().get(0));
  }

  @Test
  void debugIsAcceptedAnywhereAndChangesNothingWhenAllGoesWell() {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--debug", "-o",
        tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.errLines().toString());
  }
}
