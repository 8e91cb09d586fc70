package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.files.FolderSources;
import dev.novatrace.nova.DetailLevels;
import dev.novatrace.project.SourceTree;
import dev.novatrace.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Neutron's facts, read from its code (docs/neutron-design.md gives each file and line) and
 * checked on the newest and the oldest release Debian carries, under the ML2/OVN baseline and
 * under openvswitch with the L3 agent's router plugin.
 */
class NeutronTraceIT {
  private static final Map<String, Workspace> LOADED = new HashMap<>();

  static synchronized Workspace workspace(String version, String driver) {
    return LOADED.computeIfAbsent(version + "/" + driver, k -> {
      Path root = NeutronTrees.snapshotRoot(version);
      return Workspace.load(SourceTree.of(new FolderSources(root.toAbsolutePath()),
          "neutron-" + version, version, "neutron"), driver, null);
    });
  }

  private static String wsd(String version, String driver, String action) {
    return wsd(version, driver, action, Detail.STANDARD);
  }

  private static String wsd(String version, String driver, String action, Detail detail) {
    Workspace ws = workspace(version, driver);
    return WsdWriter.write(Workspace.diagram(ws.trace(ws.action(action), detail,
        Workspace.DEFAULT_DEPTH), detail));
  }

  private static void inOrder(String diagram, List<String> parts) {
    int at = 0;
    for (String part : parts) {
      int found = diagram.indexOf(part, at);
      assertTrue(found >= 0, "'" + part + "' missing after offset " + at + " in:\n" + diagram);
      at = found + part.length();
    }
  }

  /**
   * ports-create runs ML2's precommit and postcommit over the configured mechanism driver
   * (MechanismManager._call_on_drivers: getattr(driver.obj, method_name)); OVN's postcommit
   * writes the logical switch port to the northbound database (ovn_client.create_port).
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aPortIsCreatedThroughTheMechanismDriver(String version) {
    // The OVN driver's own methods run, in order (full detail anchors every function).
    inOrder(wsd(version, "ovn", "ports-create", Detail.FULL), List.of(
        "ovn/mech_driver/mech_driver.py:", "create_port_precommit()",
        "ovn/mech_driver/mech_driver.py:", "create_port_postcommit()",
        "neutron_server->ovn_nb: ", "create_lswitch_port"));
    // One driver is configured: ML2's loop over its drivers is one pass. At standard the
    // driver's methods are named where their requests are drawn, not the manager's loop; its
    // provisioning block, added only for a port it must bind, says so.
    String d = wsd(version, "ovn", "ports-create");
    inOrder(d, List.of("mech_driver.py:", "create_port_precommit()",
        "ProvisioningBlock.create (if needed)", "mech_driver.py:", "create_port_postcommit()",
        "neutron_server->ovn_nb: ", "create_lswitch_port"));
    assertFalse(d.contains("loop for driver in"), d);
    assertFalse(d.contains("_call_on_drivers()"), d);
  }

  /**
   * Under openvswitch the OVS agent hears of a new port through the server's OVO push
   * (ovo_rpc._ObjectChangeHandler, subscribed to PORT AFTER_CREATE at start-up, casts
   * ResourcesPushRpcApi.push fanout), not through AgentNotifierApi.port_update, which a create
   * does not send (_bind_port_if_needed(allow_notify=False)); and the registry's unsubscribe of
   * the DHCP notifier's API-level listener runs nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void theOvsAgentHearsOfAPortThroughThePush(String version) {
    String d = wsd(version, "openvswitch", "ports-create");
    inOrder(d, List.of("neutron_server->>neutron_ovs_agent: push"));
    assertFalse(d.contains(": port_update\n") || d.contains(": port_update "), d);
    assertFalse(d.contains("payload.collection_name"), d);
  }

  /**
   * An update that binds the port does send AgentNotifierApi.port_update, a fanout the OVS agent
   * consumes: _bind_port_if_needed(allow_notify=True, need_notify=need_port_update_notify),
   * where update_port starts the flag False and ORs in what changed, and _attempt_binding
   * hands it back; under OVN no agent consumes it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void anUpdateTellsTheOvsAgentsOfThePort(String version) {
    String ovs = wsd(version, "openvswitch", "ports-update");
    inOrder(ovs, List.of("opt not try_again and need_notify",
        "neutron_server->>neutron_ovs_agent: port_update", "end",
        "neutron_server-->client: HTTP 200"));
    assertFalse(wsd(version, "ovn", "ports-update").contains("port_update\n"));
  }

  /**
   * ML2's AgentNotifierApi inherits its security group fanouts from
   * SecurityGroupAgentRpcApiMixin (security_groups_rule_updated from
   * SecurityGroupServerNotifierRpcMixin.create_security_group_rule; security_groups_member_updated
   * from the PORT subscriber the mixin registers from ML2's start-up, whose self.notifier is
   * ML2's). No OVS agent consumes their topic (its consumers are the tunnel, DVR and l2pop
   * topics; it learns of security groups by the objects pushed to it), so neither is drawn,
   * under openvswitch or OVN: the push is.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void securityGroupFanoutsNoAgentConsumesAreNotDrawnThePushIs(String version) {
    String rules = wsd(version, "openvswitch", "security-group-rules-create");
    inOrder(rules, List.of("neutron_server->database: SecurityGroupRule.create",
        "neutron_server->>neutron_ovs_agent: push", "neutron_server-->client: HTTP 201"));
    for (String driver : List.of("openvswitch", "ovn")) {
      for (String action : List.of("security-group-rules-create", "ports-create")) {
        String d = wsd(version, driver, action);
        assertFalse(d.contains("security_groups_") || d.contains("no method "), d);
      }
    }
  }

  /**
   * The binding commit replaces the port's binding levels: _commit_port_binding calls
   * db.clear_binding_levels, whose PortBindingLevel.delete_objects deletes the rows a filter
   * selects, a change of state drawn even where the commit is folded. It sets the port's
   * status only for a driver that asks for one (bind_context._new_port_status, None but where
   * set_binding is passed a status: only SR-IOV's driver does, plugin.py:895-898,
   * driver_context.py:309-315), under neither OVN nor openvswitch.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void theBindingCommitDeletesTheOldBindingLevels(String version) {
    String created = wsd(version, "ovn", "ports-create");
    inOrder(created, List.of("_bind_port_if_needed()",
        "# neutron/plugins/ml2/db.py:83 clear_binding_levels()", "opt host",
        "neutron_server->database: PortBindingLevel.delete_objects",
        // set_binding_levels creates each level the driver pushed onto the context
        // (db.py:55-58; managers.py _bind_port_level: context._push_binding_level(pbl_obj)).
        "set_binding_levels()", "neutron_server->database: PortBindingLevel.create",
        "neutron_server-->client: HTTP 201"));
    for (String driver : List.of("ovn", "openvswitch")) {
      String bound = wsd(version, driver, "ports-bindings-create");
      assertFalse(bound.contains("_new_port_status") || bound.contains("_binding_levels and"),
          bound);
    }
    assertFalse(created.contains("_binding_levels and"), created);
    // The binding's update_port(..., {'port': {'status': DOWN}}) allocates no IP: its
    // deferred allocation needs `host and not old_host`, and host is old_host when the dict
    // sets none (ipam_backend_mixin.py:729-737). Only the create's own loop stores IPs.
    assertEquals(1, created.lines().map(String::strip)
        .filter("neutron_server->database: IPAllocation.create"::equals).count(), created);
  }

  /**
   * add_router_interface adds an existing port by updating it, and hands the router port it
   * created back to the core plugin's update_port (l3_db.py:990-997, 1106-1108): each is
   * another action's route, said in a note however deep it is called.
   */
  @Test
  void aRouterInterfacesPortUpdatesAreSaid() {
    String d = wsd("29.0.0", "ovn", "routers-add-router-interface");
    inOrder(d, List.of("alt add_by_port", "note over neutron_server: update port (as ports-update)",
        "neutron_server->database: RouterPort.create",
        "note over neutron_server: update port (as ports-update)",
        "neutron_server-->client: HTTP 200"));
  }

  /**
   * ports-update's extra DHCP options (extradhcpopt_db.py _update_extra_dhcp_opts_on_port): the
   * options ExtraDhcpOpt.get_objects returns are ExtraDhcpOpts (a classmethod of the base run on
   * the class), deleted or updated, and one the loop did not find (its for-else) created.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void extraDhcpOptionsAreDeletedOrCreatedAsTheirClass(String version) {
    String d = wsd(version, "ovn", "ports-update");
    inOrder(d, List.of("neutron_server->database: ExtraDhcpOpt.delete",
        "opt no break in for opt in opts", "neutron_server->database: ExtraDhcpOpt.create"));
    assertFalse(d.contains("NeutronDbObject"), d);
  }

  /**
   * An update writes the resource's row: {@code _get_network}/{@code _get_router}/{@code
   * _get_port} return {@code model_query.get_by_id(context, models_v2.X, id)}, one row of the
   * model passed, whose {@code update(...)} is the write (db_base_plugin_v2.py update_network,
   * l3_db.py _update_router_db, ipam_backend_mixin.py _update_db_port). A router deleted is a
   * Router row deleted, not an anonymous session delete.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void anUpdateWritesTheRowItsHelperGotById(String version) {
    assertTrue(wsd(version, "ovn", "networks-update")
        .contains("neutron_server->database: Network.update\n"), version);
    assertTrue(wsd(version, "ovn", "routers-update")
        .contains("neutron_server->database: Router.update\n"), version);
    inOrder(wsd(version, "ovn", "ports-update"), List.of("_update_db_port()\n",
        "neutron_server->database: Port.update\n"));
    String delete = wsd(version, "ovn", "routers-delete");
    assertTrue(delete.contains("neutron_server->database: Router.delete\n"), delete);
    assertFalse(delete.contains("context.session.delete"), delete);
  }

  /**
   * A port's binding row is created unbound (ml2/db.py add_port_binding: vif_type =
   * VIF_TYPE_UNBOUND), and the binding commit writes the result on the row it picks from the
   * port's {@code port_bindings} (a backref of PortBinding.port, models.py) through
   * p_utils.get_port_binding_by_status_and_host: {@code cur_context_binding.vif_type =
   * new_binding.vif_type} (plugin.py _commit_port_binding).
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void theBindingIsCreatedUnboundAndItsResultWritten(String version) {
    assertTrue(wsd(version, "ovn", "ports-create")
        .contains("neutron_server->database: PortBinding.create: vif_type = VIF_TYPE_UNBOUND\n"),
        version);
    inOrder(wsd(version, "ovn", "ports-update"), List.of("_commit_port_binding()\n",
        "neutron_server->database: PortBinding.update: vif_type"));
  }

  /**
   * Only the DVR router mixin (l3_dvr_db.py, part of the reference L3RouterPlugin, not of the
   * OVN router plugin) gives a port DEVICE_OWNER_DVR_INTERFACE: under OVN a test for it is
   * false, and ML2's distributed-port branches (plugin.py _update_individual_port_db_status,
   * update_port) are not drawn; under openvswitch with the router plugin they are.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void distributedPortBranchesNeedTheDvrMixin(String version) {
    String ovn = wsd(version, "ovn", "ports-update");
    assertFalse(ovn.contains("DEVICE_OWNER_DVR_INTERFACE"), ovn);
    assertFalse(ovn.contains("DistributedPortBinding"), ovn);
    assertTrue(wsd(version, "openvswitch", "ports-update").contains("DEVICE_OWNER_DVR_INTERFACE"),
        version);
  }

  /**
   * Objects built on {@code NeutronRbacObject = utils.with_metaclass(RbacNeutronMetaclass,
   * base.NeutronDbObject)} (rbac_db.py:392) have NeutronDbObject's methods: the subnet pool a
   * delete reads is deleted (db_base_plugin_v2.py delete_subnetpool), an address scope created.
   * The plugin's own reads are drawn where the request reads (GET), not where it writes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void rbacObjectsWriteThemselvesAndAWriteDrawsNoReads(String version) {
    assertTrue(wsd(version, "ovn", "subnetpools-delete")
        .contains("neutron_server->database: SubnetPool.delete\n"), version);
    assertTrue(wsd(version, "ovn", "address-scopes-create")
        .contains("neutron_server->database: AddressScope.create\n"), version);
    String delete = wsd(version, "ovn", "subnetpools-delete");
    assertFalse(delete.contains("objects_exist"), delete);
    assertTrue(wsd(version, "ovn", "address-scopes-show").contains(".get_object"), version);
  }

  /**
   * The northbound monitor's port events see only rows whose external IDs name a Neutron port
   * (29.0.0's LogicalSwitchPortEvent.match_fn): a provider network's localnet port, written
   * with external_ids={OVN_PHYSNET_EXT_ID_KEY: physnet}, starts none, where a port's row does.
   * 17.2.1's events have no such test.
   */
  @Test
  void onlyANeutronPortsRowStartsThePortEvents() {
    String network = wsd("29.0.0", "ovn", "networks-create");
    assertTrue(network.contains("create_lswitch_port (if needed)"), network);
    assertFalse(network.contains("Logical_Switch_Port"), network);
    assertTrue(wsd("29.0.0", "ovn", "ports-create")
        .contains("ovn_nb->>neutron_server: Logical_Switch_Port created\n"));
    assertTrue(wsd("17.2.1", "ovn", "networks-create")
        .contains("ovn_nb->>neutron_server: Logical_Switch_Port created (if needed)\n"));
  }

  /**
   * networks-create allocates its segment from the project network type's driver (a Geneve row
   * under OVN, a VXLAN row under openvswitch) before OVN adds the logical switch.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aNetworkTakesItsSegmentFromTheTypeDriver(String version) {
    inOrder(wsd(version, "ovn", "networks-create"), List.of(
        "neutron_server->database: GeneveAllocation.allocate", "neutron_server->ovn_nb: ",
        "ls_add"));
    String ovs = wsd(version, "openvswitch", "networks-create");
    assertTrue(ovs.contains("neutron_server->database: VxlanAllocation.allocate"), ovs);
    assertFalse(ovs.contains("ovn_nb"), ovs);
    // The profile's deployment, which chose those drivers, is said with what the diagram
    // assumes (kept as the profile's when the tree's policy option is added to the settings).
    Workspace ws = workspace(version, "ovn");
    List<String> assumes = ws.assumptions(ws.action("networks-create"), Workspace.DEFAULT_DEPTH);
    assertTrue(assumes.contains("[ml2] mechanism_drivers = ovn (profile)"), assumes::toString);
    assertTrue(assumes.contains("[ml2] type_drivers = geneve,flat,vlan (profile)"),
        assumes::toString);
  }

  /**
   * A router interface: with the L3 agent's router plugin, L3_NAT_db_mixin notifies the L3
   * agents (routers_updated); 29's OVN router plugin inherits L3NotifierMixin's method (Python's
   * C3 order) and its OVN provider adds the router port on ROUTER_INTERFACE AFTER_CREATE; 17's
   * overrides it, notifies as its base does (no L3 agent runs under OVN to hear it), then adds
   * the port itself.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aRouterInterfaceReachesTheL3PluginAndItsAgentsOrOvn(String version) {
    String ovs = wsd(version, "openvswitch", "routers-add-router-interface");
    inOrder(ovs, List.of("create port (as ports-create)", "RouterPort.create",
        "neutron_server->>neutron_l3_agent: routers_updated"));
    String ovn = wsd(version, "ovn", "routers-add-router-interface");
    inOrder(ovn, List.of(version.startsWith("29") ? "l3_db.py:2272 add_router_interface()"
        : "ovn_l3/plugin.py:219 add_router_interface()", "RouterPort.create",
        "neutron_server->ovn_nb: ", "add_lrouter_port"));
    // 17's OVN plugin notifies the L3 agents as its base does; an OVN deployment runs none.
    assertFalse(ovn.contains("neutron_l3_agent"), ovn);
  }

  /**
   * Nova hears network-vif-plugged after the request, not in it (docs/neutron-design.md, 4.5):
   * once ovn-controller wires the port an update binds, the server's northbound monitor runs
   * LogicalSwitchPortUpdateUpEvent (a new row runs LogicalSwitchPortCreateEvent: down), whose
   * driver completes the provisioning, sets the port's status and, for a compute port, has the
   * Nova notifier send the event
   * through its batch (BatchNotifier, built with send_events; novaclient's
   * server_external_events.create). Drawn after the reply. Where the port's status is set
   * (SQLAlchemy's set and after_update listeners, registered by the plugin's start-up), the
   * notifier may send an event too, as the transition decides.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aBoundPortIsReportedUpLaterAndNovaHearsOfIt(String version) {
    String d = wsd(version, "ovn", "ports-update");
    inOrder(d, List.of("_bind_port_if_needed()", "neutron_server-->client: HTTP 200",
        "ovn_nb->>neutron_server: Logical_Switch_Port up", "neutron_server->database: Port.status",
        "set_port_status_up()", "neutron_server->>nova: server_external_events.create"));
    inOrder(wsd(version, "ovn", "ports-update", Detail.FULL), List.of(
        "neutron_server-->client: HTTP 200", "ovn_nb->>neutron_server: Logical_Switch_Port up",
        "set_port_status_up()", "ProvisioningBlock.delete_objects", "_port_provisioned()",
        "neutron_server->database: Port.status", "notify_port_active_direct()",
        "neutron_server->>nova: server_external_events.create"));
    // A port created is reported down, not up: a new Logical_Switch_Port row.
    String created = wsd(version, "ovn", "ports-create");
    inOrder(created, List.of("neutron_server-->client: HTTP 201",
        "ovn_nb->>neutron_server: Logical_Switch_Port created", "set_port_status_down()"));
    assertFalse(created.contains("Logical_Switch_Port up"), created);
    // 29.0.0's one create event tests utils.is_lsp_up(row): a new row's up column is empty
    // (ovn-northd writes it), so only the way down runs (ovsdb_monitor.py:633, utils.py:512).
    String createdLater = created.substring(created.indexOf("Logical_Switch_Port created"));
    assertFalse(createdLater.contains("set_port_status_up()"), created);
    // The port is provisioned only once no provisioning block is left
    // (provisioning_blocks.py: the early return inside the writer's with block).
    inOrder(d, List.of("ProvisioningBlock.delete_objects",
        "opt not pb_obj.ProvisioningBlock.objects_exist(...)", "callback port provisioned"));
    // Drawn once where it is sent for certain; the status listeners may send one too: "if needed".
    String later = d.substring(d.indexOf("Logical_Switch_Port up"));
    assertEquals(1, later.lines().map(String::strip)
        .filter("neutron_server->>nova: server_external_events.create"::equals).count(), d);
    // The batch notifier sends from a thread it spawns (batch_notifier.py:60, spawn_n): the
    // request does not wait for Nova, so no event is drawn as a call.
    for (String action : List.of("ports-create", "ports-update")) {
      String diagram = wsd(version, "ovn", action);
      assertFalse(diagram.contains("neutron_server->nova:"), diagram);
    }
  }

  /**
   * The API around the plugin: pecan's PolicyHook (policy_enforcement.py) enforces the rule
   * named after the method, and once an update returns, NotifierHook publishes the port's
   * BEFORE_RESPONSE, which the Nova notifier hears (_send_nova_notification: network-changed,
   * for a compute port only) before the reply. A create reserves quota first
   * (QuotaEnforcementHook, quota_enforcement.py). The hooks are named before the plugin's entry.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void theApiChecksThePolicyAndNovaHearsOfAChangedPortBeforeTheReply(String version) {
    inOrder(wsd(version, "ovn", "ports-update"), List.of(
        "# neutron/pecan_wsgi/hooks/policy_enforcement.py:", "before()",
        "check policy: update_port",
        "# neutron/plugins/ml2/plugin.py:", "update_port()", "_send_nova_notification()",
        "neutron_server->>nova: server_external_events.create (if needed)",
        "neutron_server-->client: HTTP 200"));
    inOrder(wsd(version, "ovn", "ports-create"), List.of(
        "# neutron/pecan_wsgi/hooks/policy_enforcement.py:", "check policy: create_port",
        "# neutron/pecan_wsgi/hooks/quota_enforcement.py:", "reserve quota: port",
        "# neutron/plugins/ml2/plugin.py:", "create_port()"));
  }

  /**
   * ovsdbapp answers reads from its replica of the northbound database in the server
   * (ovn_client.py: lookup() "is a direct in-memory IDL access"): no read is a message to
   * ovn_nb at standard. And the segment logical switches a port moves between exist only with
   * [ovn] logical_switch_per_vlan_segment, off by default (network_needs_lswitch() returns True,
   * common/ovn/utils.py): binding a port updates its switch port, never creates or deletes one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void theNorthboundReplicaIsReadInTheServerAndTheDefaultSwitchIsKept(String version) {
    for (String action : List.of("ports-create", "ports-update", "subnets-create",
        "routers-create", "floatingips-create")) {
      String d = wsd(version, "ovn", action);
      d.lines().filter(l -> l.contains("->ovn_nb: ")).forEach(l -> {
        for (String read : l.substring(l.indexOf("->ovn_nb: ") + 10).split("\\\\n")) {
          String command = read.replace(" (if needed)", "");
          assertFalse(command.matches("lookup|ls_get|lsp_get.*|db_find.*|get_.*|is_table_present"),
              action + ": " + command + " in " + l);
        }
      });
    }
    String update = wsd(version, "ovn", "ports-update");
    assertFalse(update.contains("delete_lswitch_port"), update);
    // The object framework's in-memory work (objects/base.py: to_dict, update_fields) is no
    // database message.
    for (String action : List.of("networks-delete", "subnets-update")) {
      String d = wsd(version, "ovn", action);
      assertFalse(d.contains(".to_dict") || d.contains(".update_fields"), d);
    }
  }

  /**
   * With [ovn] ovn_metadata_enabled off, the default, a subnet's create writes only its DHCP
   * options to OVN (ovn_client.create_subnet; update_metadata_port returns first): no switch
   * port, so no port event follows the reply.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aSubnetWritesNoSwitchPortWithoutTheMetadataService(String version) {
    String d = wsd(version, "ovn", "subnets-create");
    assertTrue(d.contains("add_dhcp_options"), d);
    assertFalse(d.contains("Logical_Switch_Port"), d);
    // The IPAM driver the deployment names ([DEFAULT] ipam_driver = internal, an entry point of
    // neutron.ipam_drivers loaded by NeutronManager.load_class_for_provider) keeps the
    // subnet's own rows, before the Subnet row.
    inOrder(d, List.of("neutron_server->database: IpamSubnet.create",
        "neutron_server->database: IpamAllocationPool.create",
        "neutron_server->database: Subnet.create"));
  }

  /**
   * On 29.0.0 a router's logical router is written to OVN by the subscriber the registry runs
   * for its AFTER_CREATE (the OVN provider's _process_router_create), and is anchored there,
   * not at the plugin's create_router that publishes the event; 17.2.1's OVN L3 plugin writes
   * it itself (ovn_client.create_router: create_lrouter).
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aRoutersOvnWriteIsAnchoredWhereItIsMade(String version) {
    inOrder(wsd(version, "ovn", "routers-create"), version.equals("29.0.0")
        ? List.of("neutron_server->database: Router.create",
            "# neutron/services/ovn_l3/service_providers/ovn.py:", "_process_router_create()",
            "neutron_server->ovn_nb: ", "lr_add")
        : List.of("neutron_server->database: Router.create", "ovn_client.py:",
            "create_router()", "neutron_server->ovn_nb: ", "create_lrouter"));
  }

  /**
   * Deleting a port first detaches its floating IPs through the L3 plugin the deployment loads
   * ({@code l3plugin = directory.get_plugin(plugin_constants.L3)}, then
   * {@code l3plugin.disassociate_floatingips(context, id)}: the OVN L3 plugin, not ML2), whose
   * handler removes the NAT rule from OVN.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aDeletedPortsFloatingIpsAreDetachedThroughTheLoadedL3Plugin(String version) {
    inOrder(wsd(version, "ovn", "ports-delete"), List.of(
        "neutron_server->database: FloatingIP.update_objects", "neutron_server->ovn_nb: ",
        "delete_nat_rule_in_lrouter", "neutron_server-->client: HTTP 204"));
  }

  /**
   * A security group rule's ACL is written by a helper of another module the OVN client hands
   * its northbound API object to (ovn_client._process_security_group_rule ->
   * acl.update_acls_for_security_group(..., self._nb_idl, ...) -> ovn.pg_acl_add), from the
   * mechanism driver's AFTER_CREATE subscriber.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aSecurityGroupRulesAclIsWrittenThroughTheClientObjectItIsHanded(String version) {
    inOrder(wsd(version, "ovn", "security-group-rules-create"), List.of(
        "neutron_server->database: SecurityGroupRule.create", "neutron_server->ovn_nb: ",
        "pg_acl_add", "neutron_server-->client: HTTP 201"));
  }

  /** A floating IP creates its port on the external network, then its row. */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "17.2.1"})
  void aFloatingIpCreatesItsPortThenItsRow(String version) {
    inOrder(wsd(version, "openvswitch", "floatingips-create"), List.of(
        "create port (as ports-create)", "neutron_server->database: FloatingIP.create"));
  }

  /**
   * Every action of every release Debian carries traces, and standard keeps its budget: no
   * action over 300 lines, the median under 100; the levels nest.
   */
  @ParameterizedTest
  @ValueSource(strings = {"29.0.0", "26.0.3", "21.0.0", "17.2.1"})
  void detailLevelsNestWithinTheBudget(String version) {
    Workspace ws = workspace(version, "ovn");
    assertTrue(ws.actions().size() > 90, "actions: " + ws.actions().size());
    DetailLevels.assertNested(ws);
  }
}
