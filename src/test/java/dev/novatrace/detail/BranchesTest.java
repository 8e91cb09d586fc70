package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No branch is drawn empty: an elif chain leaves it out, an else says it did not hold. */
class BranchesTest {
  private static final Step.Origin AT = new Step.Origin("nova/compute/manager.py", 1, "f");

  private static Step cast(String method) {
    return new Step.Cast("nova_compute", "nova_conductor", method, List.of(), AT);
  }

  private static Step.Branch branch(String condition, Step... steps) {
    return new Step.Branch(condition, List.of(steps));
  }

  private static List<Step> add(Step.Branch... branches) {
    List<Step> out = new ArrayList<>();
    Branches.add(List.of(branches), AT, out);
    return out;
  }

  @Test
  void anEmptyBranchOfAnElifChainIsLeftOut() {
    assertEquals(List.of(new Step.Block(Step.BlockKind.ALT,
        List.of(branch("b", cast("x")), branch("c", cast("y"))), AT)),
        add(branch("a"), branch("b", cast("x")), branch("c", cast("y"))));
  }

  @Test
  void theElseAfterEmptyBranchesSaysTheyDidNotHold() {
    assertEquals(List.of(new Step.Block(Step.BlockKind.OPT,
        List.of(branch("not (a or b)", cast("y"))), AT)),
        add(branch("a"), branch("b"), branch("", cast("y"))));
    assertEquals(List.of(new Step.Block(Step.BlockKind.ALT,
        List.of(branch("a", cast("x")), branch("not b", cast("y"))), AT)),
        add(branch("a", cast("x")), branch("b"), branch("", cast("y"))));
  }
}
