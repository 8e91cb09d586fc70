package dev.novatrace.drift;

import dev.novatrace.diff.Snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.diff.Snapshots.Run;
import dev.novatrace.testing.JsonFields;
import dev.novatrace.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** {@code drift} on real trees: our stale fixtures, and our own diagrams of the same tree. */
class DriftIT {
  static final String DIR = "src/test/resources/fixtures/drift";

  @TempDir Path tmp;

  @Test
  void staleFixturesGiveEachKindOfFinding() {
    Snapshots.require("34.0.0");
    Run r = Snapshots.run("drift", DIR, "--nova", "34.0.0");
    assertEquals(1, r.code(), r.err());
    String stale = DIR + "/stale-pause.wsd:";
    assertEquals(List.of(
        DIR + "/moved-module.wsd:6: missing-file: nova/network/neutronv2/api.py does not exist in"
            + " 34.0.0 (suggestion: nova/network/neutron.py)",
        DIR + "/moved-module.wsd:8: missing-file: nova/network/neutronv2/api.py does not exist in"
            + " 34.0.0 (suggestion: nova/network/neutron.py)",
        DIR + "/renamed-function.wsd:7: missing-function: _action_confirm_resize() is not defined"
            + " in nova/api/openstack/compute/servers.py (suggestion:"
            + " nova/api/openstack/compute/servers.py _confirm_resize() (it now carries"
            + " @wsgi.action('confirmResize')))",
        DIR + "/renamed-function.wsd:9: missing-function: _check_attach_and_reserve_volume() is"
            + " not defined in nova/compute/api.py (suggestion: nova/compute/utils.py"
            + " check_attach_and_reserve_volume())",
        // No typo away, but the file's one function named with the same first word.
        stale + "12: missing-function: pause_server() is not defined in nova/compute/api.py"
            + " (suggestion: nova/compute/api.py pause())",
        stale + "13: missing-step: the trace of pause in 34.0.0 has nova_compute->database:"
            + " task_state = None, vm_state = PAUSED, the diagram does not (suggestion: add it"
            + " after line 13 (from nova/compute/manager.py pause_instance()))",
        stale + "14: missing-file: nova/compute.rpcapi.py does not exist in 34.0.0 (suggestion:"
            + " nova/compute/rpcapi.py)",
        // The misspelt pause_instances is one finding, not also a missing and an extra step.
        stale + "15: unknown-rpc: pause_instances is not an RPC method of nova_compute"
            + " (ComputeManager, ComputeAPI) (suggestion: pause_instance)",
        stale + "17: missing-file: nova/compute/pausing.py does not exist in 34.0.0 (suggestion:"
            + " nova/compute/manager.py)",
        stale + "18: extra-step: nova_compute->nova_conductor: build_instances is not in the"
            + " trace of pause in 34.0.0",
        DIR + "/unreadable.wsd:4: unreadable: not a valid line (column 3: mismatched input '>'):"
            + " a=>b: not an arrow"),
        r.out().lines().toList());
  }

  @Test
  void cleanHandDrawnDiagramHasNoFinding() {
    Snapshots.require("34.0.0");
    Run r = Snapshots.run("drift", DIR + "/clean-pause.wsd", "--nova", "34.0.0", "--format",
        "json");
    assertEquals(0, r.code(), r.err());
    assertEquals("{\n  \"findings\": []\n}\n", r.out());
  }

  @Test
  void jsonAndMarkdownCarryAnchorsAsWritten() throws IOException {
    Snapshots.require("34.0.0");
    Run json = Snapshots.run("drift", DIR + "/moved-module.wsd", "--nova", "34.0.0", "--format",
        "json");
    assertEquals(1, json.code());
    JsonNode first = Json.MAPPER.readTree(json.out()).get("findings").get(0);
    assertEquals(List.of("diagram", "line", "kind", "path", "function", "message", "suggestion"),
        JsonFields.names(first));
    assertEquals(List.of(DIR + "/moved-module.wsd", "6", "missing-file",
        "nova/network/neutronv2/api.py", "list_ports"), List.of(first.get("diagram").asText(),
        first.get("line").asText(), first.get("kind").asText(), first.get("path").asText(),
        first.get("function").asText()));
    Run md = Snapshots.run("drift", DIR + "/moved-module.wsd", "--nova", "34.0.0", "--format",
        "markdown");
    assertTrue(md.out().startsWith("## novatrace drift against 34.0.0\n\n2 findings in 1"
        + " diagram."), md.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Snapshots.run("drift", "no/such/dir", "--nova", "34.0.0").code());
    assertEquals(2, Snapshots.run("drift", DIR, "--format", "xml").code());
  }

  /**
   * No false alarms: every diagram we generate from a tree, at every level of detail, is clean
   * against that tree.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"34.0.0,overview", "34.0.0,standard",
      "34.0.0,full", "22.0.1,overview", "22.0.1,standard", "22.0.1,full"})
  void ourOwnDiagramsHaveNoDrift(String version, String detail) {
    Snapshots.require(version);
    Path out = tmp.resolve(version + "-" + detail);
    assertEquals(0, Snapshots.run("trace", "--nova", version, "--all", "--detail", detail,
        "--format", "wsd,seqdiag", "-o", out.toString()).code());
    Run r = Snapshots.run("drift", out.toString(), "--nova", version);
    assertEquals("", r.out());
    assertEquals(0, r.code(), r.err());
  }

  /**
   * Nova's documentation drew the volume attach with nova-api asking nova-compute to reserve the
   * device name; since Nova 33 the conductor does. Written as seqdiag from that description, the
   * diagram is clean against 31.0.0 and gets exactly the route findings against 34.0.0.
   */
  @Test
  void documentationDiagramOfTheOldAttachFlowDriftsOnlyOnTheNewRelease() {
    Snapshots.require("31.0.0");
    Snapshots.require("34.0.0");
    String dia = "src/test/resources/fixtures/drift-docs/attach-volume.dia";
    Run old = Snapshots.run("drift", dia, "--nova", "31.0.0");
    assertEquals("", old.out());
    assertEquals(0, old.code(), old.err());
    Run now = Snapshots.run("drift", dia, "--nova", "34.0.0");
    assertEquals(1, now.code(), now.err());
    assertEquals(List.of(
        dia + ":14: wrong-route: reserve_block_device_name reaches nova_compute from nova_conductor"
            + " in 34.0.0, not from nova_api (suggestion: draw it from nova_conductor (sent at"
            + " nova/conductor/manager.py:2258))",
        dia + ":16: wrong-route: attach_volume reaches nova_compute from nova_conductor in 34.0.0,"
            + " not from nova_api (suggestion: draw it from nova_conductor (sent at"
            + " nova/conductor/manager.py:2301))"), now.out().lines().toList());
  }

  /**
   * A hand diagram of a server boot saved as {@code create.wsd} (issue 27, item 8): on 22.0.1
   * {@code create} is also the flavor action's name, but the diagram anchors boot's entry
   * ({@code servers.py create()}), so it is checked against boot. Its driver saving the
   * instance's state, which the code saves in the compute manager, is one finding.
   */
  @Test
  void anAnchoredEntryChoosesTheActionAndAStateFromAnotherSenderIsOneFinding() {
    Snapshots.require("22.0.1");
    String wsd = "src/test/resources/fixtures/drift-anchors/create.wsd";
    // Through the built jar, in a process of its own, as a user runs it.
    dev.novatrace.testing.JvmRun r = dev.novatrace.testing.JvmRun.jar(List.of(), "drift", wsd,
        "--nova", "22.0.1");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of(
        wsd + ":14: missing-step: the trace of boot in 22.0.1 has nova_compute->database:"
            + " task_state = None, vm_state = BUILDING, the diagram does not (suggestion: add it"
            + " after line 14 (from nova/compute/manager.py _do_build_and_run_instance()))",
        wsd + ":20: wrong-route: vm_state = ACTIVE is drawn from libvirt; the trace of boot in"
            + " 22.0.1 saves it in nova_compute (suggestion: draw it from nova_compute (from"
            + " nova/compute/manager.py _do_build_and_run_instance()))"),
        r.out().lines().toList());
  }

  /**
   * A resize in documentation style checks clean on an old and a new release (roles, methods in
   * notes, alternatives, "cast (or call if deleting)"), but for the method it names loosely.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"22.0.1", "34.0.0"})
  void documentationStyleResizeOnlyFlagsTheLooselyNamedMethod(String version) {
    Snapshots.require(version);
    String dia = "src/test/resources/fixtures/drift-docs/resize.dia";
    Run r = Snapshots.run("drift", dia, "--nova", version);
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of(dia + ":16: unknown-rpc: live_migrate is not an RPC method of"
        + " nova_compute_dest (ComputeManager, ComputeAPI) (suggestion: live_migration)"),
        r.out().lines().toList());
  }
}
