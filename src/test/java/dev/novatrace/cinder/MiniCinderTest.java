package dev.novatrace.cinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static dev.novatrace.cinder.Diagrams.inOrder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Budget;
import dev.novatrace.detail.Detail;
import dev.novatrace.detail.DetailPolicy;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.Trees;
import dev.novatrace.trace.Trace;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic Cinder-shaped tree under src/test/resources/fixtures/trace/mini-cinder: our own
 * minimal Python with the shape of Cinder's API, scheduler, volume and backup services, objects
 * and db API. Each test names one idiom of Cinder's code and asserts the line the standard
 * diagram draws for it, which the mechanism reading that idiom is needed for.
 */
class MiniCinderTest {
  private static final Path ROOT = Fixtures.ROOT.resolve("trace/mini-cinder");

  private static Workspace workspace;

  /** Loaded once per test JVM: tests only read it. */
  private static synchronized Workspace workspace() {
    if (workspace == null) {
      workspace = Workspace.load(new SourceTree(ROOT, "mini-cinder", null, "cinder"),
          "lvm", null);
    }
    return workspace;
  }

  /** The .wsd text of one action at standard detail and the default depth. */
  private static String wsd(String action) {
    Workspace ws = workspace();
    return write(ws.trace(ws.action(action), Detail.STANDARD, Workspace.DEFAULT_DEPTH));
  }

  /** The standard trace of one action as the detail policy shapes it, before any budget. */
  private static String unbudgeted(String action) {
    Workspace ws = workspace();
    Trace raw = ws.rawTrace(ws.action(action), Workspace.DEFAULT_DEPTH);
    return write(DetailPolicy.of(Detail.STANDARD, Workspace.DEFAULT_DEPTH, ws.profile())
        .shape(raw));
  }

  /** The .wsd text of one action at full detail and the default depth. */
  private static String full(String action) {
    Workspace ws = workspace();
    return WsdWriter.write(Workspace.diagram(ws.trace(ws.action(action), Detail.FULL,
        Workspace.DEFAULT_DEPTH), Detail.FULL));
  }

  /**
   * The standard .wsd text of one action in a copy of the tree, made under {@code dir}, whose
   * {@code file} has {@code from} replaced by {@code to}: the same code without the idiom a
   * fact is about, which shows what the fact's diagram would draw if it were not read.
   */
  private static String variant(Path dir, String file, String from, String to,
      String action) {
    Path copy = Trees.copy(ROOT, dir.resolve("mini-cinder"));
    try {
      Path changed = copy.resolve(file);
      String text = Files.readString(changed);
      assertTrue(text.contains(from), "no '" + from + "' in " + file);
      Files.writeString(changed, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Workspace ws = Workspace.load(new SourceTree(copy, "mini-cinder", null,
        "cinder"), "lvm", null);
    return write(ws.trace(ws.action(action), Detail.STANDARD, Workspace.DEFAULT_DEPTH));
  }

  private static String write(Trace t) {
    return WsdWriter.write(Workspace.diagram(t, Detail.STANDARD));
  }

  /** A whole line of the diagram, as drawn (its indentation aside). */
  private static void hasLine(String diagram, String line) {
    assertTrue(diagram.lines().map(String::strip).anyMatch(line::equals),
        "no line '" + line + "' in:\n" + diagram);
  }

  /** The number of the fixture's line of {@code file} that starts with {@code start}. */
  private static int lineOf(String file, String start) {
    try {
      List<String> lines = Files.readAllLines(ROOT.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(start)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line '" + start + "' in " + file);
  }

  /**
   * {@code volume.conditional_update({'status': 'extending'}, {'status': 'available'})}: the
   * values written are argument 0; the guard, argument 1, is not drawn.
   */
  /**
   * An object read as the dict it once was ({@code volume.get('size', 0)}, the dict-compat mixin
   * every object inherits) reads a field it holds: no query.
   */
  @Test
  void anObjectReadAsADictIsNoQuery() {
    String full = full("extend");
    assertTrue(full.contains("cinder_api->database: Volume.get_by_id\n"), full);
    assertFalse(full.contains("Volume.get\n"), full);
  }

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
    Workspace ws = workspace();
    String full = WsdWriter.write(Workspace.diagram(ws.trace(ws.action("migrate-volume"),
        Detail.FULL, Workspace.DEFAULT_DEPTH), Detail.FULL));
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

  /**
   * {@code if incremental: backups = ...; if backups: ... else: QUOTAS.rollback(...); raise
   * InvalidBackup}: an else that ends by raising is the way to an exception, as a raising if
   * is. Standard draws the incremental lookup, not the rollback; full draws the rollback in a
   * block whose condition says it raises.
   */
  @Test
  void anElseThatRaisesIsAFailurePath() {
    String d = wsd("backups-create");
    inOrder(d, List.of("cinder_api->database: quota.reserve", "opt incremental",
        "cinder_api->database: db.backup_get_all_by_volume", "end",
        "cinder_api->database: db.backup_create: status = 'creating'"));
    assertFalse(d.contains("quota.rollback"), d);
    assertFalse(d.contains("(raises)"), d);
    String f = full("backups-create");
    inOrder(f, List.of("opt incremental", "cinder_api->database: db.backup_get_all_by_volume",
        "opt not backups (raises)\n", "cinder_api->database: quota.rollback\n", "end",
        "cinder_api->database: db.backup_create: status = 'creating'"));
  }

  /**
   * {@code rollback = True; try: QUOTAS.limit_check(...); rollback = False finally: if
   * rollback: _roll_back_status()}, and {@code reservations = None; try: reservations =
   * QUOTAS.reserve(...) finally: if reservations is None: _roll_back_status()}: each finally
   * is read after the try body went through, so the status roll back (a conditional_update)
   * is drawn neither at standard nor at full. With the flag and the reservation set inside an
   * if of the try body, the same finally draws its roll back.
   */
  @Test
  void aFinallyOnAFlagTheTryBodySetIsReadOnSuccess(@TempDir Path dir) {
    for (String d : List.of(wsd("extend"), full("extend"))) {
      assertFalse(d.contains("opt rollback"), d);
      assertFalse(d.contains("reservations is None"), d);
      assertFalse(d.lines().map(String::strip)
          .anyMatch("cinder_api->database: Volume.conditional_update"::equals), d);
    }
    inOrder(wsd("extend"), List.of("cinder_api->database: quota.limit_check",
        "cinder_api->database: quota.add_volume_type_opts", "cinder_api->database: quota.reserve",
        "cinder_api->>cinder_scheduler: extend_volume"));
    String flagInAnIf = variant(dir.resolve("flag"), "cinder/volume/api.py",
        "            rollback = False\n",
        "            if new_size:\n                rollback = False\n", "extend");
    inOrder(flagInAnIf, List.of("cinder_api->database: quota.limit_check", "opt rollback",
        "cinder_api->database: Volume.conditional_update\n", "end"));
    String reservedInAnIf = variant(dir.resolve("reserved"), "cinder/volume/api.py",
        "            reservations = QUOTAS.reserve(",
        "            if reserve_opts:\n                reservations = QUOTAS.reserve(", "extend");
    inOrder(reservedInAnIf, List.of("cinder_api->database: quota.reserve",
        "opt reservations is None", "cinder_api->database: Volume.conditional_update\n",
        "end"));
  }

  /**
   * {@code error = body['os-extend_volume_completion'].get('error', False)} in the API
   * controller, passed through the volume API and its RPC cast to a manager's {@code if error:
   * status 'error_extending' ...}: the request leaves the optional flag out, so only the
   * successful completion is drawn, at standard and full. A {@code params.get('snapshot_id',
   * None)} stays undecided: backups-create draws both ways. Read with no default, the flag is
   * undecided too and the error way is drawn.
   */
  @Test
  void anOptionalRequestFlagHoldsItsBooleanDefault(@TempDir Path dir) {
    for (String d : List.of(wsd("extend-volume-completion"),
        full("extend-volume-completion"))) {
      inOrder(d, List.of("cinder_api->>cinder_volume: extend_volume_completion",
          "cinder_volume->database: quota.commit",
          "cinder_volume->database: Volume.save: status = 'available'"));
      assertFalse(d.contains("error_extending"), d);
      assertFalse(d.contains("quota.rollback"), d);
      assertFalse(d.contains("alt error"), d);
    }
    inOrder(wsd("backups-create"), List.of("alt snapshot_id",
        "cinder_api->database: db.snapshot_update: status = 'backing-up'", "else",
        "cinder_api->database: db.volume_update: status = 'backing-up'", "end"));
    String noDefault = variant(dir, "cinder/api/v3/volumes.py", ".get('error', False)",
        ".get('error')", "extend-volume-completion");
    inOrder(noDefault, List.of("alt error",
        "cinder_volume->database: db.volume_update: status = 'error_extending'", "else",
        "cinder_volume->database: quota.commit"));
  }

  /**
   * {@code if vol.status == 'in-use': volume_api.extend_attached_volume(...) else:
   * volume_api.extend(...)}, each its own policy check then the same {@code self._extend(...)}:
   * at standard the choice keeps only the policy checks and _extend's steps are drawn once
   * after it; full detail draws them in each way.
   */
  @Test
  void aChoiceEndingAlikeEveryWayDrawsItsTailOnce() {
    String update = "cinder_api->database: Volume.conditional_update: status = 'extending'";
    String d = wsd("extend");
    inOrder(d, List.of("alt vol.status == 'in-use'",
        "check policy: volume:extend_attached_volume\n", "else",
        "check policy: volume:extend\n", "end\n", update, "cinder_api->database: quota.reserve",
        "cinder_api->>cinder_scheduler: extend_volume"));
    assertEquals(1, d.split(update, -1).length - 1, d);
    assertEquals(1, d.split("cinder_api->>cinder_scheduler: extend_volume", -1).length - 1, d);
    String f = full("extend");
    assertEquals(2, f.split(update, -1).length - 1, f);
    inOrder(f, List.of("alt vol.status == 'in-use'", "volume:extend_attached_volume", update,
        "else", "check policy: volume:extend\n", update, "end"));
  }

  /**
   * {@code volume.conditional_update({'status': db_utils.Case(
   * [(db.volume_has_attachments_filter(), 'in-use')], else_='available')}, {'status':
   * 'attaching'})}: a SQL CASE written as a value says the values it can write, in order.
   */
  @Test
  void aSqlCaseWritesTheValuesItCanChoose() {
    String update = "cinder_api->database: Volume.conditional_update: "
        + "status = 'in-use' or 'available'";
    String d = wsd("unreserve");
    inOrder(d, List.of("check policy: volume:unreserve", update));
    hasLine(d, update);
    hasLine(full("unreserve"), update);
  }

  /**
   * {@code cctxt.cast(ctxt, 'get_backup_device', backup=backup, async_call=True)} to a manager's
   * {@code get_backup_device(self, ctxt, backup, async_call=False)}, whose {@code if async_call:}
   * casts {@code continue_backup} back to the backup service and else returns the device: a
   * literal keyword of the message is the handler's flag, so the call back is drawn with no
   * choice about it. Sent as a value the tracer cannot read, the flag is a choice.
   */
  @Test
  void anRpcMessagesLiteralKeywordIsItsHandlersFlag(@TempDir Path dir) {
    String d = wsd("backups-create");
    inOrder(d, List.of("cinder_backup->>cinder_volume: get_backup_device",
        "cinder_volume->driver: get_backup_device",
        "cinder_volume->>cinder_backup: continue_backup",
        "cinder_backup->backup_driver: backup",
        "cinder_backup->database: db.backup_update: status = 'available'"));
    assertFalse(d.contains("async_call"), d);
    String unread = variant(dir, "cinder/volume/rpcapi.py", "async_call=True",
        "async_call=volume['async']", "backups-create");
    inOrder(unread, List.of("cinder_volume->driver: get_backup_device", "opt async_call",
        "cinder_volume->>cinder_backup: continue_backup", "end", "opt async_call",
        "cinder_backup->backup_driver: backup", "end"));
  }

  /**
   * {@code result = self._send_events(...); if not result: self.message_api.create(...)}, where
   * {@code _send_events} ends {@code return True} and its other returns are in its handlers or
   * follow a {@code LOG.error(...)} ({@code try: response = nova.server_external_events.create(
   * events) except ...: return False else: if not isinstance(response, list): LOG.error(...);
   * return False}): a boolean function returns the way it runs, so the user message (a
   * db.message_create) for a failed event is not drawn at standard. With the error log gone the
   * early False is a way it runs too, and the message is drawn.
   */
  @Test
  void aBooleanFunctionReturnsTheWayItRuns(@TempDir Path dir) {
    String d = wsd("extend");
    inOrder(d, List.of("cinder_volume->database: Volume.save: size = new_size",
        "opt instance_uuids", "cinder_volume->nova: server_external_events.create", "end",
        "note over cinder_volume: notify: resize.end"));
    assertFalse(d.contains("message_create"), d);
    assertFalse(d.contains("not result"), d);
    String unlogged = variant(dir, "cinder/compute/nova.py",
        "                LOG.error('Nova answered events with %s', response)\n", "", "extend");
    inOrder(unlogged, List.of("opt instance_uuids",
        "cinder_volume->nova: server_external_events.create",
        "cinder_volume->database: db.message_create", "end",
        "note over cinder_volume: notify: resize.end"));
  }

  /**
   * {@code if self.backup_use_temp_snapshot():}, a driver method returning {@code
   * self.configuration.safe_get('backup_use_temp_snapshot')}, the option in a list that {@code
   * CONF.register_opts(backup_opts)} registers and the driver's {@code __init__} appends to its
   * backend's section ({@code self.configuration.append_config_values(backup_opts)}), default
   * False: the temporary volume is the path, the temporary snapshot one note saying when it is
   * taken, and the diagram assumes the default. Not appended, the option is no setting of the
   * backend's section and both ways are drawn.
   */
  @Test
  void aDriversSafeGetReadsItsBackendsSection(@TempDir Path dir) {
    String d = wsd("backups-create");
    inOrder(d, List.of("cinder_volume->driver: get_backup_device",
        "note over driver: if [backend_defaults] backup_use_temp_snapshot set otherwise: "
            + "save temp_snapshot_id\n",
        "opt volume['status'] == 'in-use'", "driver->database: db.volume_create",
        "cinder_volume->>cinder_backup: continue_backup"));
    assertFalse(d.contains("db.snapshot_create"), d);
    assertFalse(d.contains("alt backup_use_temp_snapshot"), d);
    Workspace ws = workspace();
    assertTrue(ws.assumptions(ws.action("backups-create"), Workspace.DEFAULT_DEPTH)
        .contains("[backend_defaults] backup_use_temp_snapshot = False (default)"),
        ws.assumptions(ws.action("backups-create"), Workspace.DEFAULT_DEPTH).toString());
    String notAppended = variant(dir, "cinder/volume/driver.py",
        "        self.configuration.append_config_values(backup_opts)\n", "", "backups-create");
    inOrder(notAppended, List.of("cinder_volume->driver: get_backup_device",
        "alt self.backup_use_temp_snapshot()", "driver->database: db.snapshot_create", "else",
        "driver->database: db.volume_create", "end",
        "cinder_volume->>cinder_backup: continue_backup"));
    assertFalse(notAppended.contains("backup_use_temp_snapshot set otherwise"), notAppended);
  }

  /**
   * {@code with self._get_object_writer(container, object_name) as writer: writer.write(data)}
   * in the chunked backup driver, whose {@code _get_object_writer} returns {@code
   * utils.tpool_wrap(writer)} of {@code self.get_object_writer(...)}, defined only in the Swift
   * driver as {@code return self.SwiftObjectWriter(container, object_name, self.conn)}, a class
   * in the Swift driver's class body whose {@code __exit__} closes it and whose {@code close}
   * calls {@code self.conn.put_object(...)}: leaving the with block puts each chunk to Swift.
   * Without the with block nothing closes the writer, and nothing is put.
   */
  @Test
  void leavingAWithBlockRunsItsWritersExit(@TempDir Path dir) {
    String d = wsd("backups-create");
    inOrder(d, List.of("cinder_volume->>cinder_backup: continue_backup",
        "cinder_backup->backup_driver: backup", "loop while data",
        "backup_driver->swift: put_object", "end", "backup_driver-->cinder_backup: done",
        "cinder_backup->database: db.backup_update: status = 'available'"));
    hasLine(d, "participant swift");
    String noWith = variant(dir, "cinder/backup/chunkeddriver.py",
        "        with self._get_object_writer(container, object_name) as writer:\n"
            + "            writer.write(data)\n",
        "        writer = self._get_object_writer(container, object_name)\n"
            + "        writer.write(data)\n", "backups-create");
    inOrder(noWith, List.of("cinder_backup->backup_driver: backup",
        "backup_driver-->cinder_backup: done"));
    assertFalse(noWith.contains("put_object"), noWith);
  }

  /**
   * {@code return utils.tpool_wrap(self.get_object_writer(container, object_name))}: the
   * writer wrapped where it is made, with no local between ({@code tpool_wrap} returns its
   * argument where a test holds). The with block leaving it puts each chunk to Swift as with
   * {@code writer = ...; return utils.tpool_wrap(writer)}.
   */
  @Test
  void aWrapperOfACallReturnsWhatTheCallReturns(@TempDir Path dir) {
    String inline = variant(dir, "cinder/backup/chunkeddriver.py",
        "        writer = self.get_object_writer(container, object_name)\n"
            + "        return utils.tpool_wrap(writer)\n",
        "        return utils.tpool_wrap(self.get_object_writer(container, object_name))\n",
        "backups-create");
    inOrder(inline, List.of("cinder_backup->backup_driver: backup", "loop while data",
        "backup_driver->swift: put_object", "end", "backup_driver-->cinder_backup: done"));
  }

  /**
   * {@code if error: updates = {'migration_status': 'error'}; volume.update(updates);
   * volume.save(); return} and, further down, {@code updates = {'status': orig_status,
   * 'migration_status': 'success'}; volume.update(updates); volume.save()} in
   * migrate_volume_completion, which _migrate_volume_generic calls with {@code error=False}:
   * the dict handed to update is the one its local was last bound to on the path walked, not
   * the function's first. With the success dict built by a call ({@code dict(...)}), only the
   * first binding, the error dict, is left to read: that save is taken for the failure, and
   * the success is not drawn.
   */
  @Test
  void anUpdateWritesTheDictItsLocalLastHeldOnThePath(@TempDir Path dir) {
    String save = "cinder_volume->database: Volume.save: status\\nmigration_status = 'success'";
    for (String d : List.of(wsd("migrate-volume"), full("migrate-volume"))) {
      inOrder(d, List.of("cinder_volume->database: db.finish_volume_migration", save,
          "cinder_volume->>cinder_volume_dest: delete_volume"));
      assertFalse(d.contains("'error'"), d);
    }
    String byCall = variant(dir, "cinder/volume/manager.py",
        "updates = {'status': orig_status, 'migration_status': 'success'}",
        "updates = dict(status=orig_status, migration_status='success')", "migrate-volume");
    inOrder(byCall, List.of("cinder_volume->database: db.finish_volume_migration",
        "cinder_volume->>cinder_volume_dest: delete_volume"));
    assertFalse(byCall.contains("migration_status = 'success'"), byCall);
  }

  /**
   * {@code model_update = self.driver.create_export(...); if model_update:
   * volume.update(model_update); volume.save()}, LVM's create_export ending {@code return
   * {'provider_location': ..., 'provider_auth': ...}}: a driver method that returns a filled
   * dict literal wherever it returns makes the test no choice, and the save writes that dict's
   * keys. With an early {@code return None} in the driver the test is a choice again.
   */
  @Test
  void aDriversFilledDictIsSavedWithNoChoice(@TempDir Path dir) {
    String save = "cinder_volume->database: Volume.save: provider_location\\nprovider_auth";
    for (String d : List.of(wsd("backups-create"), full("backups-create"))) {
      inOrder(d, List.of("cinder_backup->cinder_volume: initialize_connection",
          "cinder_volume->driver: create_export", save,
          "cinder_volume->driver: initialize_connection"));
      assertFalse(d.contains("model_update"), d);
    }
    String maybeNone = variant(dir, "cinder/volume/drivers/lvm.py",
        "        return {'provider_location'",
        "        if not connector:\n            return None\n        return {'provider_location'",
        "backups-create");
    inOrder(maybeNone, List.of("cinder_volume->driver: create_export", "opt model_update",
        "cinder_volume->database: Volume.save", "end",
        "cinder_volume->driver: initialize_connection"));
  }

  /**
   * {@code filters = [~db.volume_has_snapshots_filter()]; volume.conditional_update(values,
   * expected, filters)}: a db API function named {@code *_filter} builds a SQL expression the
   * update tests, and is no database call of its own. Defined under another name (the
   * {@code _filter} name an alias of it), the same function is a query drawn before the update.
   */
  @Test
  void aDbFilterIsNoDatabaseCall(@TempDir Path dir) {
    String update = "cinder_api->database: Volume.conditional_update: "
        + "migration_status = 'starting'";
    for (String d : List.of(wsd("migrate-volume"), full("migrate-volume"))) {
      inOrder(d, List.of("check policy: volume:migrate_volume", update,
          "cinder_api->>cinder_scheduler: migrate_volume"));
      assertFalse(d.contains("volume_has_snapshots"), d);
    }
    String filter = "def volume_has_snapshots_filter():\n"
        + "    # A SQL EXISTS over the volume's snapshots, for a conditional update to test.\n"
        + "    return ('exists', 'snapshots', 'volume_id')\n";
    String renamed = variant(dir, "cinder/db/api.py", filter,
        filter.replace("_filter", "") + "\n\nvolume_has_snapshots_filter = volume_has_snapshots\n",
        "migrate-volume");
    inOrder(renamed, List.of("check policy: volume:migrate_volume",
        "cinder_api->database: db.volume_has_snapshots", update));
  }

  /**
   * {@code if not volume.volume_attachment: orig_status = 'available' else: orig_status =
   * 'in-use'}, then {@code volume.update({'size': int(new_size), 'status': orig_status});
   * volume.save()} in the revert to a snapshot: a local the branches set to different literals
   * writes each, joined by "or", and a value converted with int() is the value. With one way
   * not a literal, the status is only named.
   */
  @Test
  void aLocalTheBranchesSetWritesEitherLiteral(@TempDir Path dir) {
    String save = "cinder_volume->database: Volume.save: size = new_size"
        + "\\nstatus = 'available' or 'in-use'";
    for (String d : List.of(wsd("revert"), full("revert"))) {
      inOrder(d, List.of("cinder_api->>cinder_volume: revert_to_snapshot", save));
      assertFalse(d.contains("int("), d);
    }
    String notLiteral = variant(dir, "cinder/volume/manager.py", "orig_status = 'in-use'",
        "orig_status = volume.previous_status", "revert");
    hasLine(notLiteral, "cinder_volume->database: Volume.save: size = new_size\\nstatus");
  }

  /**
   * {@code objects.Volume.get_by_id(ctxt, backup_device['volume_id'])} in the backup service's
   * _attach_device, a classmethod of the persistent-object base ({@code CinderPersistentObject}
   * in cinder/objects/base.py) called on its subclass: the read is labelled with the class it
   * is called on (full detail: standard leaves the read out). The volume API's own get is a
   * summary, labelled so whatever it calls.
   */
  @Test
  void aBaseClassmethodIsLabelledWithTheClassItIsCalledOn() {
    String f = full("backups-create");
    inOrder(f, List.of("cinder_volume->>cinder_backup: continue_backup",
        "cinder_backup->database: Volume.get_by_id",
        "cinder_backup->cinder_volume: initialize_connection"));
    assertFalse(f.contains("CinderPersistentObject"), f);
  }

  /**
   * {@code continue_backup} → {@code self._attach_device(...)} → {@code self._attach_volume(...)}
   * → {@code self.volume_rpcapi.initialize_connection(...)}, a call: two same-module helpers
   * down, a helper drawing one step is anchored where it is called, but not an RPC message,
   * which keeps the anchor of the function that sends it (the RPC client's method), not
   * _attach_device's.
   */
  @Test
  void anRpcMessageKeepsTheAnchorOfItsSender() {
    String d = wsd("backups-create");
    inOrder(d, List.of("cinder_volume->>cinder_backup: continue_backup",
        "# cinder/volume/rpcapi.py:" + lineOf("cinder/volume/rpcapi.py",
            "    def initialize_connection(") + " initialize_connection()\n"
            + "cinder_backup->cinder_volume: initialize_connection"));
    assertFalse(d.contains("_attach_device()"), d);
  }

  /**
   * {@code return cls(context, **row)} in the base's get_by_id, called as {@code
   * objects.Volume.get_by_id(...)}: what it returns is a Volume, whose conditional_update the
   * extend draws. The fixture returns {@code cls._from_db_object(context, cls(context), row)},
   * as Cinder does, which the tracer leaves to the parameter's type hint.
   */
  @Test
  void aBaseClassmethodBuildsTheClassItIsCalledOn(@TempDir Path dir) {
    String built = variant(dir, "cinder/objects/base.py",
        "return cls._from_db_object(context, cls(context), row)",
        "return cls(context, **row)", "extend");
    hasLine(built, "cinder_api->database: Volume.conditional_update: status = 'extending'");
  }

  /**
   * {@code self._revert_to_snapshot(context, volume, snapshot)} in the manager's
   * revert_to_snapshot, a helper whose only step is {@code self.driver.revert_to_snapshot(...)}:
   * a helper named {@code _revert_*} is the action's work, not a task's revert, and its driver
   * call is drawn at standard rather than folded into a note. Named {@code _revert}, as an error
   * path's revert is, the same helper is one note.
   */
  @Test
  void aRevertToSnapshotHelperIsTheActionsWork(@TempDir Path dir) {
    String d = wsd("revert");
    inOrder(d, List.of("cinder_api->>cinder_volume: revert_to_snapshot",
        "cinder_volume->driver: revert_to_snapshot",
        "cinder_volume->database: Volume.save: size = new_size"));
    assertFalse(d.contains("note over cinder_volume: revert to snapshot"), d);
    String named = variant(dir, "cinder/volume/manager.py", "_revert_to_snapshot(", "_revert(",
        "revert");
    hasLine(named, "note over cinder_volume: revert");
    assertFalse(named.contains("cinder_volume->driver: revert_to_snapshot"), named);
  }

  /**
   * {@code def update_single_status_where(self, new_status, expected_status, filters=()):
   * values = {'status': new_status}; ...; return self.conditional_update(values, expected,
   * filters)} in the objects' base, called {@code volume.update_single_status_where('reverting',
   * 'available')} by the volume API and {@code ('available', 'reverting')} by the manager: a
   * method handing a local values dict to a conditional update writes the status its caller
   * passes. With the dict made by a call ({@code dict(status=new_status)}), the status is not
   * said.
   */
  @Test
  void aStatusHandedOnInAValuesDictIsWritten(@TempDir Path dir) {
    String reverting = "cinder_api->database: Volume.update_single_status_where: "
        + "status = 'reverting'";
    String available = "cinder_volume->database: Volume.update_single_status_where: "
        + "status = 'available'";
    String d = wsd("revert");
    hasLine(d, reverting);
    hasLine(d, available);
    inOrder(d, List.of("check policy: volume:revert_to_snapshot", reverting,
        "cinder_api->>cinder_volume: revert_to_snapshot",
        "cinder_volume->driver: revert_to_snapshot", available));
    String byCall = variant(dir, "cinder/objects/base.py", "values = {'status': new_status}",
        "values = dict(status=new_status)", "revert");
    hasLine(byCall, "cinder_api->database: Volume.update_single_status_where");
    hasLine(byCall, "cinder_volume->database: Volume.update_single_status_where");
    assertFalse(byCall.contains("status = 'reverting'"), byCall);
  }
}
