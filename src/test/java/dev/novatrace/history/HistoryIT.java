package dev.novatrace.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diff.Snapshots;
import dev.novatrace.testing.NovaHistoryRepo;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code history} on a repository made from the four snapshots (victoria-eom = 22.0.1, zed-eom =
 * 26.2.2, 2025.1-eom = 31.0.0, 34.0.0), checked against facts read in the trees: attaching a
 * volume reserves the device name from the API until 31.0.0 and through the conductor in 34.0.0
 * (nova/conductor/manager.py _create_volume_bdm); updating metadata no longer casts
 * change_instance_metadata to compute after 22.0.1 (compute/rpcapi.py lost the method); the
 * shares API (nova/api/openstack/compute/server_shares.py) first exists in 31.0.0.
 */
class HistoryIT {
  static String json;
  static String text;
  static Path repo;

  @BeforeAll
  static void historyOnce() throws IOException {
    Snapshots.require("22.0.1", "26.2.2", "31.0.0", "34.0.0");
    repo = NovaHistoryRepo.get();
    Snapshots.Run r = Snapshots.run("history", "--nova", repo.toString(), "--action",
        "volume-attach", "meta", "pause", "--format", "json");
    assertEquals(0, r.code(), r.err());
    json = r.out();
    Snapshots.Run t = Snapshots.run("history", "--nova", repo.toString(), "--action",
        "volume-attach", "meta", "pause", "shares-create");
    assertEquals(0, t.code(), t.err());
    text = t.out();
  }

  @Test
  void theDefaultRefsAreTheFourReleases() {
    Snapshots.Run r = Snapshots.run("history", "--nova", repo.toString(), "--list-refs");
    assertEquals(0, r.code(), r.err());
    assertEquals("victoria-eom zed-eom 2025.1-eom 34.0.0", String.join(" ", r.out().lines()
        .map(l -> l.split(" ")[0]).toList()));
    assertEquals("[\"victoria-eom\",\"zed-eom\",\"2025.1-eom\",\"34.0.0\"]",
        dev.novatrace.testing.JsonFields.read(json).get("refs").toString(), json);
  }

  @Test
  void reservingTheDeviceNameMovedToTheConductor() {
    assertTrue(text.contains("  rpc reserve_block_device_name nova_api->nova_compute:"
        + " victoria-eom until 34.0.0\n"), text);
    assertTrue(text.contains("  rpc reserve_block_device_name nova_conductor->nova_compute:"
        + " since 34.0.0\n"), text);
    assertTrue(text.contains("  participant nova_conductor: since 34.0.0\n"), text);
  }

  @Test
  void changeInstanceMetadataIsGoneAfterVictoria() {
    assertTrue(text.contains("  rpc change_instance_metadata nova_api->>nova_compute:"
        + " victoria-eom until zed-eom\n"), text);
  }

  @Test
  void theSharesApiFirstExistsIn2025dot1() {
    assertTrue(text.contains("\nshares-create: since 2025.1-eom\n  steps: 2025.1-eom "), text);
  }

  @Test
  void pauseNeverChanged() {
    assertTrue(text.contains("pause: since victoria-eom\n  steps: victoria-eom 16, zed-eom 16,"
        + " 2025.1-eom 16, 34.0.0 16\n\n"), text);
  }
}
