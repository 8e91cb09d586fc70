package dev.novatrace.neutron;

import dev.novatrace.project.Participants;
import dev.novatrace.project.Topology;
import dev.novatrace.trace.TraceProfile.ClientModule;
import dev.novatrace.trace.TraceProfile.RpcServer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Neutron's code runs, as data: the server (API, plugins, drivers and the database mixins
 * the plugins are built of), the agents, and the endpoints (the database through Neutron's
 * objects, the OVN databases through ovsdbapp, Nova through novaclient). Unlike Nova's and
 * Cinder's, Neutron's RPC receivers are not named by the client's module: each client class is
 * mapped to the agent class that consumes its topic (docs/neutron-design.md, section 7).
 */
final class NeutronTopology {
  static final String SERVER = "neutron_server";
  static final String OVN_NB = "ovn_nb";

  /** Participants in the order a diagram declares them: the request's path, then the others. */
  static final List<String> PARTICIPANT_ORDER = List.of(
      "client", SERVER, "database", "ovn_nb", "ovn_sb", "ovn_controller", "neutron_ovs_agent",
      "neutron_dhcp_agent", "neutron_l3_agent", "nova", "placement");

  /**
   * Module path prefix → participant, the longest matching prefix winning.
   * {@link Participants#INHERIT}: code run in its caller's process (neutron-lib's helpers, the
   * RPC clients, the agents' shared RPC code).
   */
  private static final Map<String, String> PARTICIPANTS = Map.ofEntries(
      Map.entry("neutron/", SERVER),
      Map.entry("neutron_lib/", Participants.INHERIT),
      Map.entry("neutron/common/", Participants.INHERIT),
      Map.entry("neutron/api/rpc/", Participants.INHERIT),
      Map.entry("neutron/agent/", Participants.INHERIT),
      Map.entry("neutron/objects/", "database"),
      Map.entry("neutron/db/models/", "database"),
      Map.entry("neutron/db/models_v2.py", "database"),
      Map.entry("neutron/plugins/ml2/drivers/ovn/mech_driver/ovsdb/ovn_client.py",
          Participants.INHERIT),
      Map.entry("neutron/plugins/ml2/drivers/openvswitch/agent/", "neutron_ovs_agent"),
      Map.entry("neutron/agent/dhcp/", "neutron_dhcp_agent"),
      Map.entry("neutron/agent/linux/dhcp.py", "neutron_dhcp_agent"),
      Map.entry("neutron/agent/l3/", "neutron_l3_agent"),
      Map.entry("neutron/notifiers/nova.py", Participants.INHERIT),
      Map.entry("neutron_lib/placement/", Participants.INHERIT));

  /**
   * Client modules: the OVN client and mechanism driver write the northbound database through
   * ovsdbapp's API objects (whose classes the tree does not hold), and the Nova notifier sends
   * external events through novaclient.
   */
  private static final Map<String, ClientModule> CLIENTS = Map.of(
      "neutron/plugins/ml2/drivers/ovn/mech_driver/",
      new ClientModule("ovn_nb", Set.of(), Set.of("_nb_idl", "nb_ovn", "_nb_ovn", "nb_idl")),
      "neutron/services/ovn_l3/",
      new ClientModule("ovn_nb", Set.of(), Set.of("_nb_idl", "nb_ovn", "_nb_ovn", "nb_idl")),
      "neutron/notifiers/nova.py",
      new ClientModule("nova", Set.of("_get_nova_client"), Set.of("nclient", "novaclient")),
      "neutron_lib/placement/",
      new ClientModule("placement", Set.of(), Set.of("_client")));

  /** Participants drawn as endpoints: a call into them is one message, not followed inside. */
  private static final Set<String> ENDPOINTS = Set.of("database", "ovn_nb", "ovn_sb", "nova",
      "placement");

  /** RPC client class → the agent class consuming its topic, and the agent. */
  private static final Map<String, RpcServer> RPC = Map.of(
      "neutron.api.rpc.agentnotifiers.l3_rpc_agent_api.L3AgentNotifyAPI",
      new RpcServer("neutron.agent.l3.agent.L3NATAgentWithStateReport", "neutron_l3_agent"),
      "neutron.api.rpc.agentnotifiers.dhcp_rpc_agent_api.DhcpAgentNotifyAPI",
      new RpcServer("neutron.agent.dhcp.agent.DhcpAgentWithStateReport", "neutron_dhcp_agent"),
      "neutron.plugins.ml2.rpc.AgentNotifierApi",
      new RpcServer("neutron.plugins.ml2.drivers.openvswitch.agent.ovs_neutron_agent"
          + ".OVSNeutronAgent", "neutron_ovs_agent"),
      "neutron.api.rpc.handlers.resources_rpc.ResourcesPushRpcApi",
      new RpcServer("neutron.api.rpc.handlers.resources_rpc.ResourcesPushRpcCallback",
          "neutron_ovs_agent"));

  static final Topology TABLES = new Topology(PARTICIPANTS, CLIENTS, ENDPOINTS, RPC);

  private NeutronTopology() {}
}
