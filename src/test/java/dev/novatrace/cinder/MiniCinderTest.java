package dev.novatrace.cinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Budget;
import dev.novatrace.detail.Detail;
import dev.novatrace.detail.DetailPolicy;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.nova.NovaTree;
import dev.novatrace.nova.Project;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.trace.Trace;
import dev.novatrace.workspace.NovaWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthetic Cinder-shaped tree under src/test/resources/fixtures/trace/mini-cinder: our own
 * minimal Python with the shape of Cinder's API, scheduler, volume and backup services, objects
 * and db API. Each test names one idiom of Cinder's code and asserts the line the standard
 * diagram draws for it, which the mechanism reading that idiom is needed for.
 */
class MiniCinderTest {
  private static final Path ROOT = Fixtures.ROOT.resolve("trace/mini-cinder");

  private static NovaWorkspace workspace;

  /** Loaded once per test JVM: tests only read it. */
  private static synchronized NovaWorkspace workspace() {
    if (workspace == null) {
      workspace = NovaWorkspace.load(new NovaTree(ROOT, "mini-cinder", null, Project.CINDER),
          "lvm", null);
    }
    return workspace;
  }

  /** The .wsd text of one action at standard detail and the default depth. */
  private static String wsd(String action) {
    NovaWorkspace ws = workspace();
    return write(ws.trace(ws.action(action), Detail.STANDARD, NovaWorkspace.DEFAULT_DEPTH));
  }

  /** The standard trace of one action as the detail policy shapes it, before any budget. */
  private static String unbudgeted(String action) {
    NovaWorkspace ws = workspace();
    Trace raw = ws.rawTrace(ws.action(action), NovaWorkspace.DEFAULT_DEPTH);
    return write(DetailPolicy.of(Detail.STANDARD, NovaWorkspace.DEFAULT_DEPTH, ws.profile())
        .shape(raw));
  }

  private static String write(Trace t) {
    return WsdWriter.write(NovaWorkspace.diagram(t, Detail.STANDARD));
  }

  /** Every line appears, each after the one before it. */
  private static void inOrder(String diagram, List<String> lines) {
    int at = 0;
    for (String line : lines) {
      int found = diagram.indexOf(line, at);
      assertTrue(found >= 0, "'" + line + "' missing after offset " + at + " in:\n" + diagram);
      at = found + line.length();
    }
  }

  /** A whole line of the diagram, as drawn (its indentation aside). */
  private static void hasLine(String diagram, String line) {
    assertTrue(diagram.lines().map(String::strip).anyMatch(line::equals),
        "no line '" + line + "' in:\n" + diagram);
  }

  /**
   * {@code volume.conditional_update({'status': 'extending'}, {'status': 'available'})}: the
   * values written are argument 0; the guard, argument 1, is not drawn.
   */
  @Test
  void conditionalUpdateWritesItsFirstDict() {
    String d = wsd("extend");
    hasLine(d, "cinder_api->database: Volume.conditional_update: status = 'extending'");
    inOrder(d, List.of("client->cinder_api: os-extend", "check policy: volume:extend",
        "cinder_api->database: Volume.conditional_update: status = 'extending'",
        "cinder_api->>cinder_scheduler: extend_volume"));
  }

  /**
   * {@code updates = {...}} a few lines before {@code self.db.volume_update(ctxt, volume.id,
   * updates)}: the local dict's fields are on the message.
   */
  @Test
  void dbUpdateWritesTheDictBuiltInALocal() {
    hasLine(wsd("migrate-volume"), "cinder_volume->database: db.volume_update: "
        + "status = 'maintenance'\\nmigration_status = 'migrating'");
  }

  /**
   * {@code volume.status = fields.VolumeStatus.AVAILABLE; volume.save()}: a status class's
   * constant is the string it holds.
   */
  @Test
  void aStatusConstantIsItsString() {
    inOrder(wsd("extend"), List.of("cinder_scheduler->>cinder_volume: extend_volume",
        "cinder_volume->driver: extend_volume",
        "cinder_volume->database: Volume.save: size = new_size\\nstatus = 'available'"));
  }

  /**
   * {@code db.volume_attached(..., mark_attached=True)} sets its status locals from the flag
   * ({@code volume_ref['status'] = volume_status}): the manager's positional {@code False}
   * writes attaching; {@code VolumeAttachment.finish_attach}, which leaves the default, writes
   * in-use and attached.
   */
  @Test
  void aDbFunctionWritesTheStatusItsFlagChooses() {
    inOrder(wsd("attach"), List.of(
        "cinder_volume->database: db.volume_attached: attach_status = 'attaching'"
            + "\\nstatus = 'attaching'",
        "cinder_volume->database: VolumeAttachment.finish_attach: attach_status = 'attached'"
            + "\\nstatus = 'in-use'"));
  }

  /** {@code db.volume_attach(ctx, values)}, a values dict with {@code 'attach_status'}. */
  @Test
  void aDbFunctionWritesItsValuesParameter() {
    inOrder(wsd("attach"), List.of("cinder_api->cinder_volume: attach_volume",
        "cinder_volume->database: db.volume_attach: attach_status = 'reserved'",
        "cinder_volume->database: db.volume_attached:"));
  }

  /**
   * {@code if locked_action is None: _run_flow() else: with lock: _run_flow()}: both ways run
   * the same flow, drawn once (full detail keeps the choice).
   */
  @Test
  void aFlowRunWithOrWithoutALockIsDrawnOnce() {
    String d = wsd("migrate-volume");
    assertFalse(d.contains("locked_action"), d);
    assertEquals(1, d.split("cinder_volume_dest->driver: create_volume_from_snapshot\n", -1)
        .length - 1, d);
    NovaWorkspace ws = workspace();
    String full = WsdWriter.write(NovaWorkspace.diagram(ws.trace(ws.action("migrate-volume"),
        Detail.FULL, NovaWorkspace.DEFAULT_DEPTH), Detail.FULL));
    assertTrue(full.contains("alt locked_action is None"), full);
  }

  /**
   * {@code if self.client.can_send_version('3.2'): cctxt.cast(new) else: cctxt.cast(old)}: the
   * pin holds, only the newest message is drawn.
   */
  @Test
  void anRpcVersionPinSendsTheNewestMessage() {
    String d = wsd("extend");
    hasLine(d, "cinder_scheduler->>cinder_volume: extend_volume");
    assertFalse(d.contains("can_send_version"), d);
    assertFalse(d.contains("extend_volume_by_id"), d);
  }

  /**
   * {@code @wsgi.response(HTTPStatus.ACCEPTED)} and {@code return
   * webob.Response(status_int=HTTPStatus.ACCEPTED)} answer 202; a method with neither, 200.
   */
  @Test
  void theAnswerIsTheControllersHttpStatus() {
    hasLine(wsd("extend"), "cinder_api-->client: HTTP 202");
    hasLine(wsd("backups-create"), "cinder_api-->client: HTTP 202");
    hasLine(wsd("attach"), "cinder_api-->client: HTTP 202");
    hasLine(wsd("volumes-show"), "cinder_api-->client: HTTP 200");
  }

  /**
   * {@code self.db = importutils.import_module(CONF.db_driver)}, the option's default
   * {@code 'cinder.db'} a package that star-imports {@code cinder.db.api}: {@code self.db.*}
   * calls are database messages.
   */
  @Test
  void aDbApiImportedByNameAtRunTimeIsTheDatabase() {
    inOrder(wsd("attach"), List.of("cinder_api->cinder_volume: attach_volume",
        "cinder_volume->database: db.volume_get"));
    inOrder(wsd("backups-create"), List.of("check policy: backup:create",
        "cinder_api->database: db.volume_get",
        "cinder_api->database: db.backup_create: status = 'creating'"));
  }

  /**
   * {@code self.driver_name = CONF.backup_driver}, remapped through a module dict of deprecated
   * names, then {@code self.service = importutils.import_class(self.driver_name)}: {@code
   * self.service(context).backup(...)} is a call on the configured backup driver.
   */
  @Test
  void theBackupDriverIsTheClassItsOptionNames() {
    inOrder(wsd("backups-create"), List.of("cinder_api->>cinder_backup: create_backup",
        "cinder_backup->database: db.backup_update: status = 'creating'",
        "cinder_backup->backup_driver: backup",
        "cinder_backup->database: db.backup_update: status = 'available'"));
  }

  /**
   * {@code volume_utils.copy_volume(...)} three helpers down the migration's handler: one
   * note over the service that copies.
   */
  @Test
  void copyingAVolumeIsOneNote() {
    inOrder(wsd("migrate-volume"), List.of("cinder_volume->cinder_volume_dest: "
        + "initialize_connection", "cinder_volume->driver: initialize_connection",
        "note over cinder_volume: copy volume"));
  }

  /**
   * A standard diagram over {@link Budget#LINES} has its largest handling past the second RPC
   * hop (the destination's create flow a migration casts) drawn in outline, and fits; a small
   * diagram is as the detail policy shaped it.
   */
  @Test
  void aDiagramOverTheBudgetOutlinesItsLateHandling() {
    String outline = "in outline: full detail draws all of it";
    String before = unbudgeted("migrate-volume");
    assertTrue(before.lines().count() + 2 > Budget.LINES, "over budget unshaped: "
        + before.lines().count());
    String d = wsd("migrate-volume");
    assertTrue(d.lines().count() + 2 <= Budget.LINES, "lines: " + d.lines().count() + "\n" + d);
    inOrder(d, List.of("cinder_volume->>cinder_volume_dest: create_volume",
        "activate cinder_volume_dest\n# cinder/volume/manager.py:",
        "note over cinder_volume_dest: " + outline,
        "cinder_volume_dest->driver: create_volume_from_snapshot",
        "cinder_volume_dest->database: Volume.save: status = 'available'"));
    assertEquals(1, d.split(outline, -1).length - 1, d);
    // Outlined: the driver calls and state changes stay, the reads and notes go.
    assertFalse(d.contains("notify: create.start"), d);
    assertFalse(d.contains("db.pool_usage_get"), d);
    // The first and second hops are drawn whole.
    hasLine(d, "cinder_volume->database: db.volume_update: "
        + "status = 'maintenance'\\nmigration_status = 'migrating'");
    String small = wsd("extend");
    assertFalse(small.contains(outline), small);
    assertEquals(unbudgeted("extend"), small);
  }
}
