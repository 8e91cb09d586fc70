package dev.novatrace.cinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static dev.novatrace.cinder.Diagrams.inOrder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.nova.DetailLevels;
import dev.novatrace.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cinder's own facts, read from its code and checked on real releases (the newest and the
 * oldest Debian carries): each action's RPC route, in order, as a Cinder engineer draws it.
 */
class CinderTraceIT {
  private static final Map<String, Workspace> LOADED = new HashMap<>();

  private static synchronized Workspace workspace(String version) {
    return LOADED.computeIfAbsent(version,
        v -> Workspace.load(CinderSnapshots.require(v), null, null));
  }

  private static String wsd(String version, String action) {
    return wsd(version, action, Detail.STANDARD);
  }

  private static String wsd(String version, String action, Detail detail) {
    Workspace ws = workspace(version);
    return WsdWriter.write(Workspace.diagram(ws.trace(ws.action(action), detail,
        Workspace.DEFAULT_DEPTH), detail));
  }

  /**
   * The status lifecycle, as Cinder writes it: a conditional update's values dict (reserved,
   * extending), the db API's values dict (attaching), a status class's constant
   * ({@code fields.SnapshotStatus.AVAILABLE} is 'available').
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void theStatusLifecycleIsDrawnWithItsValues(String version) {
    inOrder(wsd(version, "attachments-create"), List.of(
        "cinder_api->database: Volume.conditional_update: status = 'reserved'"));
    inOrder(wsd(version, "attachments-complete"), List.of(
        "cinder_api->database: VolumeAttachment.save: attach_status = 'attached'",
        "cinder_api->database: Volume.save: status = 'in-use'\\nattach_status = 'attached'"));
    // An attached volume's new size reaches Nova as an external event: compute/nova.py is
    // cinder's client module, its novaclient call the request.
    inOrder(wsd(version, "extend"), List.of(
        "cinder_api->database: Volume.conditional_update: status = 'extending'",
        "cinder_volume->driver: extend_volume",
        "cinder_volume->nova: server_external_events.create"));
    assertFalse(wsd(version, "extend").contains("note over cinder_volume: API"));
    // Created 'creating' in the API (snapshot = None, then objects.Snapshot(**kwargs)), made
    // 'available' by the volume service once the driver has taken it.
    inOrder(wsd(version, "snapshots-create"), List.of(
        "cinder_api->database: Snapshot.create: status = 'creating'",
        "cinder_api->>cinder_scheduler: create_snapshot",
        "cinder_volume->driver: create_snapshot",
        "cinder_volume->database: Snapshot.save: status = 'available'"));
    assertFalse(wsd(version, "snapshots-create").contains("alt force"));
    // 17.0.1 imports its db API at run time (importutils.import_module(CONF.db_driver), whose
    // default is the package that re-exports cinder.db.api with a star import).
    inOrder(wsd(version, "attachments-update"), List.of("cinder_volume->database:"
        + " db.volume_attachment_update: volume_id = volume.id\\nattach_status = 'attaching'"));
  }

  /**
   * A generic migration copies between the source (its own volume service) and the destination:
   * {@code src_remote = remote in ['src', 'both']} with {@code remote='dest'} holds False, so the
   * source attaches its volume locally (driver calls) and only the destination is asked by RPC.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void onlyTheRemoteSideOfAGenericMigrationIsAskedByRpc(String version) {
    for (String action : List.of("retype", "migrate-volume")) {
      String d = wsd(version, action);
      assertFalse(d.contains("opt remote"), d);
      inOrder(d, List.of("cinder_volume->cinder_volume_dest: initialize_connection",
          "cinder_volume->driver: initialize_connection"));
    }
  }

  /** The status names Cinder's controllers answer with ({@code http.HTTPStatus}). */
  private static final Map<String, String> STATUS = Map.of("OK", "200", "CREATED", "201",
      "ACCEPTED", "202", "NO_CONTENT", "204", "MULTIPLE_CHOICES", "300");
  private static final java.util.regex.Pattern DECORATED = java.util.regex.Pattern.compile(
      "@wsgi\\.response\\((?:HTTPStatus|http_client)\\.(\\w+)\\)");

  /**
   * Every diagram answers what its controller method's {@code @wsgi.response(...)} says, read
   * here from the source lines above its {@code def}; and most of Cinder's actions answer
   * something else than 200.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void everyDiagramAnswersWhatItsControllerSays(String version) throws java.io.IOException {
    Workspace ws = workspace(version);
    java.nio.file.Path root = java.nio.file.Path.of("nova-snapshots", "cinder-" + version);
    int checked = 0;
    int other = 0;
    for (var action : ws.actions()) {
      var entry = action.entry();
      List<String> lines = java.nio.file.Files.readAllLines(root.resolve(entry.module().path()));
      // The lines between the previous statement and the def: the method's decorators.
      int first = entry.ast().defLine() - 1;
      while (first > 0 && lines.get(first - 1).strip().startsWith("@")) {
        first--;
      }
      var m = DECORATED.matcher(String.join("\n",
          lines.subList(first, entry.ast().defLine() - 1)));
      String said = wsd(version, action.name(), Detail.OVERVIEW);
      if (m.find()) {
        assertTrue(said.contains("cinder_api-->client: HTTP " + STATUS.get(m.group(1)) + "\n"),
            action.name() + " answers " + m.group(1) + ":\n" + said);
        checked++;
      }
      if (!said.contains("cinder_api-->client: HTTP 200\n")) {
        other++;
      }
    }
    assertTrue(checked >= 20, "decorated actions checked: " + checked);
    assertTrue(other >= 36, "actions answering other than 200: " + other);
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void volumeCreateGoesThroughTheSchedulerToTheDriver(String version) {
    String d = wsd(version, "volumes-create");
    inOrder(d, List.of("client->cinder_api: POST /volumes",
        "cinder_api->database: Volume.create: status = 'creating'",
        "cinder_api->>cinder_scheduler: create_volume",
        "cinder_scheduler->>cinder_volume: create_volume",
        "cinder_volume->driver: create_volume",
        "cinder_volume->database: Volume.save: status = 'available'"));
    // The flows' failure path, at full detail only: a failed task reverts, and the volume ends
    // in error.
    assertFalse(d.contains("a task fails"), d);
    String full = wsd(version, "volumes-create", Detail.FULL);
    assertTrue(full.contains("opt a task fails: revert (raises)"), full);
    assertTrue(full.contains("status = 'error'"), full);
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void extendIsScheduledThenDoneByTheDriver(String version) {
    inOrder(wsd(version, "extend"), List.of("client->cinder_api: os-extend",
        "check policy: volume:extend", "cinder_api->>cinder_scheduler: extend_volume",
        "cinder_scheduler->>cinder_volume: extend_volume", "cinder_volume->driver: extend_volume"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void attachCallsTheVolumeService(String version) {
    inOrder(wsd(version, "attach"), List.of("client->cinder_api: os-attach",
        "cinder_api->cinder_volume: attach_volume", "cinder_volume->database: Volume.begin_attach",
        "cinder_volume->database: VolumeAttachment.finish_attach"));
    inOrder(wsd(version, "attachments-update"), List.of("client->cinder_api: PUT /attachments/{id}",
        "cinder_api->cinder_volume: attachment_update",
        "cinder_volume->driver: initialize_connection"));
    inOrder(wsd(version, "attachments-create"), List.of("client->cinder_api: POST /attachments",
        "cinder_api->cinder_volume: attachment_update"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void snapshotAndBackupCreate(String version) {
    inOrder(wsd(version, "snapshots-create"), List.of("client->cinder_api: POST /snapshots",
        "cinder_api->>cinder_scheduler: create_snapshot",
        "cinder_scheduler->>cinder_volume: create_snapshot",
        "cinder_volume->driver: create_snapshot"));
    // The newest RPC version is sent (a cloud runs one release): 29.0.0's 3.17 casts for the
    // backup device and the volume service casts continue_backup back; 17.0.1 calls for it.
    inOrder(wsd(version, "backups-create"), version.equals("29.0.0")
        ? List.of("client->cinder_api: POST /backups", "cinder_api->database: quota.reserve",
            "cinder_api->>cinder_scheduler: create_backup",
            "cinder_scheduler->>cinder_backup: create_backup",
            "cinder_backup->>cinder_volume: get_backup_device",
            "cinder_volume->>cinder_backup: continue_backup",
            "cinder_backup->backup_driver: backup")
        : List.of("client->cinder_api: POST /backups", "cinder_api->database: quota.reserve",
            "cinder_api->>cinder_scheduler: create_backup",
            "cinder_scheduler->>cinder_backup: create_backup",
            "cinder_backup->cinder_volume: get_backup_device",
            "cinder_backup->backup_driver: backup"));
    assertFalse(wsd(version, "backups-create").contains("can_send_version"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void retypeAndMigrateGoFromVolumeServiceToVolumeService(String version) {
    for (String action : List.of("retype", "migrate-volume")) {
      String method = action.equals("retype") ? "retype" : "migrate_volume";
      inOrder(wsd(version, action), List.of("cinder_api->>cinder_scheduler: " + method,
          "cinder_scheduler->>cinder_volume: " + method,
          "cinder_volume->>cinder_volume_dest: create_volume",
          "cinder_volume->cinder_volume_dest: initialize_connection"));
    }
  }

  /**
   * On every release Debian carries, the levels nest (overview in standard in full, the same RPC
   * and state changes at each) and standard keeps its budget: no action over 300 lines, the
   * median under 100 (the late handlings of migrate-volume, retype and a group's create from its
   * source drawn in outline).
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "26.0.0", "21.3.1", "17.0.1"})
  void detailLevelsNestWithinTheBudget(String version) {
    DetailLevels.assertNested(workspace(version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.0.1"})
  void everyActionTraces(String version) {
    Workspace ws = workspace(version);
    assertTrue(ws.actions().size() > 60, "actions: " + ws.actions().size());
    assertEquals(List.of(), ws.parseFailures());
    ws.actions().forEach(a -> assertTrue(WsdWriter.write(Workspace.diagram(
        ws.trace(a, Detail.OVERVIEW, Workspace.DEFAULT_DEPTH), Detail.OVERVIEW))
        .contains("client->cinder_api: "), a.name()));
  }
}
