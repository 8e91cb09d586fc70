package dev.novatrace.diagram.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.testing.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a fixture, writing it as .wsd and reading that again keeps its meaning and anchors. */
class RoundTripTest {

  static Stream<Path> fixtures() {
    return Fixtures.valid();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readWriteReadGivesTheSameDiagram(Path file) throws Exception {
    Diagram first = Fixtures.read(file);
    String written = WsdWriter.write(first);
    Diagram second = WsdReader.read(written, file + " (written)");
    assertEquals(Fixtures.withoutLines(first), Fixtures.withoutLines(second), written);
    assertEquals(written, WsdWriter.write(second), "writing is not stable");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void commentAnchorsSurvive(Path file) throws Exception {
    Diagram d = Fixtures.read(file);
    String written = WsdWriter.write(d);
    Fixtures.flatten(d.elements()).filter(Element.Comment.class::isInstance)
        .map(e -> "# " + ((Element.Comment) e).text())
        .forEach(anchor -> assertTrue(written.contains(anchor + "\n"), anchor));
  }
}
