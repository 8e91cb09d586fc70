package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.trace.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test inside the same test is no level of its own; other nested tests stay as they are. */
class BlocksTest {
  private static final Step.Origin CALLER = new Step.Origin("nova/conductor/manager.py", 1, "f");
  private static final Step.Origin HELPER = new Step.Origin("nova/conductor/manager.py", 2, "g");

  private static Step get() {
    return new Step.Message("nova_conductor", "glance", "get", Step.Kind.SERVICE,
        Step.Effect.READ, HELPER, List.of());
  }

  private static Step.Block opt(String condition, Step.Origin at, Step... steps) {
    return new Step.Block(Step.BlockKind.OPT,
        List.of(new Step.Branch(condition, List.of(steps))), at);
  }

  @Test
  void aHelperTestingAgainWhatItsCallerTestedAddsNoLevel() {
    // if image_id: safe_image_show(image_id)  →  def safe_image_show(...): if image_id: get
    List<Step> nested = List.of(opt("image_id", CALLER, opt("image_id", HELPER, get())));
    assertEquals(List.of(opt("image_id", HELPER, get())), Blocks.withoutRetests(nested));
  }

  @Test
  void anotherTestInsideOrATestBesideOtherStepsStays() {
    List<Step> other = List.of(opt("image_id", CALLER, opt("show_deleted", HELPER, get())));
    assertEquals(other, Blocks.withoutRetests(other));
    List<Step> beside = List.of(opt("image_id", CALLER, get(), opt("image_id", HELPER, get())));
    assertEquals(beside, Blocks.withoutRetests(beside));
  }
}
