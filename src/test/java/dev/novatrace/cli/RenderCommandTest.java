package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  @TempDir Path tmp;

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  /** {@code -o -}: one input in a text format on standard output; more inputs are refused. */
  @Test
  void dashWritesOneInputToStandardOutput() throws IOException {
    Path in = Files.writeString(tmp.resolve("top.wsd"), "a->b: hello\n");
    CliRun r = CliRun.run("render", in.toString(), "--format", "mermaid", "-o", "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("sequenceDiagram\n"), r.out());
    assertEquals(List.of("top.wsd"), filesIn(tmp), "nothing written beside the input");
    Files.writeString(tmp.resolve("second.wsd"), "a->b: hi\n");
    CliRun two = CliRun.run("render", tmp.toString(), "--format", "puml", "-o", "-");
    assertEquals(2, two.code(), two.err());
    assertEquals("", two.out());
  }

  @Test
  void rendersAFolderToSvgByDefault() throws IOException {
    Path in = tmp.resolve("in/sub");
    Files.createDirectories(in);
    Files.copy(Fixtures.VALID.resolve("seed-pause.wsd"), in.resolve("pause.wsd"));
    Files.writeString(tmp.resolve("in/top.wsd"), "a->b: hello\n");
    CliRun r = CliRun.run("render", tmp.resolve("in").toString(), "-o", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(List.of("sub/pause.svg", "top.svg"), filesIn(tmp.resolve("out")));
    assertTrue(Files.readString(tmp.resolve("out/top.svg")).contains(">hello</text>"));
  }

  @Test
  void writesBesideTheInputInEachFormat() throws IOException {
    Path wsd = tmp.resolve("d.wsd");
    Files.writeString(wsd, "title t\nA->B: x; y # z\n");
    for (String f : List.of("png", "puml", "MERMAID", "svg")) {
      assertEquals(0, CliRun.run("render", "--format", f, wsd.toString()).code(), f);
    }
    assertEquals(List.of("d.mmd", "d.png", "d.puml", "d.svg", "d.wsd"), filesIn(tmp));
    assertTrue(Files.readString(tmp.resolve("d.mmd")).contains("A->>B: x#59; y #35; z"));
    assertTrue(Files.readString(tmp.resolve("d.puml")).startsWith("@startuml\n"));
  }

  /** Several formats at once, as trace takes them; -o - still takes one. */
  @Test
  void takesSeveralFormatsSeparatedByCommas() throws IOException {
    Path wsd = tmp.resolve("d.wsd");
    Files.writeString(wsd, "title t\nA->B: x\n");
    CliRun r = CliRun.run("render", "--format", "puml,mermaid,puml", wsd.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("d.mmd", "d.puml", "d.wsd"), filesIn(tmp));
    assertEquals(2, r.out().lines().count(), r.out());
    CliRun dash = CliRun.run("render", "--format", "puml,mermaid", wsd.toString(), "-o", "-");
    assertEquals(2, dash.code());
  }

  @Test
  void badFileIsReportedAndTheOthersStillRender() throws IOException {
    Files.writeString(tmp.resolve("a-bad.wsd"), "a->b: fine\na=>b: y\n");
    Files.writeString(tmp.resolve("b-good.wsd"), "a->b: fine\n");
    CliRun r = CliRun.run("render", tmp.toString(), "--format", "puml");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith(tmp.resolve("a-bad.wsd") + ":2: not a valid line"), r.err());
    assertTrue(Files.exists(tmp.resolve("b-good.puml")));
    assertFalse(Files.exists(tmp.resolve("a-bad.puml")));
  }

  @Test
  void oddTextThatWebsequencediagramsDrawsRendersWithAWarning() throws IOException {
    Files.writeString(tmp.resolve("open.wsd"), "a->b: fine\nopt x\na->b: y\nelse z\nb->a: w\n");
    CliRun r = CliRun.run("render", tmp.toString(), "--format", "puml");
    assertEquals(0, r.code(), r.err());
    assertEquals(tmp.resolve("open.wsd")
        + ":2: warning: 'opt' block never closed (expected 'end'); closed at the end of the file\n"
        + tmp.resolve("open.wsd") + ":4: warning: 'else' inside 'opt' (only 'alt' has 'else');"
        + " drawn as a second section\n", r.err());
    assertTrue(Files.readString(tmp.resolve("open.puml")).contains("else z"));
  }

  @Test
  void seqdiagRendersAndConvertsToWsd() throws IOException {
    Files.writeString(tmp.resolve("doc.dia"), "seqdiag {\n  api; compute;\n"
        + "  api ->> compute [label = \"cast\", note = \"pause_instance\"];\n}\n");
    CliRun r = CliRun.run("render", tmp.toString(), "--format", "wsd", "-o", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("participant api\nparticipant compute\n\napi->>compute: cast\n"
        + "note right of compute: pause_instance\n", Files.readString(tmp.resolve("out/doc.wsd")));
  }

  @Test
  void neverOverwritesItsInput() throws IOException {
    Path wsd = tmp.resolve("x.wsd");
    Files.writeString(wsd, "a  ->  b:  keep me\n");
    CliRun r = CliRun.run("render", "--format", "wsd", wsd.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("would overwrite the input"), r.err());
    assertEquals("a  ->  b:  keep me\n", Files.readString(wsd));
    assertEquals(0, CliRun.run("render", "--format", "wsd", "-o", tmp.resolve("o").toString(), wsd.toString()).code());
    assertEquals("participant a\nparticipant b\n\na->b: keep me\n", Files.readString(tmp.resolve("o/x.wsd")));
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    CliRun missing = CliRun.run("render", tmp.resolve("nope.wsd").toString());
    assertEquals(2, missing.code());
    assertEquals("novatrace: no such file or folder: " + tmp.resolve("nope.wsd") + "\n", missing.err());
    CliRun empty = CliRun.run("render", tmp.toString());
    assertEquals(2, empty.code());
    assertTrue(empty.err().startsWith("novatrace: no .wsd files in "), empty.err());
    CliRun format = CliRun.run("render", "--format", "gif", tmp.toString());
    assertEquals(2, format.code());
    assertTrue(format.err().contains("unknown format 'gif'"), format.err());
    assertEquals(2, CliRun.run("render").code());
  }
}
