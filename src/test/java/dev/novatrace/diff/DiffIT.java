package dev.novatrace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diff.Snapshots.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} from Victoria (22.0.1) to 2026.2 (34.0.0), checked against facts read in both
 * trees: pause is unchanged; boot's volume check moved from compute/api.py to compute/utils.py;
 * resize no longer lists ports to find resource requests but asks neutron directly; live
 * migration's pre-migration step moved into a helper and the SEV check became memory encryption;
 * adding a host to an aggregate no longer casts add_aggregate_host to compute.
 */
class DiffIT {
  static String text;

  @TempDir static Path out;

  @BeforeAll
  static void diffOnce() {
    Snapshots.require("22.0.1", "34.0.0");
    Run r = Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action", "pause",
        "resize", "live-migrate", "boot", "add-host", "--format", "wsd", "-o", out.toString(),
        "--detail", "full");
    assertEquals(1, r.code(), r.err());
    text = r.out();
  }

  @Test
  void pauseIsUnchanged() {
    assertTrue(text.contains("pause                                 20      20      0        0"),
        text);
    Run r = Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action", "pause",
        "--detail", "full");
    assertEquals(0, r.code(), r.err());
    assertEquals("pause: 20 steps in 22.0.1, 20 in 34.0.0; 0 added, 0 removed, 0 changed,"
        + " 0 anchors moved\n", r.out());
  }

  @Test
  void pauseIsUnchangedAtStandardDetailToo() {
    Run r = Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action", "pause");
    assertEquals(0, r.code(), r.err());
    assertEquals("pause: 16 steps in 22.0.1, 16 in 34.0.0; 0 added, 0 removed, 0 changed,"
        + " 0 anchors moved\n", r.out());
  }

  @Test
  void bootVolumeCheckMovedToComputeUtils() {
    // At full detail the volume's requests are anchored in the cinder client module, which did
    // not move; at standard, where they are said from their caller, the move shows.
    Run r = Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action", "boot");
    assertTrue(r.out().contains("anchor moved: nova/compute/api.py _provision_instances()"
        + " -> nova/compute/utils.py check_attach_and_reserve_volume()"), r.out());
  }

  @Test
  void resizeAsksNeutronForResourceRequests() {
    assertTrue(text.contains("- nova_api->neutron: list_ports  [nova/network/neutron.py"
        + " list_ports()]"), text);
    assertTrue(text.contains("+ nova_api->neutron: list_ports  [nova/network/neutron.py"
        + " get_requested_resource_for_instance()]"), text);
  }

  @Test
  void liveMigrationFacts() {
    assertTrue(text.contains("anchor moved: nova/compute/manager.py pre_live_migration() ->"
        + " nova/compute/manager.py _do_pre_live_migration()"), text);
    assertTrue(text.contains("note over nova_api: reject sev instances"), text);
    assertTrue(text.contains("note over nova_api: reject mem enc instances"), text);
  }

  @Test
  void addHostNoLongerCastsToCompute() {
    assertTrue(text.contains("rpc vanished: add_aggregate_host"), text);
  }

  @Test
  void diffDiagramsAreWrittenPerAction() throws IOException {
    String resize = Files.readString(out.resolve("resize.diff.wsd"));
    assertTrue(resize.startsWith("title resize: 22.0.1 -> 34.0.0"), resize);
    assertTrue(resize.contains("nova_api->neutron: [-] list_ports"), resize);
    assertTrue(resize.contains("  nova_api->neutron: [+] list_ports\n"), resize);
    assertTrue(Files.exists(out.resolve("pause.diff.wsd")));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--all",
        "--format", "svg").code());
    assertEquals(2, Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action",
        "no-such-action").code());
    assertEquals(2, Snapshots.run("diff", "--from", "nowhere/", "--to", "34.0.0", "--all").code());
  }
}
