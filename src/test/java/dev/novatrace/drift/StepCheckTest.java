package dev.novatrace.drift;

import dev.novatrace.diff.FlatStep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The step comparison reports what differs, not what is only written differently. */
class StepCheckTest {
  private static int line = 0;

  private static FlatStep step(FlatStep.Kind kind, String from, String to, String text) {
    return new FlatStep(kind, from, to, text, null, 0, ++line);
  }

  private static List<String> findings(List<FlatStep> drawn, List<FlatStep> traced) {
    return StepCheck.check("d.wsd", "backup", "34.0.0", drawn, traced).stream()
        .map(f -> f.kind() + " " + f.message()).toList();
  }

  @Test
  void aStateChangeDrawnWithSomeOfItsFieldsOrPluralOrPrefixedMatches() {
    List<FlatStep> traced = List.of(
        step(FlatStep.Kind.CALL, "nova_api", "database", "task_state = IMAGE_BACKUP"),
        step(FlatStep.Kind.CALL, "nova_compute", "database",
            "task_state = None\\nvm_state = RESCUED"));
    List<FlatStep> drawn = List.of(
        step(FlatStep.Kind.CALL, "nova_api", "database", "task_states=IMAGE_BACKUP"),
        step(FlatStep.Kind.CALL, "nova_compute", "database", "vm_state = vm_states.RESCUED"));
    assertEquals(List.of(), findings(drawn, traced));
  }

  /**
   * A state drawn from the driver that the code saves in the compute manager (through a
   * callback the driver calls) is one finding naming both, not a missing and an extra step.
   */
  @Test
  void aStateDrawnFromAnotherParticipantIsOneFinding() {
    List<FlatStep> traced = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "snapshot_instance"),
        step(FlatStep.Kind.CALL, "nova_compute", "database",
            "Instance.save: task_state = IMAGE_PENDING_UPLOAD"));
    List<FlatStep> drawn = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "snapshot_instance"),
        step(FlatStep.Kind.CALL, "libvirt", "database", "task_state = IMAGE_PENDING_UPLOAD"));
    assertEquals(List.of("WRONG_ROUTE task_state = IMAGE_PENDING_UPLOAD is drawn from libvirt;"
        + " the trace of backup in 34.0.0 saves it in nova_compute"), findings(drawn, traced));
  }

  @Test
  void anRpcMethodWrittenInWordsIsThatMethod() {
    List<FlatStep> traced = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "backup_instance"));
    List<FlatStep> drawn = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "backup instance"));
    assertEquals(List.of(), findings(drawn, traced));
  }

  @Test
  void aStateWrittenDifferentlyIsNotBothMissingAndExtra() {
    List<FlatStep> traced = List.of(step(FlatStep.Kind.CALL, "nova_compute", "database",
        "vm_state = STOPPED\\ntask_state = None"));
    List<FlatStep> drawn = List.of(step(FlatStep.Kind.CALL, "nova_compute", "database",
        "vm_state = STOPPED\\ntask_state = POWERING_OFF"));
    assertEquals(List.of(), findings(drawn, traced));
  }

  @Test
  void aStepTheDiagramLacksIsStillReported() {
    List<FlatStep> traced = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "pause_instance"),
        step(FlatStep.Kind.CALL, "nova_compute", "database", "vm_state = PAUSED"));
    List<FlatStep> drawn = List.of(
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "pause_instance"));
    List<String> found = findings(drawn, traced);
    assertEquals(1, found.size(), found.toString());
    assertEquals(true, found.get(0).startsWith("MISSING_STEP"), found.toString());
  }

  @Test
  void drawingOneBranchOfAnAltIsEnough() {
    List<FlatStep> traced = List.of(
        new FlatStep(FlatStep.Kind.BLOCK, "alt", "", "reboot_type == 'SOFT'", null, 0, 1),
        new FlatStep(FlatStep.Kind.CALL, "nova_api", "database", "task_state = REBOOT_PENDING", null, 1, 2),
        new FlatStep(FlatStep.Kind.ELSE, "else", "", "", null, 0, 3),
        new FlatStep(FlatStep.Kind.CALL, "nova_api", "database", "task_state = REBOOT_PENDING_HARD", null, 1, 4),
        new FlatStep(FlatStep.Kind.CAST, "nova_api", "nova_compute", "reboot_instance", null, 0, 5));
    List<FlatStep> drawn = List.of(
        step(FlatStep.Kind.CALL, "nova_api", "database", "task_state=REBOOT_PENDING"),
        step(FlatStep.Kind.CAST, "nova_api", "nova_compute", "reboot_instance"));
    assertEquals(List.of(), findings(drawn, traced));
    List<String> neither = findings(drawn.subList(1, 2), traced);
    assertEquals(2, neither.size(), "with no branch drawn, both are missing: " + neither);
  }
}
