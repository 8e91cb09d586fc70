package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.trace.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Branches that do the same and write other values, merged; anything else left as it is. */
class AlikeBranchesTest {
  private static final Step.Origin AT = new Step.Origin("nova/compute/manager.py", 1, "f");

  private static Step status(String value) {
    List<Step.Field> fields = List.of(new Step.Field("status", value, false));
    return new Step.Message("nova_compute", "database", Step.Field.label(fields, false),
        Step.Kind.DATABASE, Step.Effect.STATE, AT, fields);
  }

  private static Step cast(String method) {
    return new Step.Cast("nova_compute", "nova_conductor", method, List.of(), AT);
  }

  private static Step.Block alt(Step.Branch... branches) {
    return new Step.Block(Step.BlockKind.ALT, List.of(branches), AT);
  }

  private static Step.Branch branch(String condition, Step... steps) {
    return new Step.Branch(condition, List.of(steps));
  }

  @Test
  void twoBranchesWritingOtherValuesAreOneWithBothConditionsAndBothValues() {
    Step.Block b = alt(branch("ok", cast("done")), branch("failed", cast("undo"), status("'failed'")),
        branch("cancelled", cast("undo"), status("'cancelled'")));
    assertEquals(List.of(alt(branch("ok", cast("done")),
        branch("failed or cancelled", cast("undo"), status("'failed' or 'cancelled'")))),
        AlikeBranches.merge(List.of(b)));
  }

  @Test
  void anElseOtherStepsOrACutConditionStayApart() {
    List<Step> blocks = List.of(
        alt(branch("failed", status("'failed'")), branch("", status("'cancelled'"))),
        alt(branch("failed", cast("undo"), status("'failed'")), branch("cancelled", status("'x'"))),
        alt(branch("a and b...", status("'failed'")), branch("c", status("'cancelled'"))));
    assertEquals(blocks, AlikeBranches.merge(blocks));
  }

  @Test
  void twoBranchesDoingTheSameAreOneWithBothConditions() {
    // A failed and a cancelled migration both roll back (standard draws that as one note).
    assertEquals(List.of(alt(branch("a or (b and c)", cast("undo")))), AlikeBranches.merge(
        List.of(alt(branch("a", cast("undo")), branch("b and c", cast("undo"))))));
  }

  @Test
  void aChoiceThatDrawsTheSameInEveryBranchElseIncludedIsItsSteps() {
    assertEquals(List.of(cast("pause"), status("1")),
        AlikeBranches.merge(List.of(alt(branch("v2", cast("pause")), branch("", cast("pause"))),
            status("1"))));
    // Without an else, no branch may be taken: the choice stays, one branch on both conditions.
    List<Step> opt = List.of(alt(branch("v2", cast("pause")), branch("v1", cast("pause"))));
    assertEquals(List.of(alt(branch("v2 or v1", cast("pause")))), AlikeBranches.merge(opt));
  }

  @Test
  void branchesThatDifferOnlyInWhatASaveComputesDrawTheSame() {
    List<Step.Field> byId = List.of(new Step.Field("old_flavor", "flavor.id", true));
    List<Step.Field> looked = List.of(new Step.Field("old_flavor", "get_flavor()", true));
    Step a = new Step.Message("nova_conductor", "database", "old_flavor", Step.Kind.DATABASE,
        Step.Effect.WRITE, AT, byId);
    Step b = new Step.Message("nova_conductor", "database", "old_flavor", Step.Kind.DATABASE,
        Step.Effect.WRITE, AT, looked);
    assertEquals(List.of(a), AlikeBranches.merge(List.of(alt(branch("known", a), branch("", b)))));
  }

  @Test
  void aCallDrawnAgainWithoutItsReceiversStepsIsTheSameCall() {
    Step.Note inside = new Step.Note("libvirt", "get instance path", AT);
    Step first = new Step.Invocation("nova_compute", "libvirt", "instance_on_disk",
        Step.Kind.DRIVER, List.of(inside), AT);
    Step again = new Step.Invocation("nova_compute", "libvirt", "instance_on_disk",
        Step.Kind.DRIVER, List.of(), AT);
    assertEquals(List.of(first),
        AlikeBranches.merge(List.of(alt(branch("shared is None", first), branch("", again)))));
  }

  @Test
  void conditionsWithTheirOwnAndOrAreParenthesised() {
    Step.Block b = alt(branch("a and b", status("1")), branch("c or d", status("2")));
    assertEquals(List.of(alt(branch("(a and b) or (c or d)", status("1 or 2")))),
        AlikeBranches.merge(List.of(b)));
  }

  /**
   * Two ways into the same work (create_snapshot_force and create_snapshot, both
   * _create_snapshot): the same drawing anchored to other functions is no choice; the first
   * way's anchors stand for both.
   */
  @Test
  void aChoiceThatDrawsTheSameOnlyAnchoredElsewhereIsNoChoice() {
    Step.Origin force = new Step.Origin("cinder/volume/api.py", 10, "create_snapshot_force");
    Step.Origin plain = new Step.Origin("cinder/volume/api.py", 20, "create_snapshot");
    Step viaForce = new Step.Cast("cinder_api", "cinder_scheduler", "create_snapshot", List.of(),
        force);
    Step viaPlain = new Step.Cast("cinder_api", "cinder_scheduler", "create_snapshot", List.of(),
        plain);
    Step.Block b = alt(new Step.Branch("force", List.of(new Step.Frame(force), viaForce)),
        new Step.Branch("", List.of(new Step.Frame(plain), viaPlain)));
    assertEquals(List.of(new Step.Frame(force), viaForce), AlikeBranches.merge(List.of(b)));
  }

  /**
   * Every way, else included, ending with the same steps (the attached and the detached extend,
   * each after its own policy check, then the same _extend): those steps once, after the choice
   * of what differs. Without an else the tail may not run, and it stays in each branch.
   */
  @Test
  void aTailEveryWayEndsWithIsDrawnOnceAfterTheChoice() {
    Step.Note attached = new Step.Note("cinder_api", "check policy: extend_attached", AT);
    Step.Note detached = new Step.Note("cinder_api", "check policy: extend", AT);
    assertEquals(List.of(alt(branch("in-use", attached), branch("", detached)),
        status("'extending'"), cast("extend_volume")),
        AlikeBranches.merge(List.of(alt(
            branch("in-use", attached, status("'extending'"), cast("extend_volume")),
            branch("", detached, status("'extending'"), cast("extend_volume"))))));
    List<Step> noElse = List.of(alt(branch("in-use", attached, cast("extend_volume")),
        branch("available", detached, cast("extend_volume"))));
    assertEquals(noElse, AlikeBranches.merge(noElse));
  }
}
