package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command shares: exit codes, help, suggestions, and errors in one line. */
class MainTest {
  private static final String MINI = "src/test/resources/fixtures/trace/mini";

  @TempDir Path tmp;

  private record Run(int code, String out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString().lines().toList());
  }

  @Test
  void aMistypedCommandIsSuggestedTheRightOne() {
    Run r = run("trce");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Did you mean: novatrace trace?"), r.err().toString());
  }

  @Test
  void helpOfACommandIsItsUsageWithTheExitCodes() {
    Run r = run("help", "trace");
    assertEquals(0, r.code(), r.err().toString());
    assertTrue(r.out().contains("Usage: novatrace trace"), r.out());
    assertTrue(r.out().contains("3  internal error"), r.out());
  }

  @Test
  void anOutputPathThatIsAFileIsTheUsersToFixBeforeAnyWork() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    Run r = run("trace", "--nova", MINI, "--action", "pause", "-o", file.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: cannot write to " + file + ": it is a file, not a folder"),
        r.err());
    Run under = run("render", "diagrams/pause.wsd", "-o", file.resolve("sub").toString());
    assertEquals(2, under.code());
    assertEquals(1, under.err().size(), under.err().toString());
    assertTrue(under.err().get(0).startsWith("novatrace: cannot write to "), under.err().get(0));
  }

  @Test
  void debugIsAcceptedAnywhereAndChangesNothingWhenAllGoesWell() {
    Run r = run("trace", "--nova", MINI, "--action", "pause", "--debug", "-o",
        tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err().toString());
  }
}
