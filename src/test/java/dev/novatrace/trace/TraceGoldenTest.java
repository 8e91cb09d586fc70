package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.project.SourceTree;
import dev.novatrace.workspace.Workspace;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.Goldens;
import dev.novatrace.testing.MiniNova;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.novatrace.detail.Detail;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Golden .wsd files for every action of the fixture tree (src/test/resources/fixtures/trace/mini)
 * at every level of detail, kept in src/test/resources/golden/trace/LEVEL/NAME.wsd; the cases
 * are the actions the fixture offers, so a new fixture action gets its goldens.
 *
 * <p>A missing golden is written and the test fails, so that it is read before it is trusted. To
 * rewrite every golden after an intended change of the tracer's output, run
 * {@code mvn -q -B -o test -Dtest=TraceGoldenTest -Dnovatrace.updateGoldens=true} and review the
 * diff of src/test/resources/golden/trace before committing it.
 *
 * <p>Besides the whole text, each action has a few facts asserted on their own, so that a
 * carelessly updated golden still cannot hide the point of the fixture.
 */
class TraceGoldenTest {
  private static final Path GOLDEN = Fixtures.GOLDEN.resolve("trace");

  static Stream<Arguments> cases() {
    return MiniNova.workspace().actions().stream().flatMap(a -> Arrays.stream(Detail.values())
        .map(d -> Arguments.of(a.name(), d)));
  }

  @Test
  void everyGoldenIsACase() throws IOException {
    Set<String> cases = cases().map(a -> ((Detail) a.get()[1]).label() + "/" + a.get()[0] + ".wsd")
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      files.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString())
          .forEach(g -> assertTrue(cases.contains(g), "stale golden " + g));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(String action, Detail detail) throws IOException {
    String actual = MiniNova.wsd(MiniNova.workspace(), action, detail);
    Goldens.check(GOLDEN.resolve(detail.label()).resolve(action + ".wsd"), actual);
  }

  @Test
  void requestsToAnotherServiceThreeBlocksDeepStayAndARepeatedHelperIsDrawnOnce() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD);
    // alt (the caller's branch) > loop > alt: cinder's messages stay, the driver's query not.
    assertTrue(wsd.contains("    loop for bdm in bdms\n      alt bdm.attachment_id\n"
        + "        nova_compute->cinder: attachments.create\n"
        + "        nova_compute->cinder: attachments.delete\n      else\n"
        + "        nova_compute->cinder: volumes.terminate_connection\n      end\n    end\n"), wsd);
    assertFalse(wsd.contains("get_volume_connector"), wsd);
    // The other arm runs the same helper: a loop of three messages counts as three steps.
    assertTrue(wsd.contains("terminate volume connections (as above)"), wsd);
  }

  /**
   * A test on the deployment's settings is decided by the option's default (the mini tree's
   * nova/conf): delete terminates, as [DEFAULT] reclaim_instance_interval = 0; soft delete is one
   * note at standard and the second branch of an alt at full, the default first.
   */
  @Test
  void theDefaultDeploymentsBranchIsThePathAndTheOtherOneNote() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD);
    assertTrue(standard.contains("  nova_api->>nova_compute: terminate_instance\n"), standard);
    assertTrue(standard.contains("  note over nova_api: if [DEFAULT] reclaim_instance_interval set"
        + " otherwise: soft_delete_instance, power_off\n"), standard);
    assertFalse(standard.contains("->>nova_compute: soft_delete_instance"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.FULL);
    assertTrue(full.contains("  alt [DEFAULT] reclaim_instance_interval = 0 (default)\n"), full);
    assertTrue(full.indexOf("->>nova_compute: terminate_instance") < full.indexOf(
        "else [DEFAULT] reclaim_instance_interval set otherwise"), full);
    assertTrue(full.contains("nova_api->>nova_compute: soft_delete_instance"), full);
  }

  /**
   * The image backend is picked from a dict keyed by [libvirt] images_type: by default Qcow2,
   * whose direct snapshot only raises NotImplementedError, so the handler that catches it (the
   * standard snapshot: extract and upload) is the path; the try body is what runs where
   * images_type picks a backend that implements it, one note at standard.
   */
  @Test
  void aCallTheDefaultBackendDoesNotImplementTakesItsFallback() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "create-image", Detail.STANDARD);
    // The other branch's note stands where the choice is made, before the path goes on.
    assertTrue(standard.contains(
        "note over libvirt: if [libvirt] images_type set otherwise: images.update\n"
        + "note over libvirt: snapshot extract\n"
        + "libvirt->glance: images.upload\n"), standard);
    assertFalse(standard.contains("libvirt->glance: images.update"), standard);
    // The default backend's cleanup is a no-op ('pass'): nothing worth a note.
    assertFalse(standard.contains("cleanup direct snapshot"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "create-image", Detail.FULL);
    int byDefault = full.indexOf("alt [libvirt] images_type = default (default)\n");
    int otherwise = full.indexOf("else [libvirt] images_type set otherwise\n");
    assertTrue(byDefault >= 0 && byDefault < full.indexOf("libvirt->glance: images.upload")
        && full.indexOf("libvirt->glance: images.upload") < otherwise
        && otherwise < full.indexOf("libvirt->glance: images.update"), full);
  }

  /**
   * With images_type = rbd the backend implements it: the try body is the path, and the
   * fallback the other backends take is the branch where images_type is set otherwise.
   */
  @Test
  void aBackendSetThatImplementsTheCallRunsTheTryBody() {
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    ws.configure(ws.settings().with("libvirt", "images_type", "rbd"));
    String standard = MiniNova.wsd(ws, "create-image", Detail.STANDARD);
    assertTrue(standard.contains(
        "note over libvirt: if [libvirt] images_type set otherwise: images.upload\n"
        + "note over libvirt: direct snapshot\n"
        + "libvirt->glance: images.update\n"), standard);
    assertFalse(standard.contains("libvirt->glance: images.upload"), standard);
    String full = MiniNova.wsd(ws, "create-image", Detail.FULL);
    int set = full.indexOf("alt [libvirt] images_type = rbd\n");
    int otherwise = full.indexOf("else [libvirt] images_type set otherwise\n");
    assertTrue(set >= 0 && set < full.indexOf("libvirt->glance: images.update")
        && full.indexOf("libvirt->glance: images.update") < otherwise
        && otherwise < full.indexOf("libvirt->glance: images.upload"), full);
  }

  /**
   * {@code _begin_delete(context, instance, 'delete')} then {@code if delete_type ==
   * 'soft_delete':}: the value the caller fixes decides the test, so no level draws the branch.
   */
  @Test
  void aComparisonOnAValueTheCallerFixesIsDecided() {
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "delete", d);
      assertTrue(wsd.contains("note over nova_api: record action: delete\n"), wsd);
      assertFalse(wsd.contains("setup_networks_on_host"), wsd);
      assertFalse(wsd.contains("delete_type"), wsd);
    }
  }

  /**
   * The API casts start_instance with {@code reason='user'} (a client parameter bound to a
   * literal); the manager's {@code if reason == 'recovery':} never runs for it. The code alone
   * (the call graph) has the branch; the trace does not draw it at any level.
   */
  @Test
  void aCastsLiteralArgumentDecidesTheServersBranch() throws IOException {
    String graph = Files.readString(Fixtures.ROOT.getParent().resolve("golden/callgraph/start.txt"),
        StandardCharsets.UTF_8);
    assertTrue(graph.contains("if reason == 'recovery'"), graph);
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "start", d);
      assertTrue(wsd.contains("nova_api->>nova_compute: start_instance\n"), wsd);
      assertFalse(wsd.contains("setup_networks_on_host"), wsd);
      assertFalse(wsd.contains("reason"), wsd);
    }
  }

  /**
   * {@code timeout, retry = self._power_off_values(instance, True)}: a pair a helper returns,
   * its timeout an option's default read through {@code int(metadata.get(key, default))}, is
   * the argument the driver's {@code if timeout:} tests: the graceful shutdown is the path, and
   * the diagram says what it assumes of the image.
   */
  @Test
  void aValueComputedFromAnOptionAndPassedOnDecidesTheCalleesBranch() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "stop", Detail.STANDARD);
    assertTrue(standard.contains("note over libvirt: clean shutdown\\nget guest\n"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "stop", Detail.FULL);
    assertTrue(full.contains("opt [DEFAULT] shutdown_timeout = 60 (default);"
        + " instance.system_metadata['image_os_shutdown_timeout'] not set\n"), full);
    Workspace quick = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    quick.configure(quick.settings().with("DEFAULT", "shutdown_timeout", "0"));
    String hard = MiniNova.wsd(quick, "stop", Detail.STANDARD);
    assertFalse(hard.contains("clean shutdown"), hard);
  }

  /**
   * {@code state = None}, set again only where an exception is handled: {@code if not state:}
   * holds on the path, so the driver's get_info is no choice at any level.
   */
  @Test
  void aLocalBoundToALiteralAndSetAgainOnlyOnErrorDecidesItsTest() {
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "stop", d);
      assertTrue(wsd.contains("nova_compute->libvirt: get_info\n"), wsd);
      assertFalse(wsd.contains("opt not state"), wsd);
    }
  }

  /** {@code soft and asks_cinder()}: soft is False by default, so cinder is never asked. */
  @Test
  void whatADecidedOperandShortCircuitsIsNotCalled() {
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "delete", d);
      assertFalse(wsd.contains("nova_api->cinder: attachments.create"), wsd);
    }
  }

  /** An early return on a setting's default: what follows it is the other branch. */
  @Test
  void anEarlyReturnOnADefaultLeavesTheRestAsTheOtherBranch() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "attach-volume", Detail.STANDARD);
    assertFalse(standard.contains("->libvirt: block_stats"), standard);
    assertTrue(standard.contains("note over nova_compute: if [DEFAULT] volume_usage_poll_interval"
        + " set otherwise: block_stats\n"), standard);
  }

  /**
   * {@code else: if CONF.use_cow_images:} is no alternative to the first test: the setting
   * decides it, so the default deployment's way inside the else is drawn, and the setting is
   * assumed; an elif the settings do not decide stays one more alternative.
   */
  @Test
  void anElseIfTheSettingsDecideIsWalkedInsideTheElse() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "attach-volume", Detail.STANDARD);
    assertTrue(standard.contains("alt instance.locked\n  nova_compute->cinder: attachments.complete\n"
        + "else\n  nova_compute->libvirt: pause\n"), standard);
    assertFalse(standard.contains("use_cow_images"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "attach-volume", Detail.FULL);
    assertTrue(full.contains("opt [DEFAULT] use_cow_images = True (default)\n"), full);
  }

  @Test
  void anObjectBuiltWithItsStateIsSavedWithIt() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "evacuate", Detail.STANDARD);
    assertTrue(wsd.contains("nova_api->database: Migration.save: status = 'accepted'\n"), wsd);
  }

  @Test
  void aFlagHandedOverInAKwargsDictDecidesTheCalleesBranch() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.FULL);
    assertTrue(wsd.contains("nova_compute->libvirt: destroy\n"), wsd);
    assertFalse(wsd.contains("evacuate"), wsd);
    // A condition drawn without the part the flag decides.
    assertTrue(wsd.contains("opt instance.image_ref\n"), wsd);
    // The same flag chose which function a local holds.
    assertTrue(wsd.contains("notify: rebuild.same_host"), wsd);
    assertFalse(wsd.contains("host = "), wsd);
  }

  @Test
  void aCheckThatSetsTheErrorStateAndRaisesIsDrawnAtFullDetailOnly() {
    String full = MiniNova.wsd(MiniNova.workspace(), "pause", Detail.FULL);
    assertTrue(full.contains("  opt mapping.status == 'attaching' (raises)\n"
        + "    nova_compute->database: Instance.save: vm_state = ERROR\n  end\n"), full);
    String standard = MiniNova.wsd(MiniNova.workspace(), "pause", Detail.STANDARD);
    assertFalse(standard.contains("ERROR"), standard);
    // What the failing branch set is not saved by the later save of the way that succeeds.
    assertTrue(standard.contains("nova_compute->database: Instance.save: vm_state = PAUSED\\ntask_state = None\n"),
        standard);
  }

  @Test
  void pauseCastsToComputeWhichPausesTheGuestAndSavesTheNewState() {
    String wsd = MiniNova.wsd("pause");
    assertTrue(wsd.contains("note over nova_api: check policy: os_compute_api:os-pause-server:pause\n"));
    assertTrue(wsd.contains("note over nova_api: ensure instance state in [ACTIVE]\n"));
    assertTrue(wsd.contains("nova_api->database: Instance.save: task_state = PAUSING\n"));
    assertTrue(wsd.contains("note over nova_api: record action: pause\n"));
    assertTrue(wsd.contains("nova_api->>nova_compute: pause_instance\n"));
    assertTrue(wsd.contains("nova_compute->libvirt: pause\n"));
    assertTrue(wsd.contains("nova_compute->database: Instance.save: vm_state = PAUSED\\ntask_state = None\n"));
    // The API answers before the compute host works.
    assertTrue(wsd.indexOf("nova_api-->client: HTTP 202") < wsd.indexOf("nova_compute->libvirt"));
  }

  @Test
  void literalTrueDecidesTheCalleesIfInsteadOfDrawingABranch() {
    // start: _power_on(context, instance, True) always asks neutron; list: is_detail=True.
    String start = MiniNova.wsd("start");
    assertTrue(start.contains("nova_compute->neutron: list_ports\n"), start);
    assertFalse(start.matches("(?s).*\\n *(alt|opt|else) [^\\n]*with_network.*"), start);
    String list = MiniNova.wsd("list");
    assertTrue(list.contains(
        "nova_api->database: InstanceFaultList.get_latest_by_instance_uuids\n"), list);
    assertFalse(list.contains("is_detail"), list);
  }

  @Test
  void guardClauseBecomesAnAltWithTheRestOfTheFunctionAsElse() {
    String wsd = MiniNova.wsd("delete");
    assertTrue(wsd.contains("alt not instance.host\n"
        + "  nova_api->database: Instance.destroy\n"
        + "else\n"
        + "  # nova/compute/api.py:133 _mark()\n"
        + "  nova_api->database: Instance.save: task_state = DELETING\\nprogress = 0\n"), wsd);
  }

  @Test
  void bootLoopsOverBuildRequestsAndCastsToComputeFromTheConductorLoop() {
    String wsd = MiniNova.wsd("boot");
    assertTrue(wsd.contains("loop for num in range(max_count)\n"
        + "  nova_api->database: BuildRequest.create\nend\n"), wsd);
    assertTrue(wsd.contains("nova_api->>nova_conductor: schedule_and_build_instances\n"));
    assertTrue(wsd.contains("nova_conductor->nova_scheduler: select_destinations\n"));
    assertTrue(wsd.contains("  nova_conductor->>nova_compute: build_and_run_instance\nend\n"));
    // The nested function handed to utils.spawn_n runs on the compute host.
    assertTrue(wsd.contains("nova_compute->database: Instance.save: vm_state = BUILDING\\ntask_state = None\n"));
    assertTrue(wsd.contains("nova_compute->neutron: create_port\n"));
    assertTrue(wsd.contains("nova_compute->libvirt: spawn\n"));
  }

  @Test
  void liveMigrationRunsTheSubclassStepsOfTheTaskAndUsesTwoHosts() {
    String wsd = MiniNova.wsd("migrate-live");
    // TaskBase.execute() calls self._execute(): LiveMigrationTask's is the one that runs.
    assertTrue(wsd.contains("# nova/conductor/tasks/live_migrate.py:16 _execute()\n"
        + "alt not self.destination\n"), wsd);
    assertTrue(wsd.contains("  loop while host is None\n"), wsd);
    assertTrue(wsd.contains("nova_conductor->nova_compute_dest: check_can_live_migrate_destination\n"));
    assertTrue(wsd.contains("nova_conductor->>nova_compute_src: live_migration\n"));
    assertTrue(wsd.contains("nova_compute_src->nova_compute_dest: pre_live_migration\n"));
    assertTrue(wsd.contains("nova_compute_src->>nova_compute_dest: post_live_migration_at_destination\n"));
    assertTrue(wsd.contains("participant nova_compute_src\nparticipant nova_compute_dest\n"));
    assertFalse(wsd.contains("participant nova_compute\n"));
  }

  @Test
  void whatTheManagerDoesWhenTheDriverCallsItBackIsDrawnAsTheManagersWork() {
    // The post callback runs two helpers deep in the driver, where the driver's own work is
    // cut to its skeleton; the manager's request to neutron there is the manager's, and stays.
    String wsd = MiniNova.wsd("migrate-live");
    int completed = wsd.indexOf("alt info.type == 'completed'\n");
    int start = wsd.indexOf(" _post_live_migration()\n"
        + "  # nova/network/neutron.py:24 migrate_instance_start()\n"
        + "  nova_compute_src->neutron: update_port\n");
    assertTrue(completed >= 0 && start > completed, wsd);
  }

  @Test
  void branchesThatDoTheSameButWriteAnotherValueAreOneAtStandardDetail() {
    // Both roll back: the rollback said briefly, its skeleton anchored to it, one branch.
    String standard = MiniNova.wsd(MiniNova.workspace(), "migrate-live", Detail.STANDARD);
    assertTrue(standard.contains("else info.type == 'failed' or info.type == 'cancelled'\n"
        + "  # nova/virt/libvirt/driver.py:100 _live_migration_monitor()\n"
        + "  note over nova_compute_src: rollback live migration\n"
        + "  # nova/compute/manager.py:286 _rollback_live_migration()\n"), standard);
    assertTrue(standard.contains("nova_compute_src->database: Migration.save: status = 'failed' or 'cancelled'\n"),
        standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "migrate-live", Detail.FULL);
    assertTrue(full.contains("else info.type == 'cancelled'\n"), full);
    assertTrue(full.contains("nova_compute_src->database: Migration.save: status = 'cancelled'\n"), full);
  }

  /**
   * An RPC client's version check ({@code client.can_send_version('6.1')}) holds in a cloud that
   * runs one release: the pin is for rolling upgrades. Neither level draws the choice; the
   * message is sent the newest way (Cinder's backup pins sent a whole flow twice).
   */
  @Test
  void anRpcClientsVersionCheckHoldsInACloudOfOneRelease() {
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "pause", d);
      assertTrue(wsd.contains("# nova/compute/rpcapi.py:17 pause_instance()\n"
          + "nova_api->>nova_compute: pause_instance\n"), wsd);
      assertFalse(wsd.contains("can_send_version"), wsd);
    }
  }


  @Test
  void aNameAssignedInABranchIsWhatTheBranchAssignsForTheRestOfIt() {
    // migration = None; if existing: migration = existing[0] else: migration =
    // objects.Migration(...); migration.create(): the create is a Migration's.
    String wsd = MiniNova.wsd("migrate");
    assertTrue(wsd.contains("opt not existing\n  nova_api->database: Migration.create\nend\n"), wsd);
  }

  @Test
  void anEntryOfADictFieldSetOnTheObjectIsSavedWithItsFields() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertTrue(wsd.contains("nova_compute->database: Instance.save: system_metadata['image_base_image_ref'] = image_ref"
        + "\\nvm_state = ACTIVE\\ntask_state = None\n"), wsd);
  }

  @Test
  void everyDatabaseStepNamesItsObjectAndARecordCreatedIsAStateChange() {
    for (String action : List.of("boot", "migrate", "delete", "stop", "pause", "rebuild")) {
      for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
        String wsd = MiniNova.wsd(MiniNova.workspace(), action, d);
        wsd.lines().filter(l -> l.contains("->database: ")).forEach(l -> assertTrue(
            l.matches(".*->database: [A-Za-z_]+\\.[a-z_]+(: .*| \\(if needed\\))?"),
            action + ": " + l));
      }
    }
    // migration.status = 'accepted'; migration.create(): the record, with the fields whose
    // value is known.
    String migrate = MiniNova.wsd(MiniNova.workspace(), "migrate-live", Detail.STANDARD);
    assertTrue(migrate.contains("nova_conductor->database: Migration.create: status = 'accepted'\n"),
        migrate);
    String delete = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD);
    assertTrue(delete.contains("nova_compute->database: Instance.destroy\n"), delete);
  }

  @Test
  void aNotificationNamedByAFormatStringSaysTheEventItsCallerPasses() {
    // _notify_stop(context, instance, 'start') → 'power_off.%s' % phase.
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String stop = MiniNova.wsd(MiniNova.workspace(), "stop", d);
      assertTrue(stop.contains("notify: power_off.start"), stop);
      assertTrue(stop.contains("notify: power_off.end"), stop);
      assertFalse(stop.contains("%"), stop);
      assertFalse(stop.contains("notify: power_off...."), stop);
    }
  }

  @Test
  void aFoldedHelperIsOneNoteThatNeverHidesARequestToAnotherService() {
    // The resource tracker is one note at standard detail; its request to placement stays,
    // without the tracker's own conditions.
    String wsd = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD)
        .replaceAll("(?m)^ +", "");
    assertTrue(wsd.contains("note over nova_compute: resource tracker: update usage\n"
        + "# nova/compute/resource_tracker.py:20 _update()\n"
        + "nova_compute->placement: PUT /resource_providers/{new_tree} (if needed)\\n"), wsd);
    assertFalse(wsd.contains("tracked_instances"), wsd);
  }

  @Test
  void aFactoryBuildsItsObjectWhereItIsCalled() {
    // driver_block_device.convert_volume(bdm) builds the driver BDM in the compute manager: no
    // step of its own, and the attach it leads to is drawn.
    for (Detail d : Detail.values()) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "attach-volume", d);
      assertFalse(wsd.contains("convert volume"), wsd);
      assertFalse(wsd.contains("convert_volume"), wsd);
      assertTrue(d == Detail.OVERVIEW || wsd.contains("nova_compute->cinder: attachments.update"),
          wsd);
    }
  }

  @Test
  void fieldsHandedInAsKeywordsAreWhatAnUpdateWithTheKwargsWrites() {
    // _mark(context, instance, task_state=DELETING): instance.update(instance_attrs).
    String wsd = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD);
    assertTrue(wsd.contains("nova_api->database: Instance.save: task_state = DELETING\\n"
        + "progress = 0\n"), wsd);
  }

  @Test
  void anRpcServerMethodAnchorsItsStepsAlsoWhenItOnlyCallsAnInnerFunction() {
    // stop_instance's steps start at its own anchor, before the helper it calls first.
    String wsd = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.STANDARD);
    assertTrue(wsd.contains("# nova/compute/manager.py:178 build_and_run_instance()\n"), wsd);
  }

  @Test
  void aLocalSetAgainOnlyInABranchTheSettingsDoNotTakeKeepsItsLiteral() {
    // _hard_reboot: vifs_plugged = True; if <a list option, empty by default>: vifs_plugged =
    // False. By default the guest is created with vifs_plugged=True: no event is waited for.
    String start = MiniNova.wsd(MiniNova.workspace(), "start", Detail.STANDARD);
    assertFalse(start.contains("network-vif-plugged") || start.contains("opt events"), start);
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    ws.configure(ws.settings().with("libvirt", "wait_for_vif_plugged_event_during_hard_reboot",
        "normal"));
    String waiting = MiniNova.wsd(ws, "start", Detail.STANDARD);
    assertTrue(waiting.contains("neutron->nova_compute: network-vif-plugged\n"), waiting);
    assertFalse(waiting.contains("opt events"), waiting);
  }

  @Test
  void aFieldSetAndGivenBackBeforeTheSaveIsNoChange() {
    // kept = _scrub_keys(instance) returns dict(key_data=instance.key_data) and sets it None;
    // _restore_keys(instance, kept) updates the instance with it before the save.
    for (Detail d : Detail.values()) {
      String start = MiniNova.wsd(MiniNova.workspace(), "start", d);
      assertFalse(start.contains("key_data"), start);
      assertTrue(d == Detail.OVERVIEW
          || start.contains("nova_compute->database: Instance.save: vm_state\\ntask_state = None\n"),
          start);
    }
  }

  @Test
  void aLoopThatStopsAtTheFirstCallThatSucceedsSaysSo() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate", Detail.STANDARD);
    assertTrue(wsd.contains("loop for candidate in candidates, until claim resources succeeds\n"),
        wsd);
  }

  @Test
  void aControllerWithoutAResponseDecoratorAnswersWithTheResponseItBuilds() {
    // return webob.Response(status_int=202), as Nova's volume attachments do from 2.101.
    String wsd = MiniNova.wsd("attach-volume");
    assertTrue(wsd.contains("nova_api-->client: HTTP 202\n"), wsd);
  }

  @Test
  void theCallsOfAnElifTestRunOnTheWayToEveryLaterBranch() {
    // if shared is None: ...instance_on_disk() elif shared != ...instance_on_disk(): raise
    String full = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.FULL);
    assertTrue(full.contains("else shared != self.driver.instance_on_disk(instance)\n"
        + "  nova_compute->libvirt: instance_on_disk\n"), full);
    assertTrue(full.contains("else\n  nova_compute->libvirt: instance_on_disk\n"), full);
    // At standard the way to the exception is left out, and every way asks the driver alike.
    String standard = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertTrue(standard.contains("# nova/compute/manager.py:302 rebuild_instance()\n"
        + "nova_compute->libvirt: instance_on_disk\nlibvirt-->nova_compute: done\n"
        + "# nova/compute/manager.py:329 _rebuild_default_impl()"), standard);
    assertFalse(standard.contains("shared is None"), standard);
  }

  @Test
  void aLoopThatReturnsFromATryUnlessItFailsSaysItTriesUntilOneReturns() {
    String wsd = MiniNova.wsd("boot");
    assertTrue(wsd.contains("loop for attempt in range(1, 4), until one returns\n"
        + "  # nova/network/neutron.py:33 _allocate()\n"), wsd);
  }

  /**
   * A step is anchored to the function that makes it, two same-module hops below the RPC server
   * method too (boot's build: _do_build_and_run_instance saves, _build_and_run_instance
   * allocates the network and spawns), not to the locked wrapper above them; a helper past the
   * first hop that draws only a step or two stays anchored where it is called.
   */
  @Test
  void aStepIsAnchoredToTheFunctionThatMakesItTwoHopsDown() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.STANDARD);
    assertTrue(wsd.contains("# nova/compute/manager.py:194 _do_build_and_run_instance()\n"
        + "nova_compute->database: Instance.save: vm_state = BUILDING\\ntask_state = None\n"
        + "# nova/compute/manager.py:213 _build_and_run_instance()\n"
        + "loop for attempt in range(1, 4), until one returns\n"), wsd);
    assertFalse(wsd.contains("_get_power_state()\n"), wsd);
  }

  /**
   * The image client's request, reached as nova's code reaches it: the session out of a call
   * that returns a tuple ({@code session, image_id = self._get_session_and_image_id(...)}), a
   * wrapper that gives back what it wraps ({@code tpool_wrap(self._client.call)(...)}), the
   * method looked up by name on the part {@code controller or 'images'} names, inside a retry
   * loop that runs at least once (so no "(if needed)" of its own).
   */
  @Test
  void anImageRequestIsTheClientCallNovasCodeMakesThroughSessionWrapperAndRetries() {
    String full = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.FULL);
    assertTrue(full.contains("# nova/image/glance.py:7 call()\n"
        + "  loop for attempt in range(1, 3), until one returns\n"
        + "    libvirt->glance: images.data\n"), full);
    String standard = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertTrue(standard.contains("nova_compute->glance: images.get\n"), standard);
    assertFalse(standard.contains("images.get (if needed)") || standard.contains("{"), standard);
  }

  /**
   * A client module (network/neutron.py) is nova's code, run where it is called: only its calls
   * on the client library, built by get_client() or handed in, are requests to neutron; its
   * records are nova's database steps; a method that only empties its own cache draws nothing.
   * Standard says the requests it makes, in order and each once, in one arrow where nothing
   * comes between them; a request or a record written behind a test says "(if needed)". Full
   * draws its code.
   */
  @Test
  void aClientModuleRunsInItsCallerAndOnlyItsCallsOnTheClientAreRequests() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.STANDARD);
    assertTrue(standard.contains("loop for attempt in range(1, 4), until one returns\n"
        + "  nova_compute->neutron: list_ports\\ncreate_port (if needed)\n"
        + "  nova_compute->database: VirtualInterface.create (if needed)\nend\n"), standard);
    assertFalse(standard.contains("allocate_for_instance"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.FULL);
    assertTrue(full.contains("  # nova/network/neutron.py:33 _allocate()\n"
        + "  nova_compute->neutron: list_ports\n  opt not ports\n"
        + "    # nova/network/neutron.py:15 _create_ports()\n"
        + "    nova_compute->neutron: create_port\n"), full);
    for (Detail d : Detail.values()) {
      String delete = MiniNova.wsd(MiniNova.workspace(), "delete", d);
      assertFalse(delete.contains("invalidate") || delete.contains("pop"), d + ":\n" + delete);
    }
    // The report client's HTTP request says its path, as the caller of put() built it.
    String fullDelete = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.FULL);
    assertTrue(fullDelete.contains("# nova/scheduler/client/report.py:11 put()\n"
        + "      nova_compute->placement: PUT /resource_providers/{new_tree}\n"), fullDelete);
  }

  @Test
  void aStatePassedToAHelperIsTheLiteralItsCallerPasses() {
    // stop: _finish_power_change(instance, vm_states.STOPPED, ...) sets vm_state = vm_state.
    String stop = MiniNova.wsd("stop");
    assertTrue(stop.contains("nova_compute->database: Instance.save: vm_state = STOPPED\\ntask_state = None\n"),
        stop);
    // create-image: _create_image(..., task_states.IMAGE_SNAPSHOT_PENDING) on the API side.
    String image = MiniNova.wsd("create-image");
    assertTrue(image.contains("nova_api->database: Instance.save: task_state = IMAGE_SNAPSHOT_PENDING\n"), image);
  }

  @Test
  void whereNoLiteralReachesAStateOnlyTheFieldIsDrawn() {
    // start passes a state only known at run time: no variable name is drawn as the value.
    for (Detail d : Detail.values()) {
      String start = MiniNova.wsd(MiniNova.workspace(), "start", d);
      assertTrue(start.contains("nova_compute->database: Instance.save: vm_state\\ntask_state = None\n"), start);
      assertFalse(start.contains("= vm_state"), start);
    }
  }

  @Test
  void aCallableHandedToTheDriverSetsItsStatesWhereTheDriverCallsIt() {
    for (Detail d : Detail.values()) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "create-image", d);
      int driver = wsd.indexOf("nova_compute->libvirt: snapshot\n");
      // Each state once, inside the driver's activation, in the order the driver sets them, and
      // from nova_compute: the closure is the manager's code, whoever calls it.
      int pending = wsd.indexOf("nova_compute->database: Instance.save: task_state = IMAGE_PENDING_UPLOAD\n");
      int uploading = wsd.indexOf("nova_compute->database: Instance.save: task_state = IMAGE_UPLOADING\n");
      int done = wsd.indexOf("libvirt-->nova_compute: done", driver);
      assertTrue(driver >= 0 && driver < pending && pending < uploading && uploading < done,
          d + ":\n" + wsd);
      assertEquals(pending + "nova_compute->database: Instance.save: ".length(), wsd.lastIndexOf("task_state = IMAGE_PENDING_UPLOAD"), wsd);
      assertEquals(uploading + "nova_compute->database: Instance.save: ".length(), wsd.lastIndexOf("task_state = IMAGE_UPLOADING"), wsd);
      assertFalse(wsd.contains("task_state = task_state"), wsd);
      assertTrue(wsd.contains("nova_compute->database: Instance.save: task_state = None\n"), wsd);
    }
  }

  @Test
  void callbacksHandedOnToTheDriverRunInTheBranchOfTheOutcomeOnTheirHost() {
    for (Detail d : Detail.values()) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate-live", d);
      int completed = wsd.indexOf("alt info.type == 'completed'\n");
      int post = wsd.indexOf("nova_compute_src->>nova_compute_dest: post_live_migration_at_destination\n");
      // (At standard and overview the cancelled branch, alike, is drawn with it: see below.)
      int failed = wsd.indexOf("else info.type == 'failed'");
      int rollback = wsd.indexOf("nova_compute_src->database: Instance.save: task_state = None\n");
      assertTrue(completed >= 0 && completed < post && post < failed && failed < rollback, d + ":\n" + wsd);
    }
  }

  @Test
  void fieldsAHelperSetsAreSavedByItsCallerWithWhatComputesThem() {
    // _update_instance_after_spawn sets them, _build_and_run_instance saves them; where a value
    // is not known, the expression is said briefly, at every level.
    for (Detail d : Detail.values()) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "boot", d);
      assertTrue(wsd.contains("nova_compute->database: Instance.save: power_state = "
          + "_get_power_state()\\nvm_state = ACTIVE\\ntask_state = None\n"), wsd);
    }
  }

  @Test
  void anUpdateWithADictLiteralAssignsItsKeysAndNoneStaysNone() {
    String wsd = MiniNova.wsd("delete");
    assertTrue(wsd.contains("nova_compute->database: Instance.save: vm_state = DELETED\\ntask_state = None\n"),
        wsd);
    // instance.update(**cleared), cleared a local dict literal.
    assertTrue(wsd.contains("nova_compute->database: Instance.save: host = None\\nnode = None\n"), wsd);
    assertFalse(wsd.contains("= NONE"), wsd);
  }

  @Test
  void aFileThatDoesNotParseIsReportedAndTheRestTraces() {
    Workspace ws = MiniNova.workspace();
    assertEquals(1, ws.parseFailures().size(), ws.parseFailures().toString());
    assertEquals("nova/cmd/legacy_tool.py", ws.parseFailures().get(0).path());
    assertEquals(3, ws.parseFailures().get(0).line());
  }

  @Test
  void tracingTwiceInFreshWorkspacesGivesTheSameBytes() {
    Workspace first = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    Workspace second = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    for (var action : first.actions()) {
      assertEquals(MiniNova.wsd(first, action.name()), MiniNova.wsd(second, action.name()),
          action.name());
      // The same workspace asked again (its memo warm) gives the same text too.
      assertEquals(MiniNova.wsd(first, action.name()), MiniNova.wsd(first, action.name()),
          action.name());
    }
  }

  @Test
  void aFunctionLookedUpInADictOfLiteralsIsAChoiceOnTheKey() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "power-action", Detail.OVERVIEW);
    int pause = wsd.indexOf("alt body['os-powerAction']['kind'] == 'pause'\n");
    int start = wsd.indexOf("else body['os-powerAction']['kind'] == 'start'\n");
    assertTrue(pause >= 0 && start > pause, wsd);
    assertTrue(wsd.indexOf("nova_api->>nova_compute: pause_instance") > pause, wsd);
    assertTrue(wsd.indexOf("nova_api->>nova_compute: start_instance") > start, wsd);
  }

  @Test
  void receiversOfCastsSentInBranchesRunUnderTheSameConditions() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "power-action", Detail.OVERVIEW);
    String receivers = wsd.substring(wsd.indexOf("deactivate nova_api"));
    // Only one of the two casts is sent, so only one receiver runs: an alt, not a sequence.
    int alt = receivers.indexOf("alt body['os-powerAction']['kind'] == 'pause'\n");
    int paused = receivers.indexOf("vm_state = PAUSED");
    int orElse = receivers.indexOf("else body['os-powerAction']['kind'] == 'start'\n");
    int end = receivers.indexOf("\nend\n");
    assertTrue(alt >= 0 && alt < paused && paused < orElse && orElse < end, receivers);
  }

  @Test
  void aParameterHoldsWhatItsCallerPassesBeforeWhatItsNameSuggests() {
    // _attach_volume(..., bdm) receives the driver BDM convert_volume returned, not the object.
    String wsd = MiniNova.wsd(MiniNova.workspace(), "attach-volume", Detail.STANDARD);
    int update = wsd.indexOf("nova_compute->cinder: attachments.update\n");
    int attach = wsd.indexOf("nova_compute->libvirt: attach_volume\n");
    int complete = wsd.indexOf("nova_compute->cinder: attachments.complete\n");
    assertTrue(update >= 0 && update < attach && attach < complete, wsd);
    // The scheduler's claim goes through a helper whose client parameter the caller fills.
    assertTrue(MiniNova.wsd("boot").contains("nova_scheduler->placement: PUT /allocations/{consumer_uuid}\n"));
  }

  @Test
  void aMethodRunsWhereItsReceiversClassLives() {
    // prepare_for_spawn is the base driver's, called on the libvirt driver, and does nothing
    // (pass); network_binding_host_id returns what its caller has (instance.get('host')):
    // neither is a step at any level.
    for (Detail d : Detail.values()) {
      String rebuild = MiniNova.wsd(MiniNova.workspace(), "rebuild", d);
      assertFalse(rebuild.contains("prepare_for_spawn"), rebuild);
      assertFalse(rebuild.contains("network_binding_host_id"), rebuild);
    }
    // get_instance_nw_info is the network base class's, which runs in its caller as the
    // neutron client module does: its request to neutron, then its info cache write, nova's.
    for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
      String start = MiniNova.wsd(MiniNova.workspace(), "start", d);
      assertTrue(start.contains("nova_compute->neutron: list_ports\n"), start);
      assertTrue(start.contains(
          "nova_compute->database: InstanceInfoCache.save: network_info = nw_info\n"), start);
    }
  }

  @Test
  void aFallbackForAnUnimplementedDriverMethodIsWhatRuns() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertFalse(wsd.contains("libvirt: rebuild"), wsd);
    int destroy = wsd.indexOf("nova_compute->libvirt: destroy\n");
    int spawning = wsd.indexOf("nova_compute->database: Instance.save: task_state = REBUILD_SPAWNING\n");
    int spawn = wsd.indexOf("nova_compute->libvirt: spawn\n");
    assertTrue(destroy >= 0 && destroy < spawning && spawning < spawn, wsd);
  }

  @Test
  void anObjectsClassmethodThatIsNotRemotableRunsInItsCaller() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertTrue(wsd.contains("nova_api->glance: images.get\n"), wsd);
    assertTrue(wsd.contains("nova_compute->glance: images.get\n"), wsd);
    assertFalse(wsd.contains("ImageMeta"), wsd);
  }

  @Test
  void aStateGivenAsNoneIsNotChecked() {
    String rebuild = MiniNova.wsd(MiniNova.workspace(), "rebuild", Detail.STANDARD);
    assertTrue(rebuild.contains(
        "note over nova_api: check instance lock\\nensure instance state in [ACTIVE, STOPPED]\n"),
        rebuild);
    String attach = MiniNova.wsd(MiniNova.workspace(), "attach-volume", Detail.STANDARD);
    assertTrue(attach.contains("note over nova_api: check instance lock\n"), attach);
    assertFalse(attach.contains("ensure instance state"), attach);
    // The else branch of "if not instance.host" is an opt on instance.host.
    String delete = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.OVERVIEW);
    assertTrue(delete.contains("\nopt instance.host\n"), delete);
  }

  @Test
  void fieldsSetDifferentlyInTheBranchesOfAnIfAreSavedAsAChoiceOnTheSameConditions() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "stop", Detail.STANDARD);
    int alt = wsd.indexOf("alt instance.host\n");
    // progress is assigned after the if: it is saved on both paths.
    int powering = wsd.indexOf("nova_compute->database: Instance.save: task_state = POWERING_OFF\\nprogress = 0\n", alt);
    int orElse = wsd.indexOf("else\n", powering);
    int none = wsd.indexOf("nova_compute->database: Instance.save: task_state = None\\nprogress = 0\n", orElse);
    assertTrue(alt >= 0 && powering > alt && orElse > powering && none > orElse, wsd);
  }

  /**
   * Cross-cell resize is off by default: its policy admits nobody. The task that enters it is
   * one note naming the policy; the same-cell cast is the path; what asks the policy, reads a
   * field only the cross-cell task sets, or reads the field the API set from the policy's
   * answer before the cast, draws its default branch.
   */
  @Test
  void aPolicyThatAdmitsNobodyKeepsItsBranchesOffThePath() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate", Detail.STANDARD);
    assertTrue(wsd.contains("note over nova_conductor: if policy compute:servers:resize:cross_cell"
        + " set otherwise: save cross_cell_move, Instance.create,"
        + " prep_snapshot_based_resize_at_dest, ...\n"), wsd);
    assertFalse(wsd.contains("prep_snapshot_based_resize_at_source"), wsd);
    assertTrue(wsd.contains("nova_conductor->>nova_compute: prep_resize\n"), wsd);
    // The API's own check asks: its True branch is not the path.
    assertTrue(wsd.contains("note over nova_api: if policy compute:servers:resize:cross_cell set"
        + " otherwise: list_ports\n"), wsd);
    // migration.cross_cell_move: only the gated task sets it, so it holds its default.
    assertFalse(wsd.contains("opt migration.cross_cell_move"), wsd);
    // Destination(allow_cross_cell_move=allowed), read by the conductor after the cast.
    assertFalse(wsd.contains("allow_cross_cell_move"), wsd);
    assertFalse(wsd.contains("->database: CellMapping.get_by_uuid"), wsd);
    String full = MiniNova.wsd(MiniNova.workspace(), "migrate", Detail.FULL);
    assertTrue(full.contains("alt policy compute:servers:resize:cross_cell = ! (default)\n"), full);
    List<String> assumed = MiniNova.workspace().assumptions(MiniNova.workspace().actions()
        .stream().filter(a -> a.name().equals("migrate")).findFirst().orElseThrow(), 3);
    assertTrue(assumed.contains("policy compute:servers:resize:cross_cell = ! (default)"),
        assumed.toString());
    assertTrue(assumed.stream().anyMatch(a -> a.startsWith("role ")), assumed.toString());
  }

  /**
   * {@code if host: context.can(...migrate:host)}: an admin's rule refuses the caller migrate's
   * own rule admits (anyone: a reader), so naming a host is not the path; with --role admin it
   * is a branch again.
   */
  @Test
  void aBranchWhosePolicyCheckRefusesTheCallerIsNotThePath() throws Exception {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate", Detail.STANDARD);
    assertTrue(wsd.contains("note over nova_api: if policy os_compute_api:os-migrate-server:"
        + "migrate:host set otherwise: InstanceList.get_by_filters\n"), wsd);
    Workspace admin = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    List<String> assumed = MiniNova.workspace().assumptions(MiniNova.workspace().actions()
        .stream().filter(a -> a.name().equals("migrate")).findFirst().orElseThrow(), 3);
    assertTrue(assumed.contains(
        "role reader (the least os_compute_api:os-migrate-server:migrate admits)"), assumed.toString());
    admin.role(dev.novatrace.config.Role.ADMIN);
    String full = MiniNova.wsd(admin, "migrate", Detail.FULL);
    assertTrue(full.contains("opt body['migrate'] and body['migrate'].get('host')\n"), full);
  }

  /** A policy file that opens cross-cell resize draws it again, as the code reads. */
  @Test
  void aTaskRunsItsSubclassExecuteAndTheCrossCellTaskRunsItsTasksInTurn() throws Exception {
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    Path file = java.nio.file.Files.createTempFile("policy", ".yaml");
    try {
      java.nio.file.Files.writeString(file, "\"compute:servers:resize:cross_cell\": \"@\"\n");
      ws.policy(ws.policies().with(dev.novatrace.config.PolicyFile.read(file)));
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertTrue(MiniNova.wsd(ws, "migrate", Detail.FULL).contains(
        "opt request_spec.requested_destination.allow_cross_cell_move\n"));
    String wsd = MiniNova.wsd(ws, "migrate", Detail.STANDARD);
    // MigrationTask(...).execute() is TaskBase.execute, whose self._execute() is the subclass's.
    int alt = wsd.indexOf(
        "alt not self._is_selected_host_in_source_cell(selection)\n");
    // One task bound to a local, one handed to a helper, two run from a list: in that order.
    int dest = wsd.indexOf("nova_conductor->nova_compute_dest: prep_snapshot_based_resize_at_dest\n");
    int source = wsd.indexOf(
        "nova_conductor->nova_compute_src: prep_snapshot_based_resize_at_source\n");
    int finish = wsd.indexOf(
        "nova_conductor->nova_compute_dest: finish_snapshot_based_resize_at_dest\n");
    int orElse = wsd.indexOf("else\n", finish);
    int sameCell = wsd.indexOf("nova_conductor->>nova_compute_dest: prep_resize\n");
    assertTrue(0 <= alt && alt < dest && dest < source && source < finish && finish < orElse
        && orElse < sameCell, wsd);
    // The same-cell route's receiver runs only when the cross-cell one was not taken.
    // host_list=None, passed to the task's constructor, decides "self.host_list is None".
    int receiver = wsd.indexOf("opt self._is_selected_host_in_source_cell(selection)\n");
    assertTrue(receiver > sameCell && wsd.indexOf("nova_compute_dest->database: Instance.save: new_flavor")
        > receiver, wsd);
  }

  @Test
  void aTaskBoundToALocalIsFollowedIntoItsExecute() {
    // TargetDBSetupTask creates the target cell's instance record: a write below --depth, so
    // only shown when helpers are followed deep enough.
    Workspace ws = MiniNova.workspace();
    String deep = dev.novatrace.diagram.write.WsdWriter.write(Workspace.diagram(
        ws.trace(ws.action("migrate"), Detail.FULL, 10), Detail.FULL));
    assertTrue(deep.contains("nova_conductor->database: Instance.create\n"), deep);
  }

  @Test
  void aFlowOfTasksRunsEachTaskInTheOrderAdded() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "evacuate", Detail.FULL);
    String conductor = wsd.substring(wsd.indexOf("activate nova_conductor"));
    // taskflow.engines.run(checks): the one task of the checks flow.
    int checks = conductor.indexOf("nova_conductor->database: RequestSpec.get_by_instance_uuid\n");
    // engine.run() of the engine get_flow() loaded: LoadRequestSpecTask, SelectHostTask, then
    // RebuildOnHostTask from the nested flow.
    int load = conductor.indexOf("nova_conductor->database: RequestSpec.get_by_instance_uuid\n",
        checks + 1);
    int select = conductor.indexOf("nova_conductor->nova_scheduler: select_destinations\n");
    int rebuild = conductor.indexOf("nova_conductor->>nova_compute: rebuild_instance\n");
    assertTrue(0 <= checks && checks < load && load < select && select < rebuild, conductor);
    // A task with nothing to draw is no "execute" note.
    assertFalse(conductor.contains("note over nova_conductor: execute"), conductor);
  }

  @Test
  void aPassThroughWrapperKeepsItsAnchorOnThePath() {
    String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate-live", Detail.STANDARD);
    // compute/api.py -> conductor/api.py (draws nothing itself) -> conductor/rpcapi.py cast.
    assertTrue(wsd.contains("# nova/conductor/api.py:16 live_migrate_instance()\n"
        + "# nova/conductor/rpcapi.py:18 live_migrate_instance()\n"
        + "nova_api->>nova_conductor: live_migrate_instance\n"), wsd);
  }

  @Test
  void aLoopOverObjectsOfSeveralClassesRunsEachClassesOwnMethod() {
    // _prep_devices: a dict's list (function-level import, .get(...) or []) filled through
    // functools.partial converters and itertools.chain holds five classes. Each subclass does its
    // own call before super().attach(); the base class's steps follow once; the blank and the
    // snapshot device make the same calls (one branch); the swap device and the base class add
    // nothing of their own (no branch); hasattr(device, 'attach') holds for every class.
    String wsd = MiniNova.wsd(MiniNova.workspace(), "migrate", Detail.FULL);
    assertTrue(wsd.contains("  loop for device in devices\n"
        + "    alt device is a DriverImageDevice\n"
        + "      # nova/image/glance.py:7 call()\n"
        + "      loop for attempt in range(1, 3), until one returns\n"
        + "        nova_compute_dest->glance: images.get\n"
        + "      end\n"
        + "    else device is a DriverBlankDevice or DriverSnapshotDevice\n"
        + "      # nova/volume/cinder.py:29 create()\n"
        + "      nova_compute_dest->cinder: volumes.create\n"
        + "    end\n"
        + "    # nova/volume/cinder.py:9 attachment_update()\n"
        + "    nova_compute_dest->cinder: attachments.update\n"
        + "    # nova/volume/cinder.py:21 attachment_complete()\n"
        + "    nova_compute_dest->cinder: attachments.complete\n"
        + "  end\n"), wsd);
    assertEquals(1, wsd.split("attachments.update", -1).length - 1, wsd);
    assertFalse(wsd.contains("hasattr") || wsd.contains("DriverSwapDevice"), wsd);
  }

  /**
   * A function handed over runs where it is called: the driver hands a partial of a module
   * function to _try_fetch_image_cache, which hands it on by keyword to the image cache, whose
   * nested fetch_func_sync (a closure over the cache's parameter) is handed to create_image and
   * called there; the partial reaches glance's download three helpers further, once the cache
   * test finds the image missing. At standard, a driver's internals below its direct helpers
   * keep what they ask other services to change or hand over: the download, anchored to the
   * driver's helper a reader follows, said "(if needed)" for the test around it.
   */
  @Test
  void aFunctionHandedThroughCallsAndAClosureIsTracedWhereItRuns() {
    String full = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.FULL);
    String spawn = full.substring(full.indexOf("nova_compute->libvirt: spawn\n"),
        full.indexOf("nova_compute->libvirt: get_info\n"));
    assertTrue(spawn.contains("opt not os.path.exists(base)\n"), spawn);
    assertTrue(spawn.contains("# nova/image/glance.py:7 call()\n"
        + "  loop for attempt in range(1, 3), until one returns\n"
        + "    libvirt->glance: images.data\n"), spawn);
    String standard = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.STANDARD);
    assertTrue(standard.contains("activate libvirt\n# nova/virt/libvirt/driver.py:79 _create_image()\n"
        + "libvirt->glance: images.data (if needed)\n"), standard);
    assertFalse(standard.contains("images.py") || standard.contains("imagebackend.py"), standard);
  }

  /**
   * A folded helper's choice between two single requests to one service is one arrow, "a or
   * b", never both in a row as if the helper made both (the resource tracker claims or deletes
   * allocations); full draws the choice.
   */
  @Test
  void aChoiceBetweenTwoRequestsInAFoldedHelperIsOneArrowOfEither() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.STANDARD);
    // The tracker updates placement only for an instance it tracks: both lines say so.
    assertTrue(standard.contains("nova_compute->placement: PUT /resource_providers/{new_tree}"
        + " (if needed)\\nPUT /allocations/{consumer_uuid} or DELETE /allocations/{uuid}"
        + " (if needed)\n"), standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "delete", Detail.FULL);
    assertTrue(full.contains("alt self.tracked_instances\n"), full);
  }

  /**
   * A local assigned from a call whose function returns one string the way it runs (but in its
   * handlers) holds it: {@code result = self._do_build_and_run_instance(...)} is 'active', so
   * the finally's {@code if result == build_results.FAILED} cleanup is no choice on the path, at
   * any level.
   */
  @Test
  void whatAFunctionReturnsTheWayItRunsDecidesItsCallersTest() {
    for (Detail d : Detail.values()) {
      String wsd = MiniNova.wsd(MiniNova.workspace(), "boot", d);
      assertFalse(wsd.contains("build_results.FAILED")
          || wsd.contains("nova_compute->placement: DELETE /allocations/{uuid}"),
          d + ":\n" + wsd);
    }
  }

  /** How the driver reads what a query asks for (get guest) is its business at standard. */
  @Test
  void aDriverQueryIsDrawnWithoutTheNotesOfHowItReads() {
    String standard = MiniNova.wsd(MiniNova.workspace(), "stop", Detail.STANDARD);
    assertTrue(standard.contains("nova_compute->libvirt: get_info\nlibvirt-->nova_compute: done\n"),
        standard);
    String full = MiniNova.wsd(MiniNova.workspace(), "stop", Detail.FULL);
    assertTrue(full.contains("get_info()\nnote over libvirt: get guest\n"), full);
  }

  /**
   * A with-block that waits for external events draws each event as a message from its sender
   * to the waiting compute service where the block ends, after what the block does, labelled
   * with the name the events list's helper builds ([('network-vif-plugged', vif['id']) ...]).
   */
  @Test
  void anEventWaitedForIsAMessageFromItsSenderAfterTheBlock() {
    String full = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.FULL);
    String spawn = full.substring(full.indexOf("nova_compute->libvirt: spawn\n"),
        full.indexOf("nova_compute->libvirt: get_info\n"));
    // After the image, in the function that waits, as its last step.
    int download = spawn.indexOf("libvirt->glance: images.data\n");
    int waiter = spawn.indexOf("_create_guest_waiting_for_vifs()\n");
    int event = spawn.indexOf("neutron->nova_compute: network-vif-plugged\n");
    assertTrue(download >= 0 && download < waiter && waiter < event, spawn);
    String standard = MiniNova.wsd(MiniNova.workspace(), "boot", Detail.STANDARD);
    assertTrue(standard.contains("neutron->nova_compute: network-vif-plugged\n"), standard);
    assertFalse(standard.contains("external event"), standard);
    // A hard reboot passes vifs_plugged=True: the list is [] on the path, no event is drawn.
    String start = MiniNova.wsd(MiniNova.workspace(), "start", Detail.FULL);
    assertTrue(start.contains("note over libvirt: hard reboot\n"), start);
    assertFalse(start.contains("network-vif-plugged") || start.contains("external event"), start);
    // Names the code does not tell: an external event from the API's caller, to the
    // destination host whose driver waits.
    String live = MiniNova.wsd(MiniNova.workspace(), "migrate-live", Detail.STANDARD);
    assertTrue(live.contains("client->nova_compute_dest: external event\n"), live);
  }
}
