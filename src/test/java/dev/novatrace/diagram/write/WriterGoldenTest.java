package dev.novatrace.diagram.write;


import dev.novatrace.diagram.Diagram;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.Goldens;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PlantUML and Mermaid text of a few fixtures, compared with golden files. A missing golden is
 * written and the test fails; {@code -Dnovatrace.updateGoldens=true} rewrites them all.
 */
class WriterGoldenTest {

  @ParameterizedTest
  @CsvSource({
    "seed-pause, puml", "constructs, puml", "nested-blocks, puml",
    "seed-pause, mmd", "constructs, mmd", "nested-blocks, mmd", "sloppy-windows-crlf, mmd",
    "markup-in-texts, puml", "markup-in-texts, mmd"
  })
  void matchesGolden(String fixture, String ext) throws IOException {
    Function<Diagram, String> writer = ext.equals("puml") ? PlantUmlWriter::write : MermaidWriter::write;
    String actual = writer.apply(Fixtures.read(fixture + ".wsd"));
    Goldens.check(Fixtures.GOLDEN.resolve(fixture + "." + ext), actual);
  }
}
