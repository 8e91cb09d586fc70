package dev.novatrace.diagram.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.LifelineAction;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.testing.Fixtures;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** What the tracer may produce that no hand-written fixture has: odd names and texts. */
class WritersTest {

  private static Element.Message call(String from, String to, String text) {
    return new Element.Message(from, to, text, Arrow.SYNC, Shorthand.NONE, 0);
  }

  private static final Diagram ODD = new DiagramBuilder()
      .title("odd: names; and #texts")
      .declare(new Participant("end", "end", Participant.Kind.PARTICIPANT))
      .declare(new Participant("Nova API", "Nova\nAPI", Participant.Kind.ACTOR))
      .declare(Participant.of("nova-compute"))
      .declare(Participant.of("nova_compute"))
      .add(call("end", "Nova API", "a: b -> c; d #e <b>x</b> __init__"))
      .add(call("nova-compute", "nova_compute", "line one\nline two"))
      .add(new Element.Lifeline(LifelineAction.DEACTIVATE, "end", 0))
      .add(new Element.Message("end", "Nova API", "back", Arrow.REPLY, Shorthand.DEACTIVATE_SOURCE, 0))
      .add(new Element.Comment("nova/compute/api.py pause()", 0))
      .build();

  @Test
  void wsdQuotesNamesItCouldNotReadBareAndRoundTrips() throws Exception {
    String wsd = WsdWriter.write(ODD);
    assertTrue(wsd.contains("\"end\"->\"Nova API\": a: b -> c; d #e <b>x</b> __init__\n"), wsd);
    assertTrue(wsd.contains("actor \"Nova\\nAPI\" as \"Nova API\"\n"), wsd);
    assertEquals(ODD, Fixtures.withoutLines(WsdReader.read(wsd, "odd.wsd")));
  }

  /**
   * Indentation stops at 500 levels (deeper than PlantUML draws): a diagram 1,200 blocks deep
   * was written in text quadratic in its depth (24,000 deep: 1.1 GB). It still reads back. The
   * reader and the writers recurse by block, so this runs on a big stack, as the CLI's worker.
   */
  @Test
  void indentationStopsAtFiveHundredLevels() throws Throwable {
    FutureTask<Void> deep = new FutureTask<>(() -> {
      checkIndentationAtDepth(1200);
      return null;
    });
    new Thread(null, deep, "deep", 256L << 20).start();
    try {
      deep.get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private static void checkIndentationAtDepth(int depth) throws Exception {
    String wsd = "a->b: x\n" + "alt c\n".repeat(depth) + "b->a: y\n" + "end\n".repeat(depth);
    Diagram deep = WsdReader.read(wsd, "deep.wsd");
    String written = WsdWriter.write(deep);
    assertTrue(written.contains("\n" + "  ".repeat(499) + "alt c\n"), "level 499 as before");
    assertTrue(written.contains("\n" + "  ".repeat(500) + "b->a: y\n"), "level 1,200 at 500");
    assertTrue(written.length() < 2 * depth * (1000 + 10), written.length() + " characters");
    assertEquals(written, WsdWriter.write(WsdReader.read(written, "again.wsd")));
    String dia = SeqdiagWriter.write(deep);
    assertTrue(dia.length() < 2 * depth * (1000 + 20), dia.length() + " characters");
    assertTrue(dia.contains("\n" + "  ".repeat(500) + "b -> a"), "seqdiag: level 1,201 at 500");
  }

  @Test
  void mermaidUsesPlainIdsAndEscapesWhatItWouldRead() {
    String mmd = MermaidWriter.write(ODD);
    assertTrue(mmd.contains("participant end_ as #101;nd\n"), mmd);
    assertTrue(mmd.contains("actor Nova_API as Nova<br/>API\n"), mmd);
    assertTrue(mmd.contains("participant nova_compute as nova-compute\nparticipant nova_compute_2 as nova_compute\n"), mmd);
    assertTrue(mmd.contains("end_->>Nova_API: a: b -#62; c#59; d #35;e #60;b#62;x#60;/b#62; __init__\n"), mmd);
    assertTrue(mmd.contains("nova_compute->>nova_compute_2: line one<br/>line two\n"), mmd);
    // Mermaid fails on deactivating an inactive lifeline: left out, and said so.
    assertTrue(mmd.contains("%% deactivate end left out: not active here\n"), mmd);
    assertTrue(mmd.contains("%% '-' left out: end is not active here\nend_-->>Nova_API: back\n"), mmd);
    assertTrue(mmd.contains("%% nova/compute/api.py pause()\n"), mmd);
  }

  @Test
  void plantUmlShowsMarkupLiterally() {
    String puml = PlantUmlWriter.write(ODD);
    assertTrue(puml.contains("actor \"Nova\\nAPI\" as Nova_API\n"), puml);
    assertTrue(puml.contains("end_ -> Nova_API : a: b -> c; d #e &#60;b>x&#60;/b> &#95;&#95;init&#95;&#95;\n"), puml);
    assertTrue(puml.contains("end_ --> Nova_API -- : back\n"), puml);
    assertTrue(puml.contains("' nova/compute/api.py pause()\n"), puml);
    assertTrue(puml.startsWith("@startuml\n") && puml.endsWith("@enduml\n"), puml);
  }
}
