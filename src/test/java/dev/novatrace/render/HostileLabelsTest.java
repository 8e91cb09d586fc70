package dev.novatrace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Participant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Texts from a diagram or from code reach PlantUML and Mermaid as literal text: no preprocessor
 * function, include, creole markup or directive in a label is acted on.
 */
class HostileLabelsTest {

  private static final String MARKER = "SECRET_MARKER_7f3a9c";

  /** A participant name (not only its label) with markup, a directive and a quote in it. */
  private static final String HOSTILE_NAME = "!include x\" %date() <<s>> **n**";

  @TempDir static Path tmp;
  private static Path secret;
  private static List<String> labels;

  @BeforeAll
  static void secretFile() throws Exception {
    secret = tmp.resolve("secret.json");
    Files.writeString(secret, "{\"k\": \"" + MARKER + "\"}\n");
    Path txt = tmp.resolve("secret.txt");
    Files.writeString(txt, "A -> B : " + MARKER + "\n");
    String s = secret.toString();
    labels = List.of(
        "%load_json(\"" + s + "\")",
        "x %load_json(\"" + s + "\").k y",
        "!include " + txt,
        "%getenv(\"PATH\") %getenv(\"HOME\")",
        "%date() %random() %version() %newline() $x",
        "!define X Y",
        "@startuml @enduml @startmindmap",
        "<<stereo>> >> <b>bold</b> <color:red>red</color> <&icon> <$sprite> <img:" + s + ">",
        "**bold** //it// \"\"mono\"\" --strike-- ~~wave~~ __u__ [[http://evil{} link]]",
        "{{ embedded }} &#65; <U+0041> ~escaped \\t \\n \\\\",
        "* list",
        "# numbered",
        "= heading",
        "| cell |",
        "----",
        "%%{init: {'theme': 'dark'}}%% click A call evil()",
        "end; #35; <script>alert(1)</script>",
        // PlantUML reads a block section's trailing [x] as a link to x (diff's "else [+]").
        "[+]",
        "cond [http://evil.example/]");
  }

  /** One of everything, each carrying hostile texts. */
  static Diagram hostile() {
    List<Participant> ps = List.of(
        new Participant("A", "%load_json(\"" + secret + "\") **A**", Participant.Kind.PARTICIPANT),
        new Participant("B", "<b>B</b> !include x", Participant.Kind.ACTOR),
        Participant.of(HOSTILE_NAME));
    List<Element> es = new ArrayList<>();
    for (String l : labels) {
      es.add(new Element.Message("A", "B", l, Arrow.SYNC, Shorthand.NONE, 0));
    }
    es.add(new Element.Message("A", "B", String.join("\n", labels), Arrow.ASYNC, Shorthand.NONE, 0));
    es.add(new Element.Message(HOSTILE_NAME, "A", "from a hostile name", Arrow.SYNC,
        Shorthand.ACTIVATE_TARGET, 0));
    es.add(new Element.Lifeline(Element.LifelineAction.DEACTIVATE, HOSTILE_NAME, 0));
    for (String l : labels) {
      es.add(new Element.Note(NotePlace.OVER, List.of("A", "B"), l, 0));
      es.add(new Element.State(List.of("A"), l, 0));
      es.add(new Element.Ref(List.of("B"), l, 0));
      es.add(new Element.Comment(l, 0));
      es.add(new Element.Block(BlockKind.ALT, List.of(
          new Element.Section(l, List.of(new Element.Message("B", "A", l, Arrow.REPLY,
              Shorthand.NONE, 0))),
          new Element.Section(l, List.of())), 0));
    }
    return new Diagram("%load_json(\"" + secret + "\") %date() **title**", ps, es);
  }

  /** Neither the secret file's content nor the environment shows up. */
  private static void assertNoSecret(String output) {
    assertFalse(output.contains(MARKER), "file content leaked");
    assertFalse(output.contains(System.getenv("PATH")), "environment leaked");
  }

  @Test
  void svgShowsEveryLabelLiterallyAndNoFile() throws Exception {
    Diagram d = hostile();
    byte[] svg = DiagramOutput.render(d, Format.SVG).bytes();
    String shown = RenderFixturesTest.svgText(svg);
    for (String expected : RenderFixturesTest.textsOf(d)) {
      assertTrue(shown.contains(expected), "SVG does not show '" + expected + "'");
    }
    assertTrue(shown.contains(d.title()), "title");
    assertNoSecret(new String(svg, StandardCharsets.UTF_8));
    assertArrayEquals(svg, DiagramOutput.render(d, Format.SVG).bytes(), "second render differs");
  }

  /** No text of ours becomes a link: a link is only what --source-url asks for. */
  @Test
  void noLabelBecomesALink() throws Exception {
    String svg = new String(DiagramOutput.render(hostile(), Format.SVG).bytes(),
        StandardCharsets.UTF_8);
    assertFalse(svg.contains("href"), "a label became a link");
  }

  @Test
  void pngRendersTheSame() throws Exception {
    Diagram d = hostile();
    assertArrayEquals(DiagramOutput.render(d, Format.PNG).bytes(),
        DiagramOutput.render(d, Format.PNG).bytes());
  }

  @Test
  void sourceLinksStillLinkWithHostileTexts() throws Exception {
    List<Element> es = new ArrayList<>();
    es.add(new Element.Comment("nova/compute/api.py:10 pause()", 0));
    for (String l : labels) {
      es.add(new Element.Message("A", "B", l, Arrow.SYNC, Shorthand.NONE, 0));
    }
    Diagram d = new Diagram("t", List.of(Participant.of("A"), Participant.of("B")), es);
    SourceLinks links = SourceLinks.of("https://example.org/{path}#L{line}", null);
    byte[] svg = DiagramOutput.render(d, Format.SVG,
        new DiagramOutput.Extras(null, links)).bytes();
    String text = new String(svg, StandardCharsets.UTF_8);
    assertTrue(text.contains("https://example.org/nova/compute/api.py#L10"), "link kept");
    assertNoSecret(text);
    String shown = RenderFixturesTest.svgText(svg);
    for (String l : labels) {
      assertTrue(shown.contains(l.strip()), "SVG does not show '" + l + "'");
    }
  }

  /** The .puml we write is safe even for a PlantUML that runs its preprocessor. */
  @Test
  void pumlIsSafeUnderAPreprocessingPlantUml() throws Exception {
    String puml = new String(DiagramOutput.render(hostile(), Format.PUML).bytes(),
        StandardCharsets.UTF_8);
    for (String line : puml.lines().toList()) {
      assertFalse(line.startsWith("!") || (line.startsWith("@") && !line.equals("@startuml")
          && !line.equals("@enduml")), "directive line: " + line);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new SourceStringReader(puml).outputImage(out, new FileFormatOption(FileFormat.SVG, false));
    String svg = out.toString(StandardCharsets.UTF_8);
    assertNoSecret(svg);
    assertTrue(svg.contains("%load_json("), "label shown literally");
  }

  @Test
  void mermaidHasNoDirectiveHtmlOrInjectedStatement() throws Exception {
    String mmd = new String(DiagramOutput.render(hostile(), Format.MERMAID).bytes(),
        StandardCharsets.UTF_8);
    assertFalse(mmd.contains("%%{"), "init directive");
    assertFalse(mmd.contains("}%%"), "init directive");
    for (String line : mmd.lines().map(String::strip).filter(l -> !l.startsWith("%%")).toList()) {
      assertFalse(line.contains("<b>") || line.contains("<script") || line.contains("<color"),
          "HTML: " + line);
      assertFalse(line.startsWith("click") || line.startsWith("*") || line.startsWith("----"),
          "statement from a label: " + line);
    }
  }
}
