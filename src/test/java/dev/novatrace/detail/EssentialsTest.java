package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.trace.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The skeleton keeps a driver call drawn before, so that the branch making it is not empty. */
class EssentialsTest {
  private static final Step.Origin AT = new Step.Origin("cinder/volume/volume_utils.py", 1, "f");

  private static Step.Invocation again(String method) {
    return new Step.Invocation("cinder_volume", "driver", method, Step.Kind.DRIVER,
        List.of(new Step.Note("driver", method + " (as above)", AT)), AT);
  }

  private static Step.Block alt(List<Step> first, List<Step> second) {
    return new Step.Block(Step.BlockKind.ALT,
        List.of(new Step.Branch("encrypted", first), new Step.Branch("", second)), AT);
  }

  @Test
  void aBranchThatMakesADriverCallDrawnBeforeIsNotEmpty() {
    Step cast = new Step.Cast("cinder_volume", "cinder_backup", "restore", List.of(), AT);
    List<Step> steps = List.of(alt(List.of(cast), List.of(again("copy_image_to_volume"))));
    assertEquals(steps, Essentials.filter(steps));
  }

  @Test
  void aChoiceWhoseEveryBranchIsDrawnBeforeIsAsAbove() {
    List<Step> steps = List.of(alt(List.of(again("copy_image_to_encrypted_volume")),
        List.of(again("copy_image_to_volume"))));
    assertEquals(List.of(), Essentials.filter(steps));
  }
}
