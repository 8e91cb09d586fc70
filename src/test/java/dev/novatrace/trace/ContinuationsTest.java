package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Under which conditions a request starts the work an event handler does after it. */
class ContinuationsTest {
  private static final Step.Origin AT = new Step.Origin("server/client.py", 1, "create");
  private static final TraceProfile.Continuation CREATED = new TraceProfile.Continuation(
      "row", "ovn_nb", Set.of("create_lswitch_port"), "ovn_nb", "Logical_Switch_Port created",
      null, null, "neutron_server");

  private static Step write() {
    return new Step.Message("neutron_server", "ovn_nb", "create_lswitch_port",
        Step.Kind.SERVICE, Step.Effect.WRITE, AT, List.of(), "");
  }

  private static Step.Block block(Step.BlockKind kind, List<Step> first, List<Step> second) {
    return new Step.Block(kind, List.of(new Step.Branch("a", first), new Step.Branch("b",
        second)), AT);
  }

  /**
   * A write in the branch only a deployment set otherwise takes ([ovn] ovn_metadata_enabled's
   * metadata port) starts nothing; one behind a test of the request's content does, under that
   * condition; a setting's default way adds no condition.
   */
  @Test
  void theWayOfADeploymentSetOtherwiseStartsNothing() {
    assertEquals(Integer.MAX_VALUE, Continuations.conditions(
        List.of(block(Step.BlockKind.DEFAULT, List.of(), List.of(write()))), CREATED, 0));
    assertEquals(0, Continuations.conditions(
        List.of(block(Step.BlockKind.DEFAULT, List.of(write()), List.of())), CREATED, 0));
    assertEquals(1, Continuations.conditions(
        List.of(block(Step.BlockKind.ALT, List.of(), List.of(write()))), CREATED, 0));
  }
}
