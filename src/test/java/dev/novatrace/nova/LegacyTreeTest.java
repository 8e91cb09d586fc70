package dev.novatrace.nova;

import dev.novatrace.detail.Detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.novatrace.detail.Detail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.detail.Detail;
import java.nio.file.Path;
import dev.novatrace.detail.Detail;
import java.util.List;
import dev.novatrace.detail.Detail;
import org.junit.jupiter.api.BeforeAll;
import dev.novatrace.detail.Detail;
import org.junit.jupiter.api.Test;

/**
 * A Mitaka-shaped tree of our own: no routing table (controllers are extensions), factories that
 * load classes by configuration ({@code compute.API()}, {@code network.API()}),
 * {@code nova/network/neutronv2/api.py}, and code passing {@code async=True}.
 */
class LegacyTreeTest {
  private static NovaWorkspace ws;

  @BeforeAll
  static void load() {
    Path root = Path.of("src/test/resources/fixtures/trace/mitaka");
    ws = NovaWorkspace.load(new NovaTree(root, "mitaka"), "libvirt", null);
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
    assertTrue(wsd.contains("nova_api->database: get instance by uuid"), wsd);
    assertTrue(wsd.contains("note over nova_api: ensure instance state in [ACTIVE]"), wsd);
    assertTrue(wsd.contains("nova_api->database: task_state = PAUSING"), wsd);
    assertTrue(wsd.contains("nova_api->>nova_compute: pause_instance"), wsd);
    assertTrue(wsd.contains("nova_compute->libvirt: pause"), wsd);
    assertTrue(wsd.contains("nova_compute->database: vm_state = PAUSED\\ntask_state = None"), wsd);
    assertTrue(wsd.matches("(?s).*# nova/compute/manager\\.py:\\d+ pause_instance\\(\\)\n.*"), wsd);
  }

  @Test
  void neutronv2IsTheNeutronParticipant() {
    String wsd = wsd("interface-attach");
    assertTrue(wsd.contains("nova_api->nova_compute: attach_interface"), wsd);
    assertTrue(wsd.contains("nova_compute->neutron: allocate_port_for_instance"), wsd);
    assertTrue(wsd.contains("nova_compute-->nova_api: done"), wsd);
  }

  private static String wsd(String action) {
    return WsdWriter.write(NovaWorkspace.diagram(ws.trace(ws.action(action),
        Detail.FULL, NovaWorkspace.DEFAULT_DEPTH), Detail.FULL));
  }
}
