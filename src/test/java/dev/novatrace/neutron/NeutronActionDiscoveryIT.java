package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Resolver;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discovery on the Neutron snapshots 29.0.0 and 17.2.1 (skipped when absent), with the
 * deployments of design note §3.4. The entries were checked against Python's C3 order of each
 * receiver, computed with Python's {@code ast} over the same trees.
 */
class NeutronActionDiscoveryIT {

  private static List<ApiAction> actions(String version, Function<Resolver, Plugins> deployment) {
    Resolver r = NeutronTrees.snapshot(version);
    return new NeutronActionDiscovery(r.index(), r, deployment.apply(r)).discover();
  }

  private static ApiAction action(List<ApiAction> actions, String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + name));
  }

  private static List<String> names(List<ApiAction> actions) {
    return actions.stream().map(ApiAction::name).toList();
  }

  private static String entry(ApiAction a) {
    return a.entry().qualifiedName() + " on " + a.receiver().qualifiedName();
  }

  @ParameterizedTest
  @CsvSource({"29.0.0, 123, 120", "17.2.1, 104, 109"})
  void countsWithOvnAndWithOpenvswitch(String version, int ovn, int openvswitch) {
    List<ApiAction> withOvn = actions(version, NeutronDeployments::ovn);
    assertEquals(ovn, withOvn.size(), names(withOvn).toString());
    List<ApiAction> withOvs = actions(version, NeutronDeployments::openvswitch);
    assertEquals(openvswitch, withOvs.size(), names(withOvs).toString());
    assertEquals(withOvn.stream().map(ApiAction::name).sorted().toList(), names(withOvn));
    assertEquals(withOvn.size(), names(withOvn).stream().distinct().count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void coreActionsEnterMl2(String version) {
    List<ApiAction> all = actions(version, NeutronDeployments::ovn);
    String ml2 = "neutron.plugins.ml2.plugin.Ml2Plugin";
    ApiAction create = action(all, "ports-create");
    assertEquals(List.of("POST", "/v2.0/ports", "POST /v2.0/ports", "201",
        ml2 + ".create_port on " + ml2), List.of(create.httpMethod(), create.path(),
        create.requestLabel(), create.responseCode(), entry(create)));
    assertEquals(ml2 + ".create_network on " + ml2, entry(action(all, "networks-create")));
    ApiAction show = action(all, "ports-show");
    assertEquals(List.of("GET /v2.0/ports/{id}", "200",
        "neutron.db.db_base_plugin_v2.NeutronDbPluginV2.get_port on " + ml2),
        List.of(show.requestLabel(), show.responseCode(), entry(show)));
    assertEquals("204", action(all, "ports-delete").responseCode());
    ApiAction activate = action(all, "ports-bindings-activate");
    assertEquals("PUT /v2.0/ports/{port_id}/bindings/{id}/activate " + ml2 + ".activate",
        activate.requestLabel() + " " + activate.entry().qualifiedName());
  }

  /** 17's OVN L3 plugin overrides add_router_interface; 29's inherits L3NotifierMixin's. */
  @ParameterizedTest
  @CsvSource({
      "29.0.0, neutron.db.l3_db.L3NotifierMixin.add_router_interface",
      "17.2.1, neutron.services.ovn_l3.plugin.OVNL3RouterPlugin.add_router_interface"})
  void routerInterfaceOnTheOvnL3Plugin(String version, String entry) {
    List<ApiAction> all = actions(version, NeutronDeployments::ovn);
    ApiAction a = action(all, "routers-add-router-interface");
    assertEquals(List.of("PUT /v2.0/routers/{id}/add_router_interface", "200",
        entry + " on " + NeutronDeployments.OVN_L3),
        List.of(a.requestLabel(), a.responseCode(), entry(a)));
    ApiAction fip = action(all, "floatingips-create");
    assertEquals(List.of("POST /v2.0/floatingips", "201", NeutronDeployments.OVN_L3
        + ".create_floatingip on " + NeutronDeployments.OVN_L3),
        List.of(fip.requestLabel(), fip.responseCode(), entry(fip)));
  }

  /**
   * L3RouterPlugin runs L3_NAT_db_mixin's override (it notifies the L3 agents), which a
   * depth-first MRO misses for L3_NAT_dbonly_mixin's; so does it under the OVN driver.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void routerInterfaceOnTheAgentL3Plugin(String version) {
    String expected = "neutron.db.l3_db.L3_NAT_db_mixin.add_router_interface on "
        + NeutronDeployments.L3;
    for (Function<Resolver, Plugins> d : List.<Function<Resolver, Plugins>>of(
        NeutronDeployments::openvswitch, NeutronDeployments::ovnWithL3Agent)) {
      List<ApiAction> all = actions(version, d);
      assertEquals(expected, entry(action(all, "routers-add-router-interface")));
      assertEquals(NeutronDeployments.L3 + ".create_floatingip on " + NeutronDeployments.L3,
          entry(action(all, "floatingips-create")));
      assertFalse(names(all).contains("routers-add-external-gateways"), names(all).toString());
    }
  }

  @ParameterizedTest
  @CsvSource({"29.0.0, true", "17.2.1, false"})
  void externalGatewaysOnlyWhereTheMapAndThePluginHaveThem(String version, boolean has) {
    assertEquals(has, names(actions(version, NeutronDeployments::ovn))
        .contains("routers-add-external-gateways"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void readOnlyAndUnloadedCollectionsHaveNoWrites(String version) {
    List<String> names = names(actions(version, NeutronDeployments::ovn));
    assertTrue(names.contains("availability-zones-list"), names.toString());
    assertFalse(names.contains("availability-zones-create"), names.toString());
    // No QoS or trunk service plugin in the OVN baseline.
    assertFalse(names.stream().anyMatch(n -> n.startsWith("policies-") || n.startsWith("trunks-")),
        names.toString());
    assertTrue(names.containsAll(List.of("subnetpools-add-prefixes",
        "subnetpools-onboard-network-subnets", "agents-dhcp-networks-create", "quotas-details",
        "routers-add-extraroutes")), names.toString());
  }
}
