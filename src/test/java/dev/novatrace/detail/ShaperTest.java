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

  /** A client's code reached from a manager's loop over its drivers, by name. */
  private static final Step.Origin LOOP = new Step.Origin("neutron/plugins/ml2/managers.py", 519,
      "_call_on_drivers");
  private static final Step.Origin POSTCOMMIT = new Step.Origin(
      "neutron/plugins/ml2/drivers/ovn/mech_driver/mech_driver.py", 998, "create_port_postcommit");

  private static List<Step> client(boolean anchorsAtCallee) {
    Step.Origin at = new Step.Origin(POSTCOMMIT.path(), 1010, "create_port_postcommit");
    Step block = new Step.Message("neutron_server", "database", "ProvisioningBlock.create",
        Step.Kind.DATABASE, Step.Effect.WRITE, at, List.of(), "ProvisioningBlock");
    Step request = new Step.Message("neutron_server", "ovn_nb", "create_lswitch_port",
        Step.Kind.SERVICE, Step.Effect.WRITE, at, List.of(), "");
    List<Step> inner = List.of(new Step.Block(Step.BlockKind.OPT,
        List.of(new Step.Branch("required", List.of(block))), at), request);
    Trace raw = new Trace("neutron", "ports-create", "client", "neutron_server", "POST",
        "HTTP 201", LOOP, List.of(new Step.Local("neutron_server", POSTCOMMIT, false, inner,
            LOOP)));
    DetailRules rules = new DetailRules() {
      @Override
      public boolean isQuery(String label) {
        return false;
      }

      @Override
      public java.util.Optional<String> foldedAs(Step.Origin callee) {
        return java.util.Optional.empty();
      }

      @Override
      public boolean isClientCode(Step.Origin callee) {
        return callee.path().contains("/mech_driver/");
      }

      @Override
      public boolean anchorsAtCallee(Step.Origin callee) {
        return anchorsAtCallee;
      }
    };
    return Shaper.shape(raw, STANDARD, rules).steps();
  }

  /**
   * A client's code is the requests it makes, anchored where it is called, or, where the call
   * site says nothing of what runs (a loop over the configured drivers), at the function called.
   * A record it writes only behind a test says so, as its requests do.
   */
  @Test
  void aClientsConditionalWriteSaysSoAndItsAnchorIsTheDriversMethodWhereTheCallSaysNothing() {
    List<Step> atCall = client(false);
    Step.Message write = (Step.Message) atCall.get(0);
    assertEquals("ProvisioningBlock.create (if needed)", write.label());
    assertEquals(LOOP, write.origin());
    List<Step> atCallee = client(true);
    assertEquals(POSTCOMMIT, ((Step.Message) atCallee.get(0)).origin());
    assertEquals(POSTCOMMIT, ((Step.Message) atCallee.get(1)).origin());
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
