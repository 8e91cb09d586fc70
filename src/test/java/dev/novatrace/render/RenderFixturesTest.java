package dev.novatrace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import dev.novatrace.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Every fixture renders to SVG that shows all its names and texts, and to a PNG that decodes. */
class RenderFixturesTest {

  static Stream<Path> fixtures() {
    return Fixtures.valid();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void svgIsWellFormedAndShowsEveryText(Path file) throws Exception {
    Diagram d = Fixtures.read(file);
    byte[] svg = DiagramOutput.render(d, Format.SVG).bytes();
    String shown = svgText(svg);
    for (String expected : textsOf(d)) {
      assertTrue(shown.contains(expected), file + ": SVG does not show '" + expected + "'");
    }
    assertArrayEquals(svg, DiagramOutput.render(d, Format.SVG).bytes(), "second render differs");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void pngDecodes(Path file) throws Exception {
    PlantUmlRenderer.Image png = DiagramOutput.render(Fixtures.read(file), Format.PNG);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
    assertNotNull(image, file + ": not a PNG");
    assertTrue(image.getWidth() > 100 && image.getHeight() > 100, file + ": tiny image");
    assertEquals(List.of(), png.warnings());
  }

  /** The text of every {@code <text>} element, one per line, XML-unescaped by the parser. */
  static String svgText(byte[] svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++) {
      // PlantUML writes spaces in texts as no-break spaces in places.
      b.append(texts.item(i).getTextContent().replace('\u00A0', ' ')).append('\n');
    }
    return b.toString();
  }

  /** Participant labels and every line of every message, note, state, ref and block text. */
  static List<String> textsOf(Diagram d) {
    List<String> texts = new ArrayList<>();
    d.participants().stream().map(Participant::label).forEach(texts::add);
    Fixtures.flatten(d.elements()).forEach(e -> {
      if (e instanceof Element.Message m) {
        texts.add(m.text());
      } else if (e instanceof Element.Note n) {
        texts.add(n.text());
      } else if (e instanceof Element.State s) {
        texts.add(s.text());
      } else if (e instanceof Element.Ref r) {
        texts.add(r.text());
      } else if (e instanceof Element.Block b) {
        b.sections().forEach(s -> texts.add(s.text()));
      }
    });
    return texts.stream().flatMap(t -> t.lines()).map(String::strip).filter(t -> !t.isEmpty())
        .toList();
  }
}
