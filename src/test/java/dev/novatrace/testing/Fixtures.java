package dev.novatrace.testing;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.Element.Block;
import dev.novatrace.diagram.Element.Section;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.wsd.WsdReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The .wsd fixtures under src/test/resources/fixtures, and helpers to compare diagrams. */
public final class Fixtures {

  public static final Path ROOT = Path.of("src/test/resources/fixtures");
  public static final Path VALID = ROOT.resolve("wsd");
  public static final Path INVALID = ROOT.resolve("invalid-wsd");
  /** Odd text that websequencediagrams draws: read with warnings, drawn like any other. */
  public static final Path LENIENT = ROOT.resolve("lenient-wsd");
  public static final Path GOLDEN = Path.of("src/test/resources/golden");

  private Fixtures() {}

  /** Every fixture that reads: the clean ones and the lenient ones. */
  public static Stream<Path> valid() {
    return Stream.concat(list(VALID), list(LENIENT));
  }

  public static Stream<Path> lenient() {
    return list(LENIENT);
  }

  public static Stream<Path> invalid() {
    return list(INVALID);
  }

  public static Diagram read(Path file) {
    try {
      return WsdReader.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DiagramException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static Diagram read(String fixtureName) {
    return read(VALID.resolve(fixtureName));
  }

  /** The diagram with every line number 0, to compare diagrams read from different texts. */
  public static Diagram withoutLines(Diagram d) {
    return new Diagram(d.title(), d.participants(), withoutLines(d.elements()));
  }

  private static List<Element> withoutLines(List<Element> elements) {
    return elements.stream().map(Fixtures::withoutLines).toList();
  }

  private static Element withoutLines(Element e) {
    if (e instanceof Element.Message m) {
      return new Element.Message(m.from(), m.to(), m.text(), m.arrow(), m.shorthand(), 0);
    } else if (e instanceof Element.Note n) {
      return new Element.Note(n.place(), n.participants(), n.text(), 0);
    } else if (e instanceof Element.State s) {
      return new Element.State(s.participants(), s.text(), 0);
    } else if (e instanceof Element.Ref r) {
      return new Element.Ref(r.participants(), r.text(), 0);
    } else if (e instanceof Element.Lifeline l) {
      return new Element.Lifeline(l.action(), l.participant(), 0);
    } else if (e instanceof Element.Comment c) {
      return new Element.Comment(c.text(), 0);
    } else if (e instanceof Element.Autonumber a) {
      return new Element.Autonumber(a.start(), 0);
    }
    Block b = (Block) e;
    return new Block(b.kind(), b.sections().stream()
        .map(s -> new Section(s.text(), withoutLines(s.elements()))).toList(), 0);
  }

  /** Every element, blocks included, depth first. */
  public static Stream<Element> flatten(List<Element> elements) {
    return elements.stream().flatMap(e -> e instanceof Block b
        ? Stream.concat(Stream.of(e), b.sections().stream().flatMap(s -> flatten(s.elements())))
        : Stream.of(e));
  }

  private static Stream<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".wsd")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
