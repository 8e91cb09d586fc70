package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.trace.Resolver;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The callback tables of Neutron 29.0.0 (neutron-lib 5.0.1) and 17.2.1 (neutron-lib 2.6.1),
 * against what their code says (design note 6.2 and 6.3). Skipped when the snapshots are absent.
 */
class CallbackTableIT {
  private static final String DHCP =
      "neutron.api.rpc.agentnotifiers.dhcp_rpc_agent_api.DhcpAgentNotifyAPI";

  private static CallbackTable table(Resolver tree) {
    return CallbackTable.of(tree.index(), tree);
  }

  private static List<String> names(CallbackTable table, String resource, String event) {
    return table.subscribers(resource, event).stream()
        .map(s -> s.function().qualifiedName()).toList();
  }

  @Test
  void release29() {
    Resolver tree = NeutronTrees.snapshot("29.0.0");
    CallbackTable table = table(tree);
    // grep: 133 "registry.receives(" and 85 "registry.subscribe(" outside tests, 146 publish.
    assertEquals(new CallbackTable.Sites(133, 85, 146), table.sites());
    assertTrue(table.pairs() >= 247, "the prototype's 247 pairs at least: " + table.pairs());
    commonFacts(tree, table);
    List<String> interfaces = names(table, "router_interface", "after_create");
    assertTrue(interfaces.contains(
        "neutron.services.ovn_l3.service_providers.ovn.OvnDriver._process_add_router_interface"),
        interfaces.toString());
    // EVPN subscribes with PRIORITY_ROUTER_DRIVER = PRIORITY_DEFAULT + 200: it comes last.
    Subscriber last = table.subscribers("router_interface", "after_create").get(
        interfaces.size() - 1);
    assertEquals("neutron.services.evpn.plugin.EVPNPlugin._process_ovn_router_interface_create",
        last.function().qualifiedName());
    assertEquals(55_550_200L, last.priority());
    assertEquals(List.of("neutron/objects/rbac_db.py:354",
        "neutron/services/logapi/drivers/manager.py:58"), unresolvedSites(table));
  }

  @Test
  void release17() {
    Resolver tree = NeutronTrees.snapshot("17.2.1");
    CallbackTable table = table(tree);
    // 55 publish + 89 notify calls of the registry; 17's OVN L3 calls no OvnDriver.
    assertEquals(new CallbackTable.Sites(85, 62, 134), table.sites());
    assertTrue(table.pairs() >= 175, "the prototype's 175 pairs at least: " + table.pairs());
    commonFacts(tree, table);
    assertFalse(names(table, "router_interface", "after_create").stream()
        .anyMatch(n -> n.contains("OvnDriver")));
    assertEquals(List.of("neutron/objects/rbac_db.py:351",
        "neutron/services/logapi/drivers/manager.py:58"), unresolvedSites(table));
  }

  /** What holds in both releases. */
  private static void commonFacts(Resolver tree, CallbackTable table) {
    List<Subscriber> response = table.subscribers("port", "before_response");
    assertEquals(List.of(DHCP + "._send_dhcp_notification",
        "neutron.notifiers.nova.Notifier._send_nova_notification"),
        response.stream().map(s -> s.function().qualifiedName()).toList());
    // The DHCP notifier subscribes in __init__ (only if dhcp_agent_notification), Nova's on
    // has_registry_receivers.
    assertEquals(DHCP + ".__init__", assertInstanceOf(Subscriber.Existence.StartUp.class,
        response.get(0).existence()).subscribingFunction().qualifiedName());
    assertEquals(DHCP, response.get(0).receiver().qualifiedName());
    assertEquals("neutron.notifiers.nova.Notifier", assertInstanceOf(
        Subscriber.Existence.Instance.class, response.get(1).existence()).cls().qualifiedName());
    assertEquals(List.of("neutron.plugins.ml2.plugin.Ml2Plugin._port_provisioned"),
        names(table, "port", "provisioning_complete"));
    // ovo_rpc's _ObjectChangeHandler(res, ...) in a comprehension over a literal dict.
    Subscriber ovo = table.subscribers("port", "after_create").stream()
        .filter(s -> s.function().name().equals("handle_event")).findFirst().orElseThrow();
    assertEquals("neutron.plugins.ml2.ovo_rpc.OVOServerRpcInterface._setup_change_handlers",
        assertInstanceOf(Subscriber.Existence.StartUp.class, ovo.existence())
            .subscribingFunction().qualifiedName());
    // The agent's legacy notifier subscribes to the versioned objects' names.
    assertTrue(names(table, "Port", "after_update").contains(
        "neutron.agent.rpc.CacheBackedPluginApi._legacy_notifier"));
    // Ml2Plugin._after_create_port publishes (17: notifies) port/after_create.
    FunctionInfo after = tree.classNamed("neutron.plugins.ml2.plugin.Ml2Plugin")
        .orElseThrow().methods().get("_after_create_port");
    assertTrue(CallbackTableTest.published(after, tree).contains(
        Optional.of(new CallbackTable.Key("port", "after_create"))));
  }

  private static List<String> unresolvedSites(CallbackTable table) {
    return table.unresolved().stream().map(CallbackTable.Unresolved::site).toList();
  }
}
