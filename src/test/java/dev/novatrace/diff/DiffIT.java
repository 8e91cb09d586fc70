package dev.novatrace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * adding a host to an aggregate no longer casts add_aggregate_host to compute. With -o the text
 * goes to DIR/summary.txt and standard output gets one line. Also 31.0.0 to 34.0.0 (resize, the
 * stat of every action, volume-attach's alt do_cast counted once) and Cinder 17.0.1 to 29.0.0.
 */
class DiffIT {
  static String text;

  @TempDir static Path out;

  @BeforeAll
  static void diffOnce() throws IOException {
    Snapshots.require("22.0.1", "34.0.0");
    Run r = Snapshots.run("diff", "--from", "22.0.1", "--to", "34.0.0", "--action", "pause",
        "resize", "live-migrate", "boot", "add-host", "--format", "wsd", "-o", out.toString(),
        "--detail", "full");
    assertEquals(1, r.code(), r.err());
    assertEquals("wrote 5 diff diagrams and summary.txt into " + out + "\n", r.out());
    text = Files.readString(out.resolve("summary.txt"));
  }

  @Test
  void pauseIsUnchanged() {
    // the stat lists the actions that changed, and counts the rest
    assertTrue(text.contains("\n 4 of 5 actions changed, "), text);
    assertFalse(text.contains(" pause "), text);
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
    assertTrue(text.contains("\n-# nova/network/neutron.py list_ports()\n"
        + "-nova_api->neutron: list_ports\n"), text);
    assertTrue(text.contains("\n+  # nova/network/neutron.py"
        + " get_requested_resource_for_instance()\n"
        + "+  nova_api->neutron: list_ports\n"), text);
  }

  @Test
  void liveMigrationFacts() {
    assertTrue(text.contains("anchor moved: nova/compute/manager.py pre_live_migration() ->"
        + " nova/compute/manager.py _do_pre_live_migration()"), text);
    // the changed words, not two labels alike at a glance
    assertTrue(text.contains("\n~note over nova_api: reject [-sev-]{+mem enc+} instances\n"), text);
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

  /** 31.0.0 to 34.0.0, as an operator would read it. */
  @Test
  void resizeFrom31To34() {
    Snapshots.require("31.0.0");
    Run r = Snapshots.run("diff", "--from", "31.0.0", "--to", "34.0.0", "--action", "resize");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("resize: 104 steps in 31.0.0, 102 in 34.0.0; 2 added,"
        + " 4 removed, 0 changed, 2 anchors moved\n"), r.out());
    assertTrue(r.out().contains("\n--- 31.0.0/resize\n+++ 34.0.0/resize\n@@ -1,8 +1,10 @@\n"
        + " client->nova_api: resize\n"
        + "-# nova/api/openstack/compute/servers.py _action_resize()\n"
        + "-note over nova_api: translate attributes\n"), r.out());
  }

  /**
   * volume-attach goes through the conductor in 34.0.0: alt do_cast draws its steps under the
   * call and again after the reply under the cast; each counts once.
   */
  @Test
  void everyActionFrom31To34() {
    Snapshots.require("31.0.0");
    Run r = Snapshots.run("diff", "--from", "31.0.0", "--to", "34.0.0", "--all", "--stat");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("\n volume-attach             | 48 "), r.out());
    assertTrue(r.out().contains("\n 40 of 105 actions changed, "), r.out());
    assertTrue(r.out().contains("\nonly in 34.0.0: volumes-boot-confirm-resize, "), r.out());
    Run json = Snapshots.run("diff", "--from", "31.0.0", "--to", "34.0.0", "--action",
        "volume-attach", "--format", "json");
    assertTrue(json.out().contains("\"copies\": 2"), json.out());
  }

  /** Cinder's force-delete grew from two notes into the API's delete and the volume service's. */
  @Test
  void cinder() {
    Snapshots.requireIn("cinder/volume", "cinder-17.0.1", "cinder-29.0.0");
    Run r = Snapshots.run("diff", "--project", "cinder", "--from", "cinder-17.0.1", "--to",
        "cinder-29.0.0", "--action", "force-delete");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("\nrpc appeared: delete_volume\n"), r.out());
    assertTrue(r.out().contains("\n-note over cinder_api: get\n"
        + "+cinder_api->database: Volume.get_by_id\n"), r.out());
    assertTrue(r.out().contains("\n~note over cinder_api: check policy:"
        + " [-volume_extension:%(resource)s_admin_actions:%(action)s-]"
        + "{+volume_extension:volume_admin_actions:%(action)s+}\n"), r.out());
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
