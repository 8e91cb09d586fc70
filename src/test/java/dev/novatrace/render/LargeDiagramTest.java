package dev.novatrace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.Shorthand;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Diagrams far larger than the hand-drawn ones: nothing is cut silently, nothing runs out. */
class LargeDiagramTest {

  private static Diagram messages(int n) {
    DiagramBuilder b = new DiagramBuilder().title(n + " messages");
    for (int i = 0; i < n; i++) {
      String from = "service_" + (i % 9);
      String to = "service_" + ((i * 5 + 1) % 9);
      b.use(from).use(to).add(new Element.Message(from, to, "call number " + i,
          i % 2 == 0 ? Arrow.SYNC : Arrow.REPLY, Shorthand.NONE, 0));
    }
    return b.build();
  }

  @Test
  void twoThousandMessagesRenderToSvg() throws Exception {
    byte[] svg = DiagramOutput.render(messages(2000), Format.SVG).bytes();
    String text = RenderFixturesTest.svgText(svg);
    assertTrue(text.contains("call number 0\n"));
    assertTrue(text.contains("call number 1999\n"));
  }

  @Test
  void pngTooTallForTheLimitIsWarnedAbout() throws Exception {
    PlantUmlRenderer.Image png = DiagramOutput.render(messages(1200), Format.PNG);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
    assertNotNull(image);
    assertEquals(PlantUmlRenderer.PNG_LIMIT, image.getHeight());
    assertEquals(1, png.warnings().size());
    assertTrue(png.warnings().get(0).contains("PNG is cut at " + PlantUmlRenderer.PNG_LIMIT),
        png.warnings().toString());
  }

  @Test
  void aPngTallerThanPlantUmlsDefaultLimitIsDrawnWhole() throws Exception {
    // PlantUML cuts pictures at 4096 px unless told otherwise; 300 messages are about 9000.
    var png = DiagramOutput.render(messages(300), Format.PNG);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
    assertTrue(image.getHeight() > 4096, "height " + image.getHeight());
    assertTrue(png.warnings().isEmpty(), png.warnings().toString());
  }
}
