package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.MiniNovaRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} on the synthetic repository, through the command line. */
class HistoryCommandTest {
  @TempDir static Path tmp;
  static String repo;

  @BeforeAll
  static void build() throws IOException {
    repo = MiniNovaRepo.build(tmp.resolve("mini.git")).toString();
  }

  @Test
  void listRefs() {
    CliRun r = CliRun.run("history", "--nova", repo, "--list-refs");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    assertTrue(lines.get(0).matches("alpha-eol +[0-9a-f]{12} 2020-09-14"), lines.get(0));
    assertTrue(lines.get(2).startsWith("HEAD "), lines.get(2));
  }

  @Test
  void markdownTimelineAndFiles(@TempDir Path out) throws IOException {
    CliRun r = CliRun.run("history", "--nova", repo, "--action", "pause", "--format", "markdown",
        "--refs", "alpha-eol,2.0.0", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("wrote the history of 1 action over 2 refs into " + out + "\n", r.out());
    String md = Files.readString(out.resolve("pause.history.md"));
    assertTrue(md.contains("| rpc | `pause_instance` | `nova_api->>nova_compute` | alpha-eol | 2.0.0 |"),
        md);
    assertTrue(md.contains("| rpc | `pause_server` | `nova_api->>nova_compute` | 2.0.0 |  |"), md);
    assertEquals(md + "\n", Files.readString(out.resolve("history.md")));
    String wsd = Files.readString(out.resolve("pause.wsd"));
    assertTrue(wsd.startsWith("# novatrace ") && wsd.contains("· Nova 2.0.0 · pause ·"), wsd);
    assertTrue(wsd.contains("note right of nova_compute: since 2.0.0"), wsd);
  }

  @Test
  void jsonIsTheData() {
    CliRun r = CliRun.run("history", "--nova", repo, "--action", "pause", "--format", "json");
    assertEquals(0, r.code(), r.err());
    var json = dev.novatrace.testing.JsonFields.read(r.out());
    assertEquals(List.of("refs", "actions"), dev.novatrace.testing.JsonFields.names(json));
    assertEquals("[\"alpha-eol\",\"2.0.0\",\"HEAD\"]", json.get("refs").toString());
    boolean found = false;
    for (var fact : json.get("actions").get(0).get("facts")) {
      found |= fact.toString().equals("{\"kind\":\"rpc\",\"what\":\"pause_server\",\"where\":"
          + "\"nova_api->>nova_compute\",\"spans\":[{\"since\":\"2.0.0\",\"until\":null}]}");
    }
    assertTrue(found, r.out());
  }

  @Test
  void errorsAreOneLineAndExitTwo() throws IOException {
    Files.createDirectories(tmp.resolve("plain"));
    List<List<String>> bad = List.of(
        List.of("--nova", tmp.resolve("plain").toString(), "--all"),
        List.of("--nova", tmp.resolve("gone").toString(), "--all"),
        List.of("--nova", repo, "--all", "--refs", "alpha-eol,nope"),
        List.of("--nova", repo, "--all", "--refs", "pre-nova"),
        List.of("--nova", repo, "--action", "no-such-action"),
        List.of("--nova", repo, "--all", "--format", "wsd"));
    for (List<String> args : bad) {
      String[] line = java.util.stream.Stream.concat(java.util.stream.Stream.of("history"),
          args.stream()).toArray(String[]::new);
      CliRun r = CliRun.run(line);
      assertEquals(2, r.code(), args + ": " + r.err());
      assertEquals(1, r.errLines().stream().filter(l -> !l.contains("warning")).count(),
          args + ": " + r.err());
    }
  }
}
