package dev.novatrace.neutron;

import java.util.List;
import java.util.Locale;

/**
 * What a Neutron server loads, where its code says nothing usable: {@code core_plugin} has no
 * default (the server refuses to start), {@code service_plugins} and {@code [ml2]
 * mechanism_drivers} are empty. The baseline is ML2 with one mechanism driver and what that
 * driver needs beside it (docs/neutron-design.md, section 3.4): for OVN, devstack's default
 * since Wallaby, the OVN router plugin and Geneve networks; for openvswitch, the L3 agent's
 * router plugin and VXLAN. Every option it names is said in a diagram's assumptions as the
 * profile's, not as a default.
 *
 * @param mechanismDriver the mechanism driver's entry-point name ({@code ovn})
 * @param servicePlugins service plugins' entry-point names, besides the defaults a core plugin
 *     with its own datastore loads
 * @param typeDrivers {@code [ml2] type_drivers}
 * @param projectNetworkTypes {@code [ml2] project_network_types}
 * @param extensionDrivers {@code [ml2] extension_drivers}
 */
record Deployment(String mechanismDriver, List<String> servicePlugins, List<String> typeDrivers,
    List<String> projectNetworkTypes, List<String> extensionDrivers) {

  static final String DEFAULT = "ovn";

  /** The mechanism drivers a baseline exists for, the default first. */
  static final List<String> KNOWN = List.of("ovn", "openvswitch");

  /** The baseline for a mechanism driver; null for one without a baseline. */
  static Deployment of(String mechanismDriver) {
    return switch (mechanismDriver.toLowerCase(Locale.ROOT)) {
      case "ovn" -> new Deployment("ovn", List.of("ovn-router"),
          List.of("geneve", "flat", "vlan"), List.of("geneve"), List.of("port_security"));
      case "openvswitch" -> new Deployment("openvswitch", List.of("router"),
          List.of("vxlan", "flat", "vlan"), List.of("vxlan"), List.of("port_security"));
      default -> null;
    };
  }

  /**
   * The agents the deployment runs: OVN's controller does the L2, DHCP and L3 agents' work, so
   * an OVN deployment runs none of them (an RPC to them has no consumer); openvswitch's runs
   * all three.
   */
  java.util.Set<String> agents() {
    return mechanismDriver.equals("ovn") ? java.util.Set.of()
        : java.util.Set.of("neutron_ovs_agent", "neutron_dhcp_agent", "neutron_l3_agent");
  }

  /** The core plugin's entry-point name: ML2 in every baseline. */
  String corePlugin() {
    return "ml2";
  }
}
