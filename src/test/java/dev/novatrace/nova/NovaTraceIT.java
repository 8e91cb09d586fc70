package dev.novatrace.nova;

import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.workspace.Workspace;
import dev.novatrace.detail.Detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.novatrace.cli.Main;
import dev.novatrace.diagram.write.WsdWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of real Nova: for each snapshot unpacked under nova-snapshots/VERSION/nova, concrete
 * facts of the pause, live-migrate and boot diagrams, every name of the hand-drawn collection,
 * and --all twice. The workspace is loaded once per release. Without snapshots the test is
 * skipped, unless NOVATRACE_REQUIRE_SNAPSHOTS=1, where it fails.
 */
class NovaTraceIT {
  private static final Path SNAPSHOTS = Path.of("nova-snapshots");

  /** The names of the original hand-drawn collection. */
  private static final List<String> COLLECTION = List.of(
      "boot", "start", "stop", "reboot", "rebuild", "resize", "list", "delete", "reset-state",
      "snapshot", "change-password", "evacuate", "pause", "unpause", "suspend", "resume",
      "reset-network", "cold-migrate", "live-migrate", "shelve", "shelve-offload", "unshelve",
      "lock", "unlock", "backup", "meta", "refresh-network", "rename", "rescue", "unrescue",
      "volume-attach", "volume-detach", "interface-attach", "interface-detach");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicNode> everyRelease() throws IOException {
    List<Path> releases;
    try (Stream<Path> s = Files.isDirectory(SNAPSHOTS) ? Files.list(SNAPSHOTS) : Stream.empty()) {
      releases = s.filter(p -> Files.isDirectory(p.resolve("nova/compute"))).sorted().toList();
    }
    if (releases.isEmpty()) {
      String msg = "no unpacked snapshot under " + SNAPSHOTS.toAbsolutePath();
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return releases.stream().map(this::release);
  }

  private DynamicNode release(Path root) {
    String version = root.getFileName().toString();
    Release r = new Release(root, version);
    return dynamicContainer(version, Stream.of(
        dynamicTest("pause", () -> pause(r.wsd("pause"))),
        dynamicTest("live-migrate", () -> liveMigrate(r.wsd("live-migrate"))),
        dynamicTest("boot", () -> boot(r.wsd("boot"))),
        dynamicTest("stop casts stop_instance", () -> assertTrue(
            r.wsd("stop", Detail.STANDARD).contains("\nnova_api->>nova_compute: stop_instance\n"),
            r.wsd("stop", Detail.STANDARD))),
        dynamicTest("confirm-resize casts confirm_resize to the source compute",
            () -> confirmResize(r.wsd("confirm-resize", Detail.STANDARD))),
        dynamicTest("create-image and create-backup upload in the driver", () -> {
          for (String action : List.of("create-image", "create-backup")) {
            for (Detail d : List.of(Detail.STANDARD, Detail.FULL)) {
              uploadStates(r.wsd(action, d));
            }
          }
        }),
        dynamicTest("snapshot on the default image backend takes the standard snapshot",
            () -> defaultBackendSnapshot(r.wsd("create-image", Detail.FULL))),
        dynamicTest("boot ends with vm_state = ACTIVE",
            () -> bootEndsActive(r.wsd("boot", Detail.STANDARD))),
        dynamicTest("shelve-offload clears host and node",
            () -> assertLine(r.wsd("shelve-offload", Detail.STANDARD),
                l -> l.startsWith("nova_compute->database: Instance.save: host = None\\nnode = None\\n"),
                "nova_compute->database: Instance.save: host = None\\nnode = None...",
                r.wsd("shelve-offload", Detail.STANDARD))),
        dynamicTest("resize: cross-cell, off by default, is one note naming its policy",
            () -> crossCellOff(r.wsd("resize", Detail.STANDARD))),
        dynamicTest("resize: with cross-cell allowed, the two routes are an alt",
            () -> resizeRoutes(r.crossCellAllowed("resize"))),
        dynamicTest("detail levels nest", () -> DetailLevels.assertNested(r.ws())),
        dynamicTest("live-migrate: each destination check once per attempt",
            () -> checkOncePerAttempt(r.wsd("live-migrate", Detail.STANDARD))),
        dynamicTest("delete: terminate by default, soft delete where reclaim is set",
            () -> softDeleteOrTerminate(r.wsd("delete", Detail.STANDARD))),
        dynamicTest("remote consoles: a handler looked up by protocol is a choice",
            () -> remoteConsoles(r.wsd("remote-consoles-create", Detail.OVERVIEW))),
        dynamicTest("volume-attach reaches cinder and libvirt through the driver BDM",
            () -> volumeAttach(r.wsd("volume-attach", Detail.STANDARD))),
        dynamicTest("boot and unshelve attach each volume BDM its class's way", () -> {
          for (String action : List.of("boot", "unshelve")) {
            blockDevices(r.wsd(action, Detail.STANDARD));
          }
        }),
        dynamicTest("volume-detach reaches libvirt through the driver BDM",
            () -> assertLine(r.wsd("volume-detach", Detail.STANDARD),
                "nova_compute->libvirt: detach_volume")),
        dynamicTest("rebuild and evacuate spawn through the default rebuild", () -> {
          for (String action : List.of("rebuild", "evacuate")) {
            defaultRebuild(r.wsd(action, Detail.STANDARD));
          }
        }),
        dynamicTest("rescue gets the rescue image from glance", () -> assertLine(
            r.wsd("rescue", Detail.STANDARD), "nova_compute->glance: images.get")),
        dynamicTest("the scheduler claims resources in placement", () -> assertLine(
            r.wsd("boot", Detail.STANDARD),
            l -> l.startsWith("nova_scheduler->placement: ")
                && l.contains("PUT /allocations/{consumer_uuid}"),
            "nova_scheduler->placement: ...PUT /allocations/{consumer_uuid}",
            r.wsd("boot", Detail.STANDARD))),
        dynamicTest("boot: what libvirt inherits and does nothing is no step", () -> assertFalse(
            r.wsd("boot", Detail.STANDARD).contains("prepare_for_spawn"))),
        dynamicTest("state checks say only what they check", () -> stateChecks(r)),
        dynamicTest("collection names", () -> {
          // Every name of the hand-drawn collection is an action of its own: 34 entries.
          java.util.Set<String> entries = new java.util.TreeSet<>();
          for (String name : COLLECTION) {
            ApiAction a = r.ws().action(name);
            entries.add(a.entry().module().path() + " " + a.entry().qualifiedName());
          }
          assertEquals(COLLECTION.size(), entries.size(), entries.toString());
        }),
        dynamicTest("trace --all, twice",
            () -> all(root, tmp.resolve(version), r.ws().actions().size()))));
  }

  /** Loads the release's workspace on first use. */
  private static final class Release {
    private final Path root;
    private final String version;
    private Workspace ws;

    Release(Path root, String version) {
      this.root = root;
      this.version = version;
    }

    Workspace ws() {
      if (ws == null) {
        ws = Workspace.load(new SourceTree(root, version), VirtDriver.DEFAULT, null);
      }
      return ws;
    }

    String wsd(String action) {
      return wsd(action, Detail.FULL);
    }

    String wsd(String action, Detail detail) {
      return wsd(ws(), action, detail);
    }

    /** The standard diagram where a policy file lets everyone resize across cells. */
    String crossCellAllowed(String action) throws java.io.IOException {
      Workspace open = Workspace.load(new SourceTree(root, version), VirtDriver.DEFAULT,
          null);
      Path file = java.nio.file.Files.createTempFile("policy", ".yaml");
      try {
        java.nio.file.Files.writeString(file, "\"compute:servers:resize:cross_cell\": \"@\"\n");
        open.policy(open.policies().with(dev.novatrace.config.PolicyFile.read(file)));
      } finally {
        java.nio.file.Files.delete(file);
      }
      return wsd(open, action, Detail.STANDARD);
    }

    private static String wsd(Workspace ws, String action, Detail detail) {
      return WsdWriter.write(Workspace.diagram(
          ws.trace(ws.action(action), detail, Workspace.DEFAULT_DEPTH), detail));
    }
  }

  /**
   * compute:servers:resize:cross_cell admits nobody by default: the conductor's cross-cell task
   * is one note naming it, and prep_resize to the destination is the path.
   */
  private static void crossCellOff(String wsd) {
    assertTrue(wsd.contains("note over nova_conductor: if policy compute:servers:resize:cross_cell"
        + " set otherwise: "), wsd);
    assertFalse(wsd.contains("prep_snapshot_based_resize_at_source"), wsd);
    assertFalse(wsd.contains("_is_selected_host_in_source_cell"), wsd);
    assertTrue(wsd.contains("\n  nova_conductor->>nova_compute_dest: prep_resize\n"), wsd);
  }

  /**
   * The conductor asks the destination to check once per host it tries: inside the retry loop
   * when it picks a host, once when a host was requested; never twice in a row.
   */
  private static void checkOncePerAttempt(String wsd) {
    String check = "nova_conductor->nova_compute_dest: check_can_live_migrate_destination\n";
    int first = wsd.indexOf(check);
    int loop = wsd.lastIndexOf("loop while host is None", first);
    assertTrue(first > 0 && loop >= 0, wsd);
    int second = wsd.indexOf(check, first + 1);
    assertTrue(second < 0 || wsd.substring(first, second).contains("\nelse\n"), wsd);
    assertTrue(second < 0 || wsd.indexOf(check, second + 1) < 0, wsd);
  }

  /**
   * The API casts soft_delete_instance only where [DEFAULT] reclaim_instance_interval is set
   * (compute/api.py _delete: {@code if CONF.reclaim_instance_interval}; its default is 0): a
   * default deployment terminates, and soft delete is one note naming the option.
   */
  private static void softDeleteOrTerminate(String wsd) {
    assertTrue(wsd.contains("->>nova_compute: terminate_instance\n"), wsd);
    assertTrue(wsd.contains("terminate_instance()"), wsd);
    assertFalse(wsd.contains("->>nova_compute: soft_delete_instance"), wsd);
    assertTrue(wsd.contains(": if [DEFAULT] reclaim_instance_interval set otherwise: "), wsd);
  }

  /**
   * MigrationTask._execute runs CrossCellMigrationTask when the scheduler picked a host in
   * another cell, and casts prep_resize otherwise: an alt on that test in the conductor (a
   * first migration: host_list=None reaches the task), the cross-cell route's sub-tasks (each
   * an RPC call to one host) in turn, and the same-cell route's receivers under the same
   * condition.
   */
  private static void resizeRoutes(String wsd) {
    String test = "self._is_selected_host_in_source_cell(selection)";
    int alt = wsd.indexOf("alt not " + test + "\n");
    int dest = wsd.indexOf("nova_conductor->nova_compute_dest: prep_snapshot_based_resize_at_dest\n");
    int source = wsd.indexOf(
        "nova_conductor->nova_compute_src: prep_snapshot_based_resize_at_source\n");
    int finish = wsd.indexOf(
        "nova_conductor->nova_compute_dest: finish_snapshot_based_resize_at_dest\n");
    int orElse = wsd.indexOf("\n  else\n", finish);
    int sameCell = wsd.indexOf("nova_conductor->>nova_compute_dest: prep_resize\n");
    assertTrue(alt >= 0 && alt < dest && dest < source && source < finish && finish < orElse
        && orElse < sameCell, wsd);
    int receivers = wsd.indexOf(test, sameCell);
    int resizeInstance = wsd.indexOf("nova_compute_dest->>nova_compute_src: resize_instance\n");
    assertTrue(sameCell < receivers && receivers < resizeInstance, wsd);
  }

  /** {@code self.handlers[protocol](...)} reaches each console's RPC call on its branch. */
  private static void remoteConsoles(String wsd) {
    for (String protocol : List.of("vnc", "spice", "serial")) {
      int branch = wsd.indexOf("protocol == '" + protocol + "'\n");
      assertTrue(branch >= 0, wsd);
      assertTrue(wsd.indexOf("nova_api->nova_compute: get_" + protocol + "_console", branch) > 0,
          wsd);
    }
  }

  /**
   * {@code bdm.attach(...)} on the driver BDM: the volume's attachment is updated in cinder,
   * the driver attaches it, and the attachment is completed.
   */
  private static void volumeAttach(String wsd) {
    int update = wsd.indexOf("nova_compute->cinder: attachments.update\n");
    int attach = wsd.indexOf("nova_compute->libvirt: attach_volume\n", update);
    int complete = wsd.indexOf("nova_compute->cinder: attachments.complete\n", attach);
    assertTrue(update >= 0 && attach > update && complete > attach, wsd);
  }

  /**
   * _prep_block_device's attach_block_devices loops over the driver BDMs of four classes: the
   * snapshot, image and blank ones create their volume first, then every one is attached as a
   * DriverVolumeBlockDevice (the attachment updated, then completed), drawn once.
   */
  private static void blockDevices(String wsd) {
    int loop = wsd.indexOf("loop for device in block_device_mapping\n");
    int alt = wsd.indexOf("alt device is a DriverVolSnapshotBlockDevice\n", loop);
    int create = wsd.indexOf("nova_compute->cinder: volumes.create\n", alt);
    int update = wsd.indexOf("nova_compute->cinder: attachments.update\n", create);
    int complete = wsd.indexOf("nova_compute->cinder: attachments.complete\n", update);
    assertTrue(loop >= 0 && alt > loop && create > alt && update > create && complete > update,
        wsd);
    assertEquals(update, wsd.lastIndexOf("nova_compute->cinder: attachments.update\n"), wsd);
  }

  /**
   * libvirt has no rebuild of its own: the compute host's default implementation destroys the
   * guest and spawns it again, in the REBUILD_SPAWNING state.
   */
  private static void defaultRebuild(String wsd) {
    assertFalse(wsd.contains("->libvirt: rebuild\n"), wsd);
    int spawning = wsd.indexOf("task_state = REBUILD_SPAWNING");
    int spawn = wsd.indexOf("->libvirt: spawn\n", Math.max(spawning, 0));
    assertTrue(spawning >= 0 && spawn > spawning, wsd);
  }

  /** A state given as None is not checked: never "in None", never an empty set(). */
  private static void stateChecks(Release r) {
    for (String action : List.of("reboot", "delete", "evacuate", "meta", "interface-attach")) {
      String wsd = r.wsd(action, Detail.STANDARD);
      assertFalse(wsd.contains(" in None") || wsd.contains("in set()"), wsd);
      assertFalse(wsd.contains("not (not "), wsd);
    }
  }

  /** The same-cell path (a cast through a method chosen at run time) is drawn. */
  private static void confirmResize(String wsd) {
    assertTrue(wsd.matches("(?s).*nova_api->>nova_compute(_src)?: confirm_resize\n.*"), wsd);
  }

  private static void pause(String wsd) {
    assertTrue(wsd.matches("(?s).*\n# nova/compute/api\\.py:\\d+ pause\\(\\)\n.*"), wsd);
    assertLine(wsd, "nova_api->>nova_compute: pause_instance");
    assertLine(wsd, "nova_compute->libvirt: pause");
    assertLine(wsd, l -> l.startsWith("nova_api->database: ") && l.contains("task_state = PAUSING"),
        "nova_api->database: ...task_state = PAUSING", wsd);
    assertLine(wsd, l -> l.startsWith("nova_compute->database: ") && l.contains("vm_state = PAUSED"),
        "nova_compute->database: ...vm_state = PAUSED", wsd);
    assertTrue(wsd.indexOf("nova_api-->client: HTTP 202") < wsd.indexOf("nova_compute->libvirt: pause"),
        "the API answers before the compute host pauses");
  }

  private static void liveMigrate(String wsd) {
    assertTrue(wsd.contains("participant nova_compute_src\nparticipant nova_compute_dest\n"), wsd);
    assertLine(wsd, "nova_api->>nova_conductor: live_migrate_instance");
    assertLine(wsd, "nova_conductor->nova_scheduler: select_destinations");
    assertLine(wsd, "nova_conductor->nova_compute_dest: check_can_live_migrate_destination");
    assertLine(wsd, "nova_conductor->>nova_compute_src: live_migration");
    assertLine(wsd, "nova_compute_src->nova_compute_dest: pre_live_migration");
    assertLine(wsd, "nova_compute_src->libvirt: live_migration");
    assertLine(wsd, "nova_compute_src->nova_compute_dest: post_live_migration_at_destination");
    assertLine(wsd, "nova_compute_dest->libvirt: post_live_migration_at_destination");
    // The driver's monitor calls the manager's callbacks: post on success, rollback on failure.
    int completed = wsd.indexOf("JOB_COMPLETED");
    int post = wsd.indexOf("nova_compute_src->nova_compute_dest: post_live_migration_at_destination");
    int failed = wsd.indexOf("JOB_FAILED");
    int rollback = wsd.indexOf("rollback_live_migration_at_destination");
    assertTrue(completed >= 0 && completed < post && post < failed && failed < rollback, wsd);
  }

  private static void boot(String wsd) {
    assertLine(wsd, l -> l.equals("nova_api->>nova_conductor: schedule_and_build_instances")
        || l.equals("nova_api->>nova_conductor: build_instances"),
        "nova_api->>nova_conductor: schedule_and_build_instances (or build_instances)", wsd);
    assertLine(wsd, "nova_conductor->nova_scheduler: select_destinations");
    assertLine(wsd, "nova_conductor->>nova_compute: build_and_run_instance");
    // allocate_for_instance is nova's code: neutron sees the ports created, and nova's
    // database the virtual interfaces.
    assertLine(wsd, l -> l.startsWith("nova_compute->neutron: ") && l.contains("create_port"),
        "nova_compute->neutron: ...create_port...", wsd);
    assertLine(wsd, "nova_compute->database: VirtualInterface.create");
    assertLine(wsd, "nova_compute->libvirt: spawn");
    assertFalse(wsd.contains("nova_compute_src"), "one compute host in boot");
  }

  /**
   * The compute manager hands update_task_state to the driver, which sets the upload states:
   * drawn in the driver's activation, in order, and never a parameter's name as a state.
   */
  private static void uploadStates(String wsd) {
    int driver = wsd.indexOf("nova_compute->libvirt: snapshot\n");
    int pending = wsd.indexOf("nova_compute->database: Instance.save: task_state = IMAGE_PENDING_UPLOAD\n");
    int uploading = wsd.indexOf("nova_compute->database: Instance.save: task_state = IMAGE_UPLOADING\n");
    int done = wsd.indexOf("libvirt-->nova_compute: done", Math.max(driver, 0));
    assertTrue(driver >= 0 && driver < pending && pending < uploading && uploading < done, wsd);
    assertFalse(wsd.contains("task_state = task_state"), wsd);
  }

  /**
   * [libvirt] images_type = default picks Qcow2, whose direct snapshot is Image's and raises
   * NotImplementedError: the except branch (back to IMAGE_PENDING_UPLOAD, then the upload) is
   * the default branch, the try body (direct snapshot, image update) the other.
   */
  private static void defaultBackendSnapshot(String wsd) {
    int byDefault = wsd.indexOf("alt [libvirt] images_type = default (default)\n");
    int otherwise = wsd.indexOf("else [libvirt] images_type set otherwise\n");
    int pendingAgain = wsd.indexOf("nova_compute->database: Instance.save: task_state = IMAGE_PENDING_UPLOAD\n",
        Math.max(byDefault, 0));
    assertTrue(byDefault >= 0 && byDefault < pendingAgain && pendingAgain < otherwise, wsd);
    assertTrue(wsd.indexOf("libvirt->glance: images.update", otherwise) > otherwise, wsd);
  }

  /** The last vm_state the compute host saves while building is ACTIVE. */
  private static void bootEndsActive(String wsd) {
    List<String> saves = wsd.lines().map(String::strip)
        .filter(l -> l.startsWith("nova_compute->database: ") && l.contains("vm_state"))
        .toList();
    assertFalse(saves.isEmpty(), wsd);
    assertTrue(saves.get(saves.size() - 1).contains("vm_state = ACTIVE"), String.join("\n", saves));
  }

  private static void all(Path root, Path tmp, int actions) throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    for (Path out : List.of(first, second)) {
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"trace", "--nova", root.toString(), "--all",
          "-o", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertEquals(0, code, err.toString());
      assertFalse(err.toString().contains("internal error"), err.toString());
    }
    List<String> names;
    try (Stream<Path> s = Files.list(first)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(actions, names.size(), "one .wsd per action");
    for (String name : names) {
      assertTrue(name.endsWith(".wsd"), name);
      assertEquals(-1L, Files.mismatch(first.resolve(name), second.resolve(name)), name);
    }
  }

  private static void assertLine(String wsd, String line) {
    assertLine(wsd, line::equals, line, wsd);
  }

  /** Some line of the diagram, indentation inside blocks aside, satisfies {@code test}. */
  private static void assertLine(String wsd, Predicate<String> test, String what, String wsd2) {
    assertTrue(wsd.lines().map(String::strip).anyMatch(test), "no line " + what + " in\n" + wsd2);
  }
}
