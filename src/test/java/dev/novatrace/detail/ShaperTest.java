package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call drawn again is shortened only where its receiver does the very same. */
class ShaperTest {
  private static final Step.Origin MANAGER = new Step.Origin("nova/compute/manager.py", 1, "r");
  private static final Step.Origin DRIVER = new Step.Origin("nova/virt/libvirt/driver.py", 2, "reboot");
  private static final Shaper.Level STANDARD = new Shaper.Level(3, true);
  private static final Step CAST = new Step.Cast("nova_compute", "nova_conductor", "hard",
      List.of(), MANAGER);

  private static Step.Invocation reboot(List<Step> receiver) {
    return new Step.Invocation("nova_compute", "libvirt", "reboot", Step.Kind.DRIVER, receiver,
        MANAGER);
  }

  private static List<Step> shaped(Step first, Step second) {
    Step.Block alt = new Step.Block(Step.BlockKind.ALT, List.of(
        new Step.Branch("reboot_type == 'SOFT'", List.of(first)),
        new Step.Branch("", List.of(second, CAST))), MANAGER);
    Trace raw = new Trace("nova", "reboot", "client", "nova_compute", "reboot", "HTTP 202", MANAGER,
        List.of(alt));
    return Shaper.shape(raw, STANDARD, DetailRules.NONE).steps();
  }

  private static List<Step> secondBranch(List<Step> steps) {
    return ((Step.Block) steps.get(0)).branches().get(1).steps().subList(0, 1);
  }

  @Test
  void theSameReceiverDoingTheSameIsDrawnOnce() {
    // Notes only: the call again, without them (what leads on would be said "as above").
    List<Step> receiver = List.of(new Step.Note("libvirt", "soft reboot", DRIVER));
    List<Step> steps = shaped(reboot(receiver), reboot(receiver));
    assertEquals(List.of(reboot(List.of())), secondBranch(steps));
  }

  @Test
  void theSameCallTakingAnotherWayIsDrawnAsItGoes() {
    // A soft reboot's receiver, then a hard one's: the same label, another raw path.
    List<Step> hard = List.of(new Step.Note("libvirt", "hard reboot", DRIVER));
    List<Step> steps = shaped(reboot(List.of(new Step.Note("libvirt", "soft reboot", DRIVER))),
        reboot(hard));
    assertEquals(List.of(reboot(hard)), secondBranch(steps));
  }

  /**
   * A flow run with a lock or without one ({@code if locked_action is None: _run_flow() else:
   * with lock: _run_flow()}): the same steps either way are drawn once at standard detail;
   * full detail keeps the code's branches.
   */
  @Test
  void aChoiceWhoseEveryWayRunsTheSameStepsIsOneFlowAtStandard() {
    List<Step> flow = List.of(new Step.Local("nova_compute", DRIVER, false,
        List.of(CAST), MANAGER));
    Step.Block choice = new Step.Block(Step.BlockKind.CHOICE, List.of(
        new Step.Branch("locked_action is None", flow), new Step.Branch("", flow)), MANAGER);
    Trace raw = new Trace("nova", "create", "client", "nova_compute", "create", "HTTP 202", MANAGER,
        List.of(choice));
    // The flow's function of another module says where the path goes: a frame, then its cast.
    assertEquals(List.of(new Step.Frame(DRIVER), CAST),
        Shaper.shape(raw, STANDARD, DetailRules.NONE).steps());
    List<Step> full = Shaper.shape(raw, new Shaper.Level(3, false), DetailRules.NONE).steps();
    assertEquals(1, full.size());
    assertEquals(Step.BlockKind.ALT, ((Step.Block) full.get(0)).kind());
  }
}
