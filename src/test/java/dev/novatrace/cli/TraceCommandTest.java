package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.novatrace.testing.JsonFields.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code novatrace trace} run in-process on the fixture tree. */
class TraceCommandTest {
  private static final String MINI = MiniNova.ROOT.toString();
  private static final String PARSE_WARNING =
      "novatrace: warning: nova/cmd/legacy_tool.py:3: invalid syntax: unexpected ':' (file skipped)";

  @TempDir Path tmp;

  @Test
  void misspelledActionExitsTwoNamingTheClosest() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pauze", "-o", tmp.toString());
    assertEquals(2, r.code());
    // One line says what is wrong: the tree's unparsable file is warned about only by a run
    // that traces (at its end, with the diagrams it made partial).
    assertEquals(1, r.errLines().size(), r.errLines().toString());
    assertTrue(r.errLines().get(0).startsWith("novatrace: unknown action 'pauze'; closest: pause, "),
        r.errLines().get(0));
    assertEquals(0, Files.list(tmp).count(), "nothing written");
  }

  /**
   * A tree given by path is named by its folder (or its package metadata), never by the path:
   * the same tree in two places draws the same bytes.
   */
  @Test
  void aTreeGivenByPathDrawsTheSameBytesFromAnyPlace() throws IOException {
    Path a = copyOfMini(tmp.resolve("one/place/31.0.0"));
    Path b = copyOfMini(tmp.resolve("another/31.0.0"));
    assertEquals(0, CliRun.run("trace", "--nova", a.toString(), "--action", "pause",
        "--format", "wsd,json", "-o", tmp.resolve("a").toString()).code() & ~1);
    assertEquals(0, CliRun.run("trace", "--nova", b.resolve("nova").toString(), "--action",
        "pause", "--format", "wsd,json", "-o", tmp.resolve("b").toString()).code() & ~1);
    for (String f : List.of("pause.wsd", "pause.json")) {
      String first = Files.readString(tmp.resolve("a").resolve(f));
      assertEquals(first, Files.readString(tmp.resolve("b").resolve(f)), f);
      assertTrue(!first.contains(tmp.toString()), f + " names a machine's path");
    }
    assertTrue(Files.readString(tmp.resolve("a/pause.wsd")).contains("Nova 31.0.0"));
    // Package metadata beside the package names the release.
    Path info = Files.createDirectories(a.resolve("nova-29.1.0.dist-info"));
    Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: nova\n"
        + "Version: 29.1.0\n\nlong description\n");
    CliRun.run("trace", "--nova", a.toString(), "--action", "pause", "-o",
        tmp.resolve("c").toString());
    assertTrue(Files.readString(tmp.resolve("c/pause.wsd")).contains("Nova 29.1.0"));
  }

  private static Path copyOfMini(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(MiniNova.ROOT)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(MiniNova.ROOT.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  /** Every text format says where it was drawn from, as a comment of its own language. */
  @Test
  void textFormatsCarryTheProvenance() throws IOException {
    CliRun.run("trace", "--nova", MINI, "--action", "pause", "--format", "puml,mermaid", "-o",
        tmp.toString());
    assertTrue(Files.readString(tmp.resolve("pause.puml")).startsWith(
        "@startuml\n' novatrace dev · Nova mini · pause · detail standard\n"));
    assertTrue(Files.readString(tmp.resolve("pause.mmd")).startsWith(
        "%% novatrace dev · Nova mini · pause · detail standard\nsequenceDiagram\n"));
  }

  /**
   * Threads change nothing but time: {@code -j 3} writes the same files and says the same lines,
   * in the same order (the partial diagrams the tree's broken file made), as {@code -j 1}.
   */
  @Test
  void threadsDrawTheSameDiagramsAndSayTheSameLines() throws IOException {
    // A file most routes need does not parse: the line saying so names the diagrams it made
    // partial, in the order of the actions.
    Path tree = dev.novatrace.testing.Trees.copy(MiniNova.ROOT, tmp.resolve("tree"));
    Files.writeString(tree.resolve("nova/compute/api.py"), "\ndef broken(:\n",
        java.nio.file.StandardOpenOption.APPEND);
    CliRun one = CliRun.run("trace", "--nova", tree.toString(), "--all", "--format", "wsd,json",
        "-j", "1", "-o", tmp.resolve("one").toString());
    CliRun three = CliRun.run("trace", "--nova", tree.toString(), "--all", "--format",
        "wsd,json", "-j", "3", "-o", tmp.resolve("three").toString());
    assertEquals(1, one.code(), one.err());
    assertEquals(one.code(), three.code());
    assertTrue(one.err().contains("diagrams partial: "), one.err());
    assertEquals(one.err(), three.err());
    List<String> files;
    try (Stream<Path> s = Files.list(tmp.resolve("one"))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(files.size() > 10, files.toString());
    for (String f : files) {
      assertEquals(Files.readString(tmp.resolve("one").resolve(f)),
          Files.readString(tmp.resolve("three").resolve(f)), f);
    }
    CliRun none = CliRun.run("trace", "--nova", MINI, "--all", "-j", "0", "-o",
        tmp.resolve("none").toString());
    assertEquals(2, none.code());
    assertEquals(List.of("novatrace: --jobs must be at least 1, not 0"), none.errLines());
  }

  /** {@code -o -}: one action in one text format on standard output, and no folder named '-'. */
  @Test
  void dashWritesOneDiagramToStandardOutput() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "-o", "-");
    CliRun.run("trace", "--nova", MINI, "--action", "pause", "-o", tmp.toString());
    assertEquals(Files.readString(tmp.resolve("pause.wsd")), r.out());
    assertTrue(!Files.exists(Path.of("-")), "a folder named '-'");
    for (List<String> more : List.of(List.of("--format", "wsd,json"), List.of("--format", "png"),
        List.of("--all"))) {
      List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova", MINI, "-o", "-"));
      args.addAll(more);
      if (!more.contains("--all")) {
        args.addAll(List.of("--action", "pause"));
      }
      CliRun bad = CliRun.run(args.toArray(String[]::new));
      assertEquals(2, bad.code(), more.toString());
      assertTrue(bad.out().isEmpty() && bad.err().startsWith("novatrace: -o - writes one action"),
          bad.err());
    }
  }

  @Test
  void missingTreeExitsTwo() {
    CliRun r = CliRun.run("trace", "--nova", "/tmp/nonexistent-novatrace-tree", "--action", "pause",
        "-o", tmp.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: no such folder: /tmp/nonexistent-novatrace-tree"), r.errLines());
  }

  @Test
  void anUnknownFormatExitsTwoListingTheFormatsBeforeAnythingIsRead() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--format", "wsd,gif",
        "-o", tmp.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: --format: unknown format 'gif' (expected json, callgraph or"
        + " svg|png|puml|mermaid|wsd|seqdiag)"), r.errLines());
    assertEquals(0, Files.list(tmp).count(), "nothing written");
  }

  @Test
  void allWritesOneDiagramPerActionAndWarnsAboutTheBrokenFile() throws IOException {
    Path dir = tmp.resolve("out");
    CliRun r = CliRun.run("trace", "--nova", MINI, "--all", "-o", dir.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    assertEquals(List.of(PARSE_WARNING), r.errLines());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("attach-volume.wsd", "boot.wsd", "create-image.wsd", "delete.wsd",
          "evacuate.wsd", "list.wsd", "migrate-live.wsd", "migrate.wsd", "pause.wsd",
          "power-action.wsd", "rebuild.wsd",
          "rename.wsd", "start.wsd", "stop.wsd"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    // The default level of detail is standard; the first line says what made the file.
    String written = Files.readString(dir.resolve("pause.wsd"));
    assertEquals("# novatrace dev · Nova mini · pause · detail standard\n"
        + MiniNova.wsd(MiniNova.workspace(), "pause", Detail.STANDARD), written);
    assertTrue(r.out().startsWith("traced 14 actions of "), r.out());
  }

  @Test
  void jsonFormatWritesTheTraceAsJson() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "live-migrate", "--format", "json",
        "-o", tmp.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    JsonNode json = Json.MAPPER.readTree(tmp.resolve("live-migrate.json").toFile());
    assertEquals(List.of("action", "client", "entryParticipant", "request", "reply", "entry",
        "assumes", "steps"), names(json));
    assertEquals("migrate-live", json.get("action").asText());
    assertEquals("os-migrateLive", json.get("request").asText());
    assertEquals("HTTP 202", json.get("reply").asText());
    List<JsonNode> steps = json.findParents("type");
    assertTrue(steps.stream().anyMatch(s -> s.get("type").asText().equals("cast")), "a cast");
    assertTrue(steps.stream().anyMatch(s -> s.path("to").asText().equals("nova_compute_dest")));
    // A save's fields as data: a computed value is marked so, a literal is not.
    JsonNode fields = Json.MAPPER.readTree("[{\"name\": \"host\", \"value\": \"host\","
        + " \"computed\": true}, {\"name\": \"task_state\", \"value\": \"None\","
        + " \"computed\": false}]");
    assertTrue(steps.stream().anyMatch(s -> fields.equals(s.get("fields"))), json.toString());
  }

  @Test
  void callgraphFormatWritesTheActionsCallGraphBesideItsDiagram() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--format",
        "wsd,callgraph", "-o", tmp.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    assertTrue(Files.exists(tmp.resolve("pause.wsd")));
    String graph = Files.readString(tmp.resolve("pause.callgraph.txt"));
    assertEquals(dev.novatrace.trace.CallGraphText.of(MiniNova.workspace().callGraph(
        MiniNova.workspace().action("pause"))), graph);
    assertTrue(graph.startsWith("nova_api nova/api/openstack/compute/pause_server.py:14 _pause()"
        + "\n"), graph);
  }

  @Test
  void jsonNamesTheParticipantsTheDiagramNamesAndGivesOriginLines() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--format", "wsd,json",
        "-o", tmp.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    String json = Files.readString(tmp.resolve("pause.json"));
    String wsd = Files.readString(tmp.resolve("pause.wsd"));
    // One compute host: the diagram merges its role away, and so does the JSON.
    assertTrue(wsd.contains("participant nova_compute\n"), wsd);
    List<JsonNode> steps = Json.MAPPER.readTree(json).findParents("type");
    assertTrue(steps.stream().anyMatch(s -> s.path("to").asText().equals("nova_compute")), json);
    assertTrue(!json.contains("nova_compute_src"), json);
    JsonNode origin = steps.stream().map(s -> s.get("origin"))
        .filter(o -> o.get("function").asText().equals("pause")).findFirst().orElseThrow();
    assertEquals(List.of("path", "line", "function"), names(origin));
    assertEquals("nova/compute/api.py", origin.get("path").asText());
    assertTrue(origin.get("line").asInt() > 0, origin.toString());
  }

  @Test
  void theProvenanceLineIsAPlainCommentThatRenderReads() throws Exception {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--detail", "full",
        "-o", tmp.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    Path wsd = tmp.resolve("pause.wsd");
    assertTrue(Files.readString(wsd).startsWith("# novatrace dev · Nova mini"
        + " · pause · detail full\ntitle pause\n"));
    var d = dev.novatrace.diagram.wsd.WsdReader.read(wsd);
    assertEquals("pause", d.title());
    CliRun rendered = CliRun.run("render", wsd.toString(), "--format", "puml", "-o", tmp.toString());
    assertEquals(0, rendered.code(), rendered.errLines().toString());
    assertTrue(Files.readString(tmp.resolve("pause.puml")).contains("@enduml"));
  }

  @Test
  void sourceUrlLinksMessagesAndNotesInTheSvgAndLeavesTheWsdPlain() throws IOException {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--format", "wsd,puml,svg",
        "--source-url", "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}",
        "--ref", "34.0.0", "-o", tmp.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    String puml = Files.readString(tmp.resolve("pause.puml"));
    assertTrue(puml.matches("(?s).*\nnote over nova_api : \\[\\[https://opendev\\.org/openstack/nova/"
        + "src/tag/34\\.0\\.0/nova/compute/api\\.py#L\\d+\\{} [^\n]*]]\n.*"), puml);
    String svg = Files.readString(tmp.resolve("pause.svg"));
    assertTrue(svg.contains("<a href=\"https://opendev.org/openstack/nova/src/tag/34.0.0/nova/compute/"
        + "api.py#L") || svg.matches("(?s).*<a [^>]*href=\"https://opendev\\.org/openstack/nova/src/"
        + "tag/34\\.0\\.0/nova/compute/api\\.py#L\\d+\".*"), "no link in the svg");
    assertTrue(!Files.readString(tmp.resolve("pause.wsd")).contains("https://"));
  }

  @Test
  void aRefTemplateOnATreeWithoutAKnownReleaseNeedsRef() {
    CliRun r = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--source-url",
        "https://example.org/{ref}/{path}#L{line}", "-o", tmp.toString());
    assertEquals(2, r.code(), r.errLines().toString());
    assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith("novatrace: --source-url: the template"
        + " uses {ref} but no release is known: give --ref"), r.errLines().toString());
    CliRun bad = CliRun.run("trace", "--nova", MINI, "--action", "pause", "--source-url",
        "https://example.org/a b/{path}", "-o", tmp.toString());
    assertEquals(2, bad.code());
    assertEquals(List.of("novatrace: --source-url: ' ' is not allowed in a URL template"
        + " (percent-encode it)"), bad.errLines());
    // Without {ref}, a path-based tree is fine.
    assertEquals(0, CliRun.run("trace", "--nova", MINI, "--action", "pause", "--source-url",
        "https://example.org/{path}#L{line}", "-o", tmp.toString()).code());
  }

  @Test
  void filesThisRunDidNotWriteAreWarnedAboutOnceAndCleanRemovesThem() throws IOException {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir);
    for (String name : List.of("old-action.wsd", "old-action.svg", "pause.json", "README.md",
        "My Flow.wsd")) {
      Files.writeString(dir.resolve(name), "x");
    }
    CliRun warned = CliRun.run("trace", "--nova", MINI, "--all", "-o", dir.toString());
    assertEquals(0, warned.code(), warned.errLines().toString());
    assertEquals(List.of(PARSE_WARNING, "novatrace: warning: " + dir + " holds 3 diagram files"
        + " this run did not write (--clean removes them): old-action.svg, old-action.wsd,"
        + " pause.json"), warned.errLines());
    assertTrue(Files.exists(dir.resolve("old-action.wsd")));
    CliRun cleaned = CliRun.run("trace", "--nova", MINI, "--all", "--clean", "-o", dir.toString());
    assertEquals(0, cleaned.code(), cleaned.errLines().toString());
    assertEquals(List.of(PARSE_WARNING, "novatrace: removed 3 files this run did not write:"
        + " old-action.svg, old-action.wsd, pause.json"), cleaned.errLines());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("My Flow.wsd", "README.md", "attach-volume.wsd", "boot.wsd",
          "create-image.wsd", "delete.wsd", "evacuate.wsd", "list.wsd", "migrate-live.wsd",
          "migrate.wsd", "pause.wsd",
          "power-action.wsd", "rebuild.wsd", "rename.wsd", "start.wsd", "stop.wsd"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    CliRun again = CliRun.run("trace", "--nova", MINI, "--all", "-o", dir.toString());
    assertEquals(List.of(PARSE_WARNING), again.errLines(), "nothing stale: no warning");
    assertEquals(2, CliRun.run("trace", "--nova", MINI, "--action", "pause", "--clean",
        "-o", dir.toString()).code());
  }
}
