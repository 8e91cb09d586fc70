package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** No command is a usage error: the usage on standard error, exit 2. */
  @Test
  void noCommandIsAUsageError() {
    CliRun r = CliRun.run();
    assertEquals(2, r.code());
    assertTrue(r.out().isEmpty(), r.out());
    assertTrue(r.err().startsWith("Usage: novatrace"), r.err());
  }

  /** The bar stays away in CI, with NO_COLOR set to anything but empty, and on a dumb terminal. */
  @Test
  void theEnvironmentDecidesTheBar() {
    assertTrue(ProgressBar.wanted(java.util.Map.<String, String>of()::get));
    assertTrue(ProgressBar.wanted(java.util.Map.of("NO_COLOR", "")::get));
    assertTrue(!ProgressBar.wanted(java.util.Map.of("NO_COLOR", "1")::get));
    assertTrue(!ProgressBar.wanted(java.util.Map.of("CI", "true")::get));
    assertTrue(!ProgressBar.wanted(java.util.Map.of("TERM", "dumb")::get));
  }

  @Test
  void aMistypedCommandIsSuggestedTheRightOne() {
    CliRun r = CliRun.run("trce");
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: unknown command 'trce' (did you mean trace?); see"
        + " 'novatrace --help'"), r.errLines());
  }

  /** A bad value is one line in our words, with no Java class name in it. */
  @Test
  void aBadFormatIsOneLineWithoutJava() {
    CliRun r = CliRun.run("render", "--format", "png,svgz", "x.wsd");
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: Invalid value for option '--format' (FORMAT): unknown"
        + " format 'svgz' (expected one of svg|png|puml|mermaid|wsd|seqdiag); see 'novatrace"
        + " render --help'"), r.errLines());
  }

  @Test
  void helpOfACommandIsItsUsageWithTheExitCodes() {
    CliRun r = CliRun.run("help", "trace");
    assertEquals(0, r.code(), r.errLines().toString());
    assertTrue(r.out().contains("Usage: novatrace trace"), r.out());
    assertTrue(r.out().contains("3  internal error"), r.out());
  }

  @Test
  void everyCommandsHelpListsEachExitCodeOnceInTheOneFormat() {
    for (String command : List.of("parse", "actions", "trace", "render", "diff", "drift", "site",
        "history")) {
      String help = CliRun.run("help", command).out();
      String codes = help.substring(help.indexOf("Exit codes:"));
      for (String code : List.of("  0  ", "  2  ", "  3  ")) {
        assertEquals(1, codes.split(code, -1).length - 1, command + ":\n" + codes);
      }
      assertFalse(codes.contains("Exit codes: 0"), command + ":\n" + codes);
    }
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

  @Test
  void withoutTheDefaultSnapshotNorAptTheErrorSaysWhatToDoOnceOnOneLine() throws IOException {
    Path snaps = Files.createDirectories(tmp.resolve("snaps"));
    Files.copy(Path.of("nova-snapshots/manifest.tsv"), snaps.resolve("manifest.tsv"));
    Files.writeString(snaps.resolve("fetch"), "touch ran\n");
    dev.novatrace.testing.JvmRun r = dev.novatrace.testing.JvmRun.withEnvironment(
        java.util.Map.of("NOVATRACE_SNAPSHOTS", snaps.toString(), "PATH", tmp.resolve("bin").toString()),
        "trace", "--action", "pause", "-o", tmp.resolve("out").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.err().startsWith("novatrace: Nova snapshot 34.0.0 (hibiscus) is not fetched,")
        && r.err().contains("give a Nova tree: --nova /path/to/nova, or --nova REPO@REF for a git"
        + " clone"), r.toString());
    assertTrue(Files.notExists(snaps.resolve("ran")), "the fetch script ran");
  }
}
