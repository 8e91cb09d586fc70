package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one walk over steps: every kind says what it holds and is rebuilt holding something else,
 * so the walks of the detail policies, the diagram and the JSON model never name a kind only to
 * recurse. A kind that lost its children here would silently drop steps from every walk.
 */
class StepTest {
  private static final Step.Origin AT = new Step.Origin("nova/compute/manager.py", 10, "f");
  private static final Step.Origin CALLEE = new Step.Origin("nova/compute/utils.py", 20, "g");

  private static Step note(String text) {
    return new Step.Note("nova_compute", text, AT);
  }

  private static final Step A = note("a");
  private static final Step B = note("b");
  private static final Step C = note("c");

  private static final Step.Message MESSAGE = new Step.Message("nova_compute", "database",
      "Instance.save", Step.Kind.DATABASE, Step.Effect.WRITE, AT, List.of());
  private static final Step.Block BLOCK = new Step.Block(Step.BlockKind.ALT, List.of(
      new Step.Branch("x", List.of(A)), new Step.Branch("", List.of(B, C))), AT);
  private static final Step.Invocation INVOCATION = new Step.Invocation("nova_compute",
      "hypervisor", "spawn", Step.Kind.DRIVER, List.of(A, B), AT);
  private static final Step.Cast CAST = new Step.Cast("nova_api", "nova_compute",
      "pause_instance", List.of(A), AT);
  private static final Step.Local LOCAL = new Step.Local("nova_compute", CALLEE, true,
      List.of(C), AT);
  private static final Step.Frame FRAME = new Step.Frame(AT);

  /** One step of every kind. */
  private static final List<Step> EVERY_KIND =
      List.of(MESSAGE, A, BLOCK, INVOCATION, CAST, LOCAL, FRAME);

  @Test
  void theSamplesCoverEveryKindOfStep() {
    // A new kind of step must say here what it holds before the walks can be trusted with it.
    Set<Class<?>> kinds = kindsOf(Step.class).collect(Collectors.toSet());
    assertEquals(kinds, EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet()));
  }

  /** The records a sealed type permits, through the sealed interfaces between (Nested). */
  private static java.util.stream.Stream<Class<?>> kindsOf(Class<?> type) {
    return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses())
        .flatMap(StepTest::kindsOf) : java.util.stream.Stream.of(type);
  }

  @Test
  void eachKindHoldsItsNestedStepLists() {
    assertEquals(List.of(), MESSAGE.children());
    assertEquals(List.of(), A.children());
    assertEquals(List.of(), FRAME.children());
    assertEquals(List.of(List.of(A), List.of(B, C)), BLOCK.children());
    assertEquals(List.of(List.of(A, B)), INVOCATION.children());
    assertEquals(List.of(List.of(A)), CAST.children());
    assertEquals(List.of(List.of(C)), LOCAL.children());
  }

  @Test
  void rebuiltWithItsOwnChildrenEveryStepIsTheSame() {
    for (Step s : EVERY_KIND) {
      assertEquals(s, s.withChildren(s.children()), s.toString());
    }
  }

  @Test
  void rebuiltWithOtherChildrenOnlyTheChildrenChange() {
    assertEquals(new Step.Block(Step.BlockKind.ALT, List.of(new Step.Branch("x", List.of(C)),
        new Step.Branch("", List.of())), AT), BLOCK.withChildren(List.of(List.of(C), List.of())));
    assertEquals(new Step.Invocation("nova_compute", "hypervisor", "spawn", Step.Kind.DRIVER,
        List.of(C), AT), INVOCATION.withChildren(List.of(List.of(C))));
    assertEquals(new Step.Cast("nova_api", "nova_compute", "pause_instance", List.of(B, C), AT),
        CAST.withChildren(List.of(List.of(B, C))));
    assertEquals(new Step.Local("nova_compute", CALLEE, true, List.of(), AT),
        LOCAL.withChildren(List.of(List.of())));
    assertSame(MESSAGE, MESSAGE.withChildren(List.of()));
    assertSame(FRAME, FRAME.withChildren(List.of()));
  }

  @Test
  void mappingTheChildrenReachesEveryNestedListOfEveryKind() {
    for (Step s : EVERY_KIND) {
      Step mapped = s.mapChildren(inner -> List.of(FRAME));
      assertEquals(s.children().size(), mapped.children().size(), s.toString());
      mapped.children().forEach(inner -> assertEquals(List.of(FRAME), inner, s.toString()));
    }
  }

  @Test
  void mappingSeesTheBranchesInOrder() {
    List<List<Step>> seen = new ArrayList<>();
    Step.Block mapped = BLOCK.mapChildren(inner -> {
      seen.add(inner);
      return inner.subList(0, 1);
    });
    assertEquals(List.of(List.of(A), List.of(B, C)), seen);
    assertEquals(List.of("x", ""), mapped.branches().stream().map(Step.Branch::condition)
        .toList());
    assertEquals(List.of(List.of(A), List.of(B)), mapped.children());
  }

  @Test
  void aRebuildWithTheWrongNumberOfListsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BLOCK.withChildren(List.of(List.of())));
    assertThrows(IllegalArgumentException.class, () -> CAST.withChildren(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> MESSAGE.withChildren(List.of(List.of(A))));
  }

  @Test
  void theWalkGoesDepthFirstEachStepBeforeWhatItHolds() {
    Step call = new Step.Invocation("nova_compute", "hypervisor", "spawn", Step.Kind.DRIVER,
        List.of(BLOCK, LOCAL), AT);
    assertEquals(List.of(call, BLOCK, A, B, C, LOCAL, C, MESSAGE),
        Step.walk(List.of(call, MESSAGE)).toList());
  }

  @Test
  void theWalkLooksOnlyWhereItIsTold() {
    Step call = new Step.Cast("nova_api", "nova_compute", "x", List.of(BLOCK), AT);
    List<Step> steps = List.of(BLOCK, call, LOCAL);
    assertEquals(List.of(BLOCK, A, B, C, call, LOCAL), Step.walk(steps,
        s -> s instanceof Step.Block ? s.children() : List.of()).toList());
    // Only the first branch of each block: a default deployment's way.
    assertEquals(List.of(BLOCK, A, call, LOCAL), Step.walk(steps,
        s -> s instanceof Step.Block b ? List.of(b.branches().get(0).steps()) : List.of())
        .toList());
  }

  @Test
  void theWalkOfAVeryDeepTreeCostsNoStack() {
    Step deep = A;
    for (int i = 0; i < 100_000; i++) {
      deep = new Step.Local("nova_compute", CALLEE, false, List.of(deep), AT);
    }
    assertEquals(100_001, Step.walk(List.of(deep)).count());
  }

  @Test
  void bottomUpRewritesTheInnermostListsFirst() {
    List<List<Step>> seen = new ArrayList<>();
    Step outer = new Step.Cast("nova_api", "nova_compute", "x", List.of(BLOCK), AT);
    List<Step> out = Step.bottomUp(List.of(outer, MESSAGE), list -> {
      seen.add(list);
      return list.stream().filter(s -> !s.equals(B)).toList();
    });
    // The branches, then the cast's steps holding the rewritten block, then the top.
    Step.Block block = new Step.Block(Step.BlockKind.ALT, List.of(
        new Step.Branch("x", List.of(A)), new Step.Branch("", List.of(C))), AT);
    Step cast = new Step.Cast("nova_api", "nova_compute", "x", List.of(block), AT);
    assertEquals(List.of(List.of(A), List.of(B, C), List.of(block), List.of(cast, MESSAGE)),
        seen);
    assertEquals(List.of(cast, MESSAGE), out);
  }
}
