package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.MiniNova;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code novatrace site} run in-process on the fixture tree: what it writes, how it refuses. */
class SiteCommandTest {
  private static final String MINI = MiniNova.ROOT.toString();

  @TempDir Path tmp;

  @Test
  void writesAnIndexAndAPagePerChosenAction() throws IOException {
    Path dir = tmp.resolve("site");
    CliRun r = CliRun.run("site", "--nova", MINI, "--action", "pause", "live-migrate",
        "--detail", "standard", "--source-url",
        "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}", "--ref", "1.0",
        "-o", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote the site of 2 actions of " + MINI + " into "), r.out());
    String page = Files.readString(dir.resolve("actions/migrate-live.html"));
    assertTrue(page.contains("<a href=\"https://opendev.org/openstack/nova/src/tag/1.0/nova/api/"),
        page);
    assertTrue(Files.exists(dir.resolve("actions/pause.standard.svg")));
    assertTrue(Files.notExists(dir.resolve("actions/pause.overview.svg")));
    assertTrue(Files.exists(dir.resolve("style.css")) && Files.exists(dir.resolve("search.js")));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign.resolve("actions"));
    List<List<String>> lines = List.of(
        List.of("--action", "pauze"),
        List.of("--detail", "overview,most"),
        List.of("--source-url", "https://x/{nope}"),
        List.of("--compare", MINI, MiniNova.ROOT.toAbsolutePath().toString()),
        List.of("-o", foreign.toString()));
    List<String> expected = List.of("novatrace: unknown action 'pauze'; closest: pause, ",
        "novatrace: --detail: unknown detail level 'most'",
        "novatrace: --source-url: unknown placeholder {nope}",
        "novatrace: --compare: two trees are both named mini",
        "novatrace: cannot build a site in " + foreign + ": its actions/ folder is not from");
    for (int i = 0; i < lines.size(); i++) {
      List<String> args = new java.util.ArrayList<>(List.of("site", "--nova", MINI));
      args.addAll(lines.get(i));
      if (!args.contains("-o")) {
        args.addAll(List.of("-o", tmp.resolve("out" + i).toString()));
      }
      CliRun r = CliRun.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.err());
      String last = r.errLines().get(r.errLines().size() - 1);
      assertTrue(last.startsWith(expected.get(i)), last);
      assertTrue(r.errLines().stream().noneMatch(l -> l.startsWith("\tat ")), r.err());
    }
  }
}
