package dev.novatrace.diagram.seqdiag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.Message;
import dev.novatrace.diagram.Element.Note;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diagram.read.DiagramFiles;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeqdiagReaderTest {
  private static final Path DIR = Fixtures.ROOT.resolve("seqdiag");

  @Test
  void everyEdgeFormBecomesItsMessage() throws Exception {
    Diagram d = DiagramFiles.read(DIR.resolve("edge-forms.dia")).diagram();
    assertEquals(List.of(new Participant("A", "A", Participant.Kind.PARTICIPANT),
        new Participant("B", "Service B", Participant.Kind.PARTICIPANT),
        new Participant("C", "C", Participant.Kind.PARTICIPANT)), d.participants());
    List<Element> e = d.elements();
    assertEquals(new Message("A", "B", "call", Arrow.SYNC, Shorthand.NONE, 11), e.get(0));
    assertEquals(new Message("B", "A", "called back", Arrow.SYNC, Shorthand.NONE, 12), e.get(1));
    assertEquals(new Message("A", "C", "cast", Arrow.ASYNC, Shorthand.NONE, 13), e.get(2));
    assertEquals(new Note(NotePlace.RIGHT_OF, List.of("C"), "asynchronous", 13), e.get(3));
    assertEquals(new Message("C", "A", "cast back", Arrow.ASYNC, Shorthand.NONE, 14), e.get(4));
    assertEquals(new Message("B", "A", "reply", Arrow.REPLY, Shorthand.NONE, 15), e.get(5));
    assertEquals(new Message("A", "B", "reply back", Arrow.REPLY, Shorthand.NONE, 16), e.get(6));
    assertEquals(new Message("C", "A", "async reply", Arrow.ASYNC_REPLY, Shorthand.NONE, 17), e.get(7));
    assertEquals(new Message("A", "C", "async reply back", Arrow.ASYNC_REPLY, Shorthand.NONE, 18), e.get(8));
    assertEquals(new Note(NotePlace.OVER, List.of("A", "C"), "a separator", 20), e.get(9));
  }

  @Test
  void callWithReturnDrawsNestedEdgesBeforeTheReturn() throws Exception {
    List<Element> e = DiagramFiles.read(DIR.resolve("edge-forms.dia")).diagram().elements().subList(10, 18);
    assertEquals(List.of(
        new Message("A", "B", "call with return", Arrow.SYNC, Shorthand.ACTIVATE_TARGET, 22),
        new Message("B", "C", "nested", Arrow.SYNC, Shorthand.ACTIVATE_TARGET, 23),
        new Note(NotePlace.LEFT_OF, List.of("B"), "left", 23),
        new Note(NotePlace.RIGHT_OF, List.of("C"), "right", 23),
        new Message("C", "B", "", Arrow.REPLY, Shorthand.DEACTIVATE_SOURCE, 23),
        new Message("B", "A", "done", Arrow.REPLY, Shorthand.DEACTIVATE_SOURCE, 22),
        new Note(NotePlace.OVER, List.of("A", "C"), "a delay", 25),
        new Message("B", "C", "a label\nover two lines", Arrow.SYNC, Shorthand.NONE, 28)), e);
  }

  @Test
  void readsAsTheSameModelAsWsd() throws Exception {
    Diagram d = DiagramFiles.read(DIR.resolve("resize-roles.dia")).diagram();
    String wsd = WsdWriter.write(d);
    assertEquals(Fixtures.withoutLines(d), Fixtures.withoutLines(WsdReader.read(wsd, "written.wsd")), wsd);
    assertEquals("Compute.api", d.participants().get(0).label());
  }

  @Test
  void badTextIsAnErrorWithItsLine() {
    DiagramException e = assertThrows(DiagramException.class,
        () -> DiagramFiles.read(DIR.resolve("broken.dia")));
    assertEquals(1, e.errors().size(), e.errors().toString());
    assertEquals(3, e.errors().get(0).line());
    assertTrue(e.getMessage().startsWith(DIR.resolve("broken.dia") + ":3: not valid seqdiag"), e.getMessage());
  }

  @Test
  void anUnclosedBraceIsFoundWithoutTheParser() {
    // 20,000 groups never closed: ANTLR's recovery took 100 s and 2 GB; matching braces is linear.
    String source = "seqdiag {\n" + "  group {\n".repeat(20_000);
    long start = System.nanoTime();
    DiagramException e = assertThrows(DiagramException.class, () -> SeqdiagReader.read(source, "x.dia"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("x.dia:20001: not valid seqdiag (column 9: '{' never closed, nor 20000"
        + " before it)"), e.errors().stream().map(Object::toString).toList());
    assertTrue(millis < 20_000, "took " + millis + " ms");
  }

  @Test
  void aBraceThatClosesNothingIsAnError() {
    DiagramException e = assertThrows(DiagramException.class,
        () -> SeqdiagReader.read("seqdiag {\n  a -> b \"}\";\n}\n}\n", "x.dia"));
    assertEquals(List.of("x.dia:4: not valid seqdiag (column 1: '}' closes no '{')"),
        e.errors().stream().map(Object::toString).toList());
  }

  @Test
  void readingStopsAfterEnoughErrors() {
    // Each error deep inside costs its depth to recover from: a bound keeps many of them linear.
    String source = "seqdiag {\n" + "group { = \n".repeat(20_000) + "}\n".repeat(20_001);
    DiagramException e = assertThrows(DiagramException.class, () -> SeqdiagReader.read(source, "x.dia"));
    assertEquals(SeqdiagReader.MAX_ERRORS, e.errors().size());
  }

  @Test
  void quotedStringsUnescape() {
    assertEquals("say \"hi\"\nthere", SeqdiagReader.unquote("\"say \\\"hi\\\"\\nthere\""));
  }
}
