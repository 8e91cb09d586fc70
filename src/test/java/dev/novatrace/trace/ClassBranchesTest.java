package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.testing.MiniNova;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the steps of one loop body run on objects of several classes are drawn. */
class ClassBranchesTest {
  private static final Resolver RESOLVER = MiniNova.workspace().resolver();
  private static final ClassInfo BASE = cls("DriverDevice");
  private static final ClassInfo IMAGE = cls("DriverImageDevice");
  private static final ClassInfo BLANK = cls("DriverBlankDevice");
  private static final Step.Origin LOOP = new Step.Origin("nova/virt/driver_devices.py", 68,
      "attach_devices");

  private static ClassInfo cls(String name) {
    return RESOLVER.classNamed("nova.virt.driver_devices." + name).orElseThrow();
  }

  private static Step.Message cinder(String label, Step.Origin origin) {
    return new Step.Message("nova_compute", "cinder", label, Step.Kind.SERVICE, Step.Effect.WRITE,
        origin, List.of());
  }

  private static Step.Local local(String function, int line, Step.Origin from, Step... steps) {
    return new Step.Local("nova_compute", new Step.Origin("nova/virt/driver_devices.py", line,
        function), false, List.of(steps), from);
  }

  @Test
  void classesThatDoTheSameAreNoChoice() {
    List<Step> steps = List.of(cinder("attachment_update", LOOP));
    assertEquals(steps, ClassBranches.of("device", List.of(BASE, IMAGE),
        List.of(steps, steps), LOOP));
  }

  @Test
  void whatEveryClassEndsWithIsDrawnOnceAfterAChoiceOfWhatDiffers() {
    Step.Origin baseAttach = new Step.Origin("nova/virt/driver_devices.py", 13, "attach");
    Step.Origin imageAttach = new Step.Origin("nova/virt/driver_devices.py", 21, "attach");
    Step.Origin blankAttach = new Step.Origin("nova/virt/driver_devices.py", 29, "attach");
    Step.Message update = cinder("attachment_update", baseAttach);
    // The base class's attach, run directly from the loop and through super() from a subclass.
    Step.Local direct = local("attach", 13, LOOP, update);
    Step.Message create = cinder("create", imageAttach);
    List<Step> base = List.of(direct);
    List<Step> image = List.of(local("attach", 21, LOOP, create,
        local("attach", 13, imageAttach, update)));
    // The blank device's own method makes the same call from another line: one branch.
    List<Step> blank = List.of(local("attach", 29, LOOP, cinder("create", blankAttach),
        local("attach", 13, blankAttach, update)));

    List<Step> drawn = ClassBranches.of("device", List.of(BASE, IMAGE, BLANK),
        List.of(base, image, blank), LOOP);

    assertEquals(List.of(new Step.Block(Step.BlockKind.CHOICE, List.of(new Step.Branch(
        "device is a DriverImageDevice or DriverBlankDevice",
        List.of(local("attach", 21, LOOP, create)))), LOOP), direct), drawn);
  }
}
