package dev.novatrace.neutron;

import dev.novatrace.trace.Resolver;
import java.util.ArrayList;
import java.util.List;

/** The deployments of design note §3.4, by class name (as the entry points name them). */
final class NeutronDeployments {
  private NeutronDeployments() {}

  static final String ML2 = "neutron.plugins.ml2.plugin.Ml2Plugin";
  static final String OVN_L3 = "neutron.services.ovn_l3.plugin.OVNL3RouterPlugin";
  static final String L3 = "neutron.services.l3_router.l3_router_plugin.L3RouterPlugin";
  static final String OVN = "neutron.plugins.ml2.drivers.ovn.mech_driver.mech_driver"
      + ".OVNMechanismDriver";
  static final String OVS = "neutron.plugins.ml2.drivers.openvswitch.mech_driver"
      + ".mech_openvswitch.OpenvswitchMechanismDriver";
  static final String PORT_SECURITY = "neutron.plugins.ml2.extensions.port_security"
      + ".PortSecurityExtensionDriver";
  /** {@code DEFAULT_SERVICE_PLUGINS} of neutron/plugins/common/constants.py, by class. */
  static final List<String> DEFAULT_SERVICES = List.of(
      "neutron.services.auto_allocate.plugin.Plugin",
      "neutron.services.tag.tag_plugin.TagPlugin",
      "neutron.services.timestamp.timestamp_plugin.TimeStampPlugin",
      "neutron.services.network_ip_availability.plugin.NetworkIPAvailabilityPlugin",
      "neutron.services.flavors.flavors_plugin.FlavorsPlugin",
      "neutron.services.revisions.revision_plugin.RevisionPlugin");

  /** ML2/OVN: {@code service_plugins = ovn-router}, {@code mechanism_drivers = ovn}. */
  static Plugins ovn(Resolver r) {
    return NeutronTrees.plugins(r, ML2, with(OVN_L3), List.of(PORT_SECURITY), List.of(OVN));
  }

  /** ML2/OVS: {@code service_plugins = router}, {@code mechanism_drivers = openvswitch}. */
  static Plugins openvswitch(Resolver r) {
    return NeutronTrees.plugins(r, ML2, with(L3), List.of(PORT_SECURITY), List.of(OVS));
  }

  /** ML2/OVN with the agent-based L3 plugin instead of OVN's. */
  static Plugins ovnWithL3Agent(Resolver r) {
    return NeutronTrees.plugins(r, ML2, with(L3), List.of(PORT_SECURITY), List.of(OVN));
  }

  private static List<String> with(String l3) {
    List<String> out = new ArrayList<>();
    out.add(l3);
    out.addAll(DEFAULT_SERVICES);
    return out;
  }
}
