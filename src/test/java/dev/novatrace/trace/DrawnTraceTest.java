package dev.novatrace.trace;

import dev.novatrace.sequence.DrawnTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace as drawn: renamed participants, repeated notes dropped as the diagram drops them. */
class DrawnTraceTest {
  private static final Step.Origin A = new Step.Origin("nova/compute/manager.py", 10, "a");
  private static final Step.Origin B = new Step.Origin("nova/compute/manager.py", 20, "b");

  @Test
  void renamesEveryParticipantAndDropsANoteRepeatingTheStepBeforeIt() {
    Step notify = new Step.Note("nova_compute_src", "notify: pause.start", A);
    Trace t = new Trace("nova", "pause", "client", "nova_api", "pause", "HTTP 202", A, List.of(
        new Step.Cast("nova_api", "nova_compute_src", "pause_instance", List.of(
            notify,
            new Step.Note("nova_compute_src", "notify: pause.start", B),
            new Step.Block(Step.BlockKind.OPT, List.of(new Step.Branch("x", List.of(notify))), B),
            notify), A)));
    Trace drawn = DrawnTrace.of(t, p -> p.startsWith("nova_compute_") ? "nova_compute" : p);
    Step.Note renamed = new Step.Note("nova_compute", "notify: pause.start", A);
    assertEquals(List.of(new Step.Cast("nova_api", "nova_compute", "pause_instance", List.of(
        renamed,
        new Step.Block(Step.BlockKind.OPT, List.of(new Step.Branch("x", List.of(renamed))), B),
        renamed), A)), drawn.steps());
    assertEquals(drawn, DrawnTrace.of(drawn, p -> p.startsWith("nova_compute_") ? "nova_compute" : p));
  }
}
