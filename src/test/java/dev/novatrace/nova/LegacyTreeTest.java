package dev.novatrace.nova;

import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.WsgiActions;
import dev.novatrace.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Mitaka-shaped tree of our own: no routing table (controllers are extensions), factories that
 * load classes by configuration ({@code compute.API()}, {@code network.API()}),
 * {@code nova/network/neutronv2/api.py}, code passing {@code async=True}, and a controller
 * extension ({@code disk_config.py}) whose {@code @wsgi.extends} methods share their names with
 * the core servers controller's.
 */
class LegacyTreeTest {
  private static Workspace ws;

  @BeforeAll
  static void load() {
    Path root = Path.of("src/test/resources/fixtures/trace/mitaka");
    ws = Workspace.load(new SourceTree(root, "mitaka"), "libvirt", null);
  }

  @Test
  void everyFileParsesIncludingAsyncKeywordArguments() {
    assertEquals(List.of(), ws.parseFailures());
  }

  @Test
  void actionsComeFromExtensionControllers() {
    ApiAction pause = ws.action("pause");
    assertEquals("POST /servers/{id}/action", pause.httpMethod() + " " + pause.path());
    assertEquals("_pause", pause.entry().name());
    ApiAction boot = ws.action("boot");
    assertEquals("POST /servers", boot.requestLabel());
    ApiAction attach = ws.action("interface-attach");
    assertEquals("/servers/{server_id}/os-interface", attach.path());
    assertTrue(ws.action("list").aliases().contains("servers-detail"));
    assertEquals("POST /os-server-external-events", ws.action("refresh-network").requestLabel());
  }

  @ParameterizedTest
  @CsvSource({"boot, create", "list, detail", "rename, update", "rebuild, _action_rebuild"})
  void theCoreControllerIsTheEntryNotTheExtensionThatEditsItsAnswer(String action,
      String method) {
    ApiAction a = ws.action(action);
    assertEquals("nova/api/openstack/compute/servers.py ServersController." + method,
        ApiAction.label(a.entry()));
    assertEquals(List.of("nova/api/openstack/compute/disk_config.py ServerDiskConfigController."
        + method), a.extensionLabels());
  }

  @Test
  void everyRequestHasExactlyOneActionAndNoneEntersAnExtendsMethod() {
    Map<String, Long> perRequest = ws.actions().stream().collect(Collectors.groupingBy(
        a -> a.path() + " " + a.requestLabel(), Collectors.counting()));
    perRequest.forEach((request, n) -> assertEquals(1L, n, request));
    ws.actions().forEach(a -> assertFalse(WsgiActions.extendsCore(a.entry()), a.name()));
    // No renamed twin (servers-boot) and no action for disk_config's show, which only extends.
    assertEquals(List.of("boot", "interface-attach", "list", "pause", "rebuild",
        "refresh-network", "rename", "reset-network"),
        ws.actions().stream().map(ApiAction::name).toList());
  }

  @Test
  void actionsNoExtensionEditsListNone() {
    assertEquals(List.of(), ws.action("pause").extensions());
    assertEquals(List.of(), ws.action("interface-attach").extensions());
  }

  @Test
  void legacyV2OnlyAddsWhatV21Lacks() {
    assertEquals("nova/api/openstack/compute/pause_server.py",
        ws.action("pause").entry().module().path());
    assertTrue(ws.actions().stream().noneMatch(a -> a.name().endsWith("-pause")));
    assertEquals("nova/api/openstack/compute/legacy_v2/contrib/admin_actions.py",
        ws.action("reset-network").entry().module().path());
  }

  @Test
  void pauseIsTracedThroughTheConfiguredFactories() {
    String wsd = wsd("pause");
    assertTrue(wsd.contains("note over nova_api: check policy: pause"), wsd);
    assertTrue(wsd.contains("nova_api->database: Instance.get_by_uuid"), wsd);
    assertTrue(wsd.contains("note over nova_api: ensure instance state in [ACTIVE]"), wsd);
    assertTrue(wsd.contains("nova_api->database: Instance.save: task_state = PAUSING"), wsd);
    assertTrue(wsd.contains("nova_api->>nova_compute: pause_instance"), wsd);
    assertTrue(wsd.contains("nova_compute->libvirt: pause"), wsd);
    assertTrue(wsd.contains("nova_compute->database: Instance.save: vm_state = PAUSED\\ntask_state = None"), wsd);
    assertTrue(wsd.matches("(?s).*# nova/compute/manager\\.py:\\d+ pause_instance\\(\\)\n.*"), wsd);
  }

  @Test
  void anExtensionIsOneNoteAfterTheCoreControllerReturnsNeverTracedInto() {
    String wsd = wsd("rename");
    assertTrue(wsd.contains("nova_api->database: Instance.save\n"
        + "# nova/api/openstack/compute/disk_config.py:40 update()\n"
        + "note over nova_api: disk_config extension: update\n"
        + "nova_api-->client: HTTP 200\n"), wsd);
    assertFalse(wsd.contains("_add_disk_config"), wsd);
    assertEquals(wsd.indexOf("extension"), wsd.lastIndexOf("extension"), wsd);
    assertFalse(wsd("pause").contains("extension"));
  }

  @Test
  void neutronv2IsTheNeutronParticipant() {
    String wsd = wsd("interface-attach");
    assertTrue(wsd.contains("nova_api->nova_compute: attach_interface"), wsd);
    // The legacy client module is a client module too: its request is the client's create_port.
    assertTrue(wsd.contains("# nova/network/neutronv2/api.py:10 allocate_port_for_instance()\n"
        + "nova_compute->neutron: create_port\n"), wsd);
    assertTrue(wsd.contains("nova_compute-->nova_api: done"), wsd);
  }

  private static String wsd(String action) {
    return WsdWriter.write(Workspace.diagram(ws.trace(ws.action(action),
        Detail.FULL, Workspace.DEFAULT_DEPTH), Detail.FULL));
  }
}
