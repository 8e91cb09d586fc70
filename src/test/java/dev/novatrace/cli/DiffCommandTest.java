package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.MiniNova;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} on the mini tree and a copy whose pause also casts start_instance: what goes to
 * standard output and what to files, the options, the exit codes.
 */
class DiffCommandTest {
  @TempDir static Path tmp;
  static String from;
  static String to;

  @BeforeAll
  static void copyAndChange() throws IOException {
    Path copy = tmp.resolve("mini2");
    try (Stream<Path> files = Files.walk(MiniNova.ROOT)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(MiniNova.ROOT.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path api = copy.resolve("nova/compute/api.py");
    String code = Files.readString(api);
    String pause = "self.compute_rpcapi.pause_instance(context, instance)\n";
    assertTrue(code.contains(pause));
    Files.writeString(api, code.replaceFirst(java.util.regex.Pattern.quote(pause), pause
        + "        self.compute_rpcapi.start_instance(context, instance, 'user')\n"));
    from = MiniNova.ROOT.toString();
    to = copy.toString();
  }

  private static CliRun diff(String... more) {
    String[] args = Stream.concat(Stream.of("diff", "--from", from, "--to", to),
        Stream.of(more)).toArray(String[]::new);
    return CliRun.run(args);
  }

  @Test
  void textIsHunksWithContext() {
    CliRun r = diff("--action", "pause");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("pause: 14 steps in mini, 24 in mini2; 10 added, 0 removed,"
        + " 0 changed, 1 anchor moved\n"), r.out());
    assertTrue(r.out().contains("rpc appeared: start_instance\n--- mini/pause\n+++ mini2/pause\n"
        + "@@ -8,6 +8,8 @@ nova/compute/api.py pause()\n"
        + " note over nova_api: record action: pause\n"
        + " # nova/compute/rpcapi.py pause_instance()\n"
        + " nova_api->>nova_compute: pause_instance\n"
        + "+# nova/compute/rpcapi.py start_instance()\n"
        + "+nova_api->>nova_compute: start_instance\n"
        + " nova_api-->client: HTTP 202\n"), r.out());
    CliRun none = diff("--action", "pause", "-U", "0");
    assertTrue(none.out().contains("@@ -10,0 +11,2 @@ nova/compute/rpcapi.py pause_instance()\n"
        + "+# nova/compute/rpcapi.py start_instance()\n"), none.out());
    assertEquals(none.out(), diff("--action", "pause", "--context", "0").out());
  }

  @Test
  void statIsALineAnActionAndATotal() {
    CliRun r = diff("--all", "--stat");
    assertEquals(1, r.code(), r.err());
    // power-action is the mini tree's generic action: pause is one of the ways it goes
    assertEquals(" pause        | 10 ++++++++++\n power-action | 10 ++++++++++\n"
        + " 2 of 14 actions changed, 20 insertions(+), 0 deletions(-), 3 anchors moved\n",
        r.out());
    assertEquals(" pause | 10 ++++++++++\n 1 of 1 action changed, 10 insertions(+),"
        + " 0 deletions(-), 1 anchor moved\n", diff("--action", "pause", "--stat").out());
  }

  /** With -o, files get everything and standard output one line. */
  @Test
  void withOutputOnlyOneLineGoesToStandardOutput() throws IOException {
    Path out = tmp.resolve("wsd");
    CliRun r = diff("--all", "-o", out.toString(), "--format", "wsd");
    assertEquals(1, r.code(), r.err());
    assertEquals("wrote 14 diff diagrams and summary.txt into " + out + "\n", r.out());
    String summary = Files.readString(out.resolve("summary.txt"));
    assertTrue(summary.startsWith(" pause        | 10 ++++++++++\n"), summary);
    assertTrue(summary.contains("+nova_api->>nova_compute: start_instance\n"), summary);
    assertTrue(Files.readString(out.resolve("pause.diff.wsd"))
        .contains("nova_api->>nova_compute: [+] start_instance"));

    Path md = tmp.resolve("md");
    CliRun m = diff("--action", "pause", "-o", md.toString(), "--format", "markdown");
    assertEquals("wrote 1 diff into " + md + "\n", m.out());
    String pause = Files.readString(md.resolve("pause.diff.md"));
    assertTrue(pause.contains("\n### pause\n\n"), pause);
    assertTrue(pause.contains("\n```diff\nanchor moved: "), pause);
    assertTrue(pause.contains("\nrpc appeared: start_instance\n--- mini/pause\n"), pause);
    assertTrue(pause.endsWith("\n```\n"), pause);
  }

  @Test
  void rerunsGiveTheSameBytes() {
    for (String format : new String[] {"text", "markdown", "json"}) {
      assertEquals(diff("--all", "--format", format).out(),
          diff("--all", "--format", format).out());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun svg = diff("--all", "--format", "svg");
    assertEquals(2, svg.code());
    assertFalse(svg.err().isEmpty());
    CliRun stat = diff("--all", "--stat", "--format", "wsd", "-o", tmp.resolve("s").toString());
    assertEquals(2, stat.code());
    assertEquals("novatrace: --stat is a report: give --format text, markdown or json",
        stat.errLines().get(0));
    CliRun context = diff("--all", "-U", "-1");
    assertEquals(2, context.code());
    assertTrue(context.err().contains("--context"), context.err());
  }

  @Test
  void nothingDifferentExitsZero() {
    CliRun r = CliRun.run("diff", "--from", from, "--to", from, "--action", "pause");
    assertEquals(0, r.code(), r.err());
    assertEquals("pause: 14 steps in mini, 14 in mini; 0 added, 0 removed, 0 changed,"
        + " 0 anchors moved\n", r.out());
  }
}
