package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.config.Settings;
import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.files.FolderSources;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthetic Neutron-shaped tree under src/test/resources/fixtures/mini-neutron: our own few
 * lines with the shapes of Neutron's ML2 plugin and managers, the OVN mechanism driver and its
 * client, a Geneve type driver, neutron-lib's callback registry, the DHCP agents' notifier, an
 * OVN router plugin built on the L3 database mixin, and the entry points that name them. Each
 * test names one pattern and asserts the lines the standard diagram draws for it, in order.
 */
class MiniNeutronTest {
  private static final Path ROOT = Fixtures.ROOT.resolve("mini-neutron");

  private static Workspace workspace;

  /** Loaded once per test JVM, as NeutronTraceIT loads a snapshot: tests only read it. */
  private static synchronized Workspace workspace() {
    if (workspace == null) {
      workspace = Workspace.load(SourceTree.of(new FolderSources(ROOT.toAbsolutePath()),
          "mini-neutron", "0.0.1", "neutron"), "ovn", null);
    }
    return workspace;
  }

  private static String wsd(ApiAction action, Detail detail) {
    return WsdWriter.write(Workspace.diagram(workspace().trace(action, detail,
        Workspace.DEFAULT_DEPTH), detail));
  }

  private static String standard(String action) {
    return wsd(workspace().action(action), Detail.STANDARD);
  }

  /** Each of {@code lines} is a whole line of the diagram (indentation aside), in this order. */
  private static void linesInOrder(String diagram, List<String> lines) {
    List<String> drawn = diagram.lines().map(String::strip).toList();
    int at = 0;
    for (String line : lines) {
      int found = drawn.subList(at, drawn.size()).indexOf(line);
      assertTrue(found >= 0, "no line '" + line + "' after line " + at + " in:\n" + diagram);
      at += found + 1;
    }
  }

  /**
   * The deployment's core plugin serves the core collections pecan declares, and the OVN router
   * plugin ({@code ovn-router} in entry_points.txt) the router extension's member action,
   * entered on the mixin that defines it but run on the plugin. The metering plugin, named in
   * entry_points.txt but not in the baseline, serves nothing.
   */
  @Test
  void theLoadedPluginsServeTheDiscoveredActions() {
    List<ApiAction> actions = workspace().actions();
    assertEquals(List.of("networks-create", "ports-create", "ports-update",
        "routers-add-router-interface"),
        actions.stream().map(ApiAction::name).toList());
    ApiAction router = workspace().action("routers-add-router-interface");
    assertEquals("neutron.db.l3_db.L3_NAT_dbonly_mixin.add_router_interface",
        router.entry().qualifiedName());
    assertEquals("neutron.services.ovn_l3.plugin.OVNL3RouterPlugin",
        router.receiver().qualifiedName());
    assertEquals("PUT /v2.0/routers/{id}/add_router_interface", router.requestLabel());
  }

  /**
   * {@code self.mechanism_manager.create_port_postcommit(ctx)}: MechanismManager._call_on_drivers
   * runs {@code getattr(driver.obj, method_name)(context)} over the configured drivers (the
   * profile's dispatch, with the method name the caller bound); OVN's postcommit calls its
   * client's {@code self._nb_idl.create_lswitch_port(...)}, a write to the northbound database.
   */
  @Test
  void aPortIsWrittenToOvnThroughTheConfiguredMechanismDriver() {
    linesInOrder(standard("ports-create"), List.of(
        "client->neutron_server: POST /v2.0/ports",
        // pecan's hooks check the policy and reserve the quota before the plugin's entry.
        "# neutron/pecan_wsgi/hooks/policy_enforcement.py:4 before()",
        "note over neutron_server: check policy: create_port",
        "# neutron/pecan_wsgi/hooks/quota_enforcement.py:4 before()",
        "note over neutron_server: reserve quota: port",
        "# neutron/plugins/ml2/plugin.py:47 create_port()",
        "neutron_server->database: Port.create",
        // The IPAM driver [DEFAULT] ipam_driver names (internal), loaded by its entry point.
        "neutron_server->database: IpamAllocation.create",
        // The driver's method is named, not the manager's loop that calls it by name; the row
        // its helper adds through a method chosen into a local (session.add, as may_exist is
        // left False) is named by its class.
        "# neutron/plugins/ml2/drivers/ovn/mech_driver/mech_driver.py:19 create_port_precommit()",
        // A row built with a state field (the revision) and added: created with that value.
        "neutron_server->database: OVNRevisionNumbers.create: revision_number = -1",
        // One driver configured: the manager's loop over its drivers is one pass.
        "# neutron/plugins/ml2/drivers/ovn/mech_driver/mech_driver.py:28 create_port_postcommit()",
        // The client's API object handed to a helper of another module (ovn_acl.py) makes
        // that helper's calls on it requests too.
        "neutron_server->ovn_nb: create_lswitch_port\\npg_acl_add",
        // Get or create: the revision row is made only where the query did not find one; a
        // write with fields behind a test in a client's summary says so as a request does.
        "neutron_server->database: OVNRevisionNumbers.create (if needed): revision_number = -1",
        // The fields set on a row since it was read are what writing it back updates: the
        // revision bumped, kept at standard as the state OVN's sync compares.
        "neutron_server->database: OVNRevisionNumbers.merge: revision_number = "
            + "resource['revision_number']",
        "neutron_server-->client: HTTP 201"));
    assertTrue(wsd(workspace().action("ports-create"), Detail.FULL).contains(
        "opt not context.session.query(...).filter_by(...).one_or_none()\n"));
    // session.merge(row) gives back a row of its argument's class: writing it back is that
    // class's merge (shown at full detail with helpers followed deep enough), not the session's.
    String deep = WsdWriter.write(Workspace.diagram(workspace().trace(
        workspace().action("ports-create"), Detail.FULL, 8), Detail.FULL));
    assertTrue(deep.contains("neutron_server->database: OVNRevisionNumbers.merge\n"), deep);
    assertFalse(deep.contains("context.session.merge()"), deep);
    assertFalse(standard("ports-create").contains("loop for driver"));
    // ls_get reads ovsdbapp's replica in the server: a message at full detail only.
    assertFalse(standard("ports-create").contains("ls_get"));
    assertTrue(wsd(workspace().action("ports-create"), Detail.FULL)
        .contains("neutron_server->ovn_nb: ls_get\n"));
  }

  /**
   * Start-up has the Nova notifier (a singleton, its module imported inside {@code __init__})
   * listen to {@code Port.status}'s set and {@code Port}'s after_update
   * ({@code db_api.sqla_listen}): assigning a port row's status runs both, and the second sends
   * Nova its event; assigning its name runs neither.
   */
  @Test
  void settingAPortsStatusRunsTheNovaNotifiersListeners() {
    String full = wsd(workspace().action("ports-update"), Detail.FULL);
    linesInOrder(full, List.of(
        "client->neutron_server: PUT /v2.0/ports/{id}",
        "# neutron/notifiers/nova.py:29 send_port_status()",
        "neutron_server->nova: server_external_events.create",
        "neutron_server-->client: HTTP 200"));
    // Once for the status, once for the response's subscriber (the test after this one).
    assertEquals(2, full.split("server_external_events.create", -1).length - 1, full);
  }

  /**
   * The API's {@code BEFORE_RESPONSE} hands its subscribers a payload whose {@code action} is
   * the plugin method the request ran, and what a helper returns for it is read through its
   * body: the notifier's {@code changed_event} returns None for {@code create_port} (neither
   * list names it), so {@code queue(event)} returns at {@code if not event} and ports-create
   * tells Nova nothing; ports-update gets its event, and only once, as the floating-IP branch
   * before it tests for another action. The notifier sends it from a thread it spawns, beside
   * the request, whose reply does not wait for it: an asynchronous message.
   */
  @Test
  void aResponseSubscriberSendsOnlyWhatItsEventBuilderReturnsForTheAction() {
    String create = wsd(workspace().action("ports-create"), Detail.FULL);
    assertFalse(create.contains("nova"), create);
    String update = wsd(workspace().action("ports-update"), Detail.FULL);
    linesInOrder(update, List.of(
        "# neutron/notifiers/nova.py:39 _changed()",
        "# neutron/notifiers/nova.py:34 send_events()",
        "neutron_server->>nova: server_external_events.create",
        "neutron_server-->client: HTTP 200"));
    assertFalse(update.contains("update_floatingip"), update);
  }

  /**
   * {@code registry.publish(resources.PORT, events.AFTER_CREATE, ...)} runs the subscribers
   * start-up made: DhcpAgentNotifyAPI's {@code @registry.receives} method (its object is built in
   * Ml2Plugin._start_rpc_notifiers), with resource and event bound to 'port' and 'after_create';
   * its {@code cctxt.cast(context, method, ...)} to the DHCP agents (the name it builds is
   * DispatchedCallsTest's) has no consumer in an OVN deployment, and is not drawn.
   */
  @Test
  void aPublishedEventRunsTheDhcpNotifierWhoseCastNoAgentConsumesUnderOvn() {
    linesInOrder(standard("ports-create"), List.of(
        "neutron_server->ovn_nb: create_lswitch_port\\npg_acl_add",
        "neutron_server-->client: HTTP 201"));
    // An OVN deployment runs no DHCP agent: the fanout has no consumer, and is not drawn;
    // a lookup of the DHCP agents hosting a network finds none, so no provisioning block waits
    // for them.
    assertFalse(standard("ports-create").contains("neutron_dhcp_agent"));
    String full = wsd(workspace().action("ports-create"), Detail.FULL);
    assertFalse(full.contains("DhcpProvisioningBlock"), full);
  }

  /**
   * A subscriber is handed the publisher's trigger: {@code add_network_segment} publishes with
   * itself, so the DHCP notifier's {@code if ... not isinstance(trigger, SegmentsPlugin):
   * return} returns, and the reservation after it is not drawn (ML2's
   * {@code _handle_segment_change} in Neutron).
   */
  @Test
  void aSubscriberThatReturnsForAFunctionsTriggerDrawsNothing() {
    String full = wsd(workspace().action("networks-create"), Detail.FULL);
    assertTrue(full.contains("neutron_server->database: NetworkSegment.create\n"), full);
    assertFalse(full.contains("SegmentReservation"), full);
    assertFalse(full.contains("_handle_segment_change"), full);
  }

  /**
   * MeteringPlugin's {@code @registry.receives(resources.PORT, [events.AFTER_CREATE])} method
   * is subscribed only for an object of it, and the baseline never builds one: not drawn.
   */
  @Test
  void aSubscriberOfAClassNeverBuiltIsNotDrawn() {
    String full = wsd(workspace().action("ports-create"), Detail.FULL);
    assertFalse(full.contains("forgotten"), full);
    assertFalse(full.contains("MeteringLabel"), full);
  }

  /**
   * The Geneve type driver's allocation: {@code self.segmentation_obj.allocate(...)} in the
   * SegmentTypeDriver base, whose {@code model} GeneveTypeDriver hands up through two
   * {@code super().__init__} calls; then the network's row, then OVN's logical switch.
   */
  @Test
  void aNetworkTakesItsSegmentFromTheGeneveDriverThroughItsBase() {
    linesInOrder(standard("networks-create"), List.of(
        "client->neutron_server: POST /v2.0/networks",
        "loop for network_type in self.tenant_network_types",
        "neutron_server->database: GeneveAllocation.allocate",
        "end",
        "neutron_server->database: Network.create",
        "neutron_server->ovn_nb: ls_add"));
  }

  /**
   * A publisher's payload holds what its constructor sets from what the publisher passes, its
   * defaults and the base constructor it hands them up to: ML2's {@code DBEventPayload(context,
   * states=(attrs,))} has no {@code request_body}, so the DHCP notifier's {@code if
   * payload.request_body:} does not hold and the record behind it is not drawn.
   */
  @Test
  void aPayloadFieldThePublisherLeavesAtItsDefaultDecidesTheSubscribersTest() {
    String full = wsd(workspace().action("ports-create"), Detail.FULL);
    assertFalse(full.contains("RequestedOptions") || full.contains("request_body"), full);
  }

  /**
   * A record's state written by a subscriber only when a test holds ({@code if action ==
   * 'update_port' and port.get('device_id')}) says so where standard opens the subscriber's
   * tests, its fields kept: the dict {@code update_object} writes is its second argument. A
   * second test that may write the same makes no second line.
   */
  @Test
  void aStateWrittenBehindASubscribersTestSaysIfNeeded() {
    String update = standard("ports-update");
    linesInOrder(update, List.of(
        "# neutron/notifiers/nova.py:39 _changed()",
        "neutron_server->database: Port.update_object (if needed): status = 'BUILD'",
        "neutron_server-->client: HTTP 200"));
    assertEquals(1, update.split("Port.update_object \\(if needed\\)", -1).length - 1, update);
    assertFalse(standard("ports-create").contains("update_object"));
  }

  /**
   * A parameter the caller leaves at a literal default holds it only until the function
   * assigns it ({@code changed = port.host}) or ORs into it ({@code moved |= ...}): the record
   * written behind both tests is a choice, not code that never runs.
   */
  @Test
  void aFlagAssignedAgainNoLongerHoldsItsDefault() {
    linesInOrder(standard("ports-update"), List.of(
        "opt moved",
        "neutron_server->database: PortMove.create",
        "end",
        "neutron_server-->client: HTTP 200"));
  }

  /**
   * {@code context.session.delete(move)}, {@code move} the variable of a loop over a local
   * holding {@code session.query(models_v2.PortMove).filter_by(...)}: a PortMove deleted, not
   * the session's method.
   */
  @Test
  void aRowAQueryYieldsIsDeletedAsARowOfItsModel() {
    String update = standard("ports-update");
    linesInOrder(update, List.of("loop for move in moves",
        "neutron_server->database: PortMove.delete", "end",
        "neutron_server-->client: HTTP 200"));
    assertFalse(update.contains("session.delete"), update);
  }

  /**
   * A helper that returns one row of a query built on the model it is passed ({@code
   * model_query.get_by_id(context, models_v2.Port, id)}) gives a row of that model, which a
   * parameter carries on to the helper that calls its {@code update(...)}: a write of the port.
   */
  @Test
  void aRowAHelperGetsByIdWritesItselfWithUpdate() {
    String update = standard("ports-update");
    linesInOrder(update, List.of("# neutron/plugins/ml2/plugin.py:128 _update_port_row()",
        "neutron_server->database: Port.update",
        "neutron_server-->client: HTTP 200"));
    // port_db.name = ... on the row the plugin's own _get_port queried: an update too.
    linesInOrder(update, List.of("# neutron/plugins/ml2/plugin.py:68 update_port()",
        "neutron_server->database: Port.update: name = port['port']['name']"));
  }

  /**
   * Columns set on a row read back are written with the session, as one update; an attribute
   * its model does not map ({@code binding._snapshot}) is not, and adding the row to the
   * session again writes nothing more.
   */
  @Test
  void columnsSetOnARowReadBackAreOneUpdate() {
    String update = standard("ports-update");
    linesInOrder(update, List.of("# neutron/plugins/ml2/plugin.py:139 _bind_row()",
        "neutron_server->database: PortBinding.update: host = attrs['host']\\nvif_type = 'ovs'",
        "neutron_server-->client: HTTP 200"));
    assertFalse(update.contains("_snapshot"), update);
    assertFalse(update.contains("PortBinding.create"), update);
    assertEquals(1, update.split("PortBinding.update: host", -1).length - 1, update);
  }

  /**
   * A relationship's backref ({@code orm.backref('port_bindings')} on PortBinding's {@code
   * port}) gives a port row its binding rows, and a helper returning the variable of its loop
   * over them gives one of them: the binding's result set on it is written.
   */
  @Test
  void aRowPickedFromARelationshipIsWrittenToo() {
    // The one-message helper is drawn under its caller's anchor.
    linesInOrder(standard("ports-update"), List.of(
        "# neutron/plugins/ml2/plugin.py:139 _bind_row()",
        "neutron_server->database: PortBinding.update: host = attrs['host']\\nvif_type = 'ovs'",
        "neutron_server->database: PortBinding.update: vif_type = 'ovs'",
        "neutron_server-->client: HTTP 200"));
  }

  /**
   * A constant only a mixin of a plugin the deployment does not load gives ({@code
   * DEVICE_OWNER_DISTRIBUTED}, set by the metering plugin's mixin alone) is held by no port: a
   * test for it is false, and its branch is not drawn.
   */
  @Test
  void aValueOnlyAnUnloadedPluginGivesIsNeverHeld() {
    String update = standard("ports-update");
    assertFalse(update.contains("DEVICE_OWNER_DISTRIBUTED"), update);
    List<String> drawn = update.lines().map(String::strip).toList();
    int at = drawn.indexOf("# neutron/plugins/ml2/plugin.py:128 _update_port_row()");
    assertEquals(List.of("neutron_server->database: Port.update",
        "# neutron/plugins/ml2/plugin.py:139 _bind_row()"), drawn.subList(at + 1, at + 3), update);
  }

  /**
   * A mixin of the plugin subscribes a bound method of its own at start-up: the registry calls
   * it on the plugin, so its {@code self.port_auditor} is the one the plugin's constructor set.
   */
  @Test
  void aMixinsCallbackRunsOnThePluginThatInheritsIt() {
    linesInOrder(standard("ports-create"), List.of(
        "note over neutron_server: callback audit port change",
        "# neutron/db/port_audit.py:24 _audit_port_change()",
        "neutron_server->database: PortAudit.create",
        // Rows a filter selects, deleted: a change of state, kept where a callback is brief.
        "neutron_server->database: PortAuditEntry.delete_objects",
        "neutron_server-->client: HTTP 201"));
  }

  /**
   * {@code bind_context._new_port_status}, a private attribute every running write of which is
   * None: PortContext's {@code __init__}, and {@code set_binding(..., status=None)}, which the
   * configured driver calls without a status; the SR-IOV driver that passes one is not
   * configured, so its code does not count. The test is false and its write not drawn. The
   * segment, which every call passes, stays a test.
   */
  @Test
  void aPrivateFieldNoRunningCodeSetsIsNone() {
    String update = standard("ports-update");
    assertFalse(update.contains("BoundStatus"), update);
    String full = wsd(workspace().action("ports-update"), Detail.FULL);
    linesInOrder(full, List.of("opt bind_context._bound_segment",
        "neutron_server->database: BoundSegment.create", "end"));
    assertFalse(full.contains("BoundStatus"), full);
  }

  /**
   * {@code with session.begin(): ...; if PortAuditEntry.objects_exist(...): return}, then a
   * write after the block: the return inside the block leaves the write out too, and a test of
   * whether records exist is a condition of the request's making (provisioning_complete's
   * publish once no block is left), never the main line.
   */
  @Test
  void aReturnInsideAWithGuardsWhatFollowsTheBlock() {
    linesInOrder(standard("ports-update"), List.of(
        "neutron_server->database: Completion.create",
        "opt not port_obj.PortAuditEntry.objects_exist(...)",
        "neutron_server->database: Completed.create", "end"));
  }

  /**
   * {@code for level in levels: level.create()} over {@code bind_context._binding_levels}, a
   * private list its class fills with what {@code _push_binding_level(binding_level)} is
   * passed: the configured driver passes a PortBindingLevel, so each level is created.
   */
  @Test
  void aPrivateListHoldsWhatItsFillerIsPassed() {
    linesInOrder(standard("ports-update"), List.of(
        "loop for level in levels", "neutron_server->database: PortBindingLevel.create", "end"));
  }

  /**
   * A publish to a key no subscriber of the deployment listens to reaches no one: nothing is
   * drawn, not even a note of the registry's function.
   */
  @Test
  void aPublishNoOneListensToDrawsNothing() {
    String network = standard("networks-create");
    assertFalse(network.contains("publish"), network);
  }

  /**
   * A parameter assigned a new object holds that object from there on: {@code network =
   * models_v2.NetworkRow(...)} then {@code context.session.add(network)} creates a NetworkRow,
   * where the resolver, reading the function as a whole, takes {@code network} for the
   * caller's dict.
   */
  @Test
  void aParameterAssignedARowIsThatRowWhenTheSessionAddsIt() {
    String standard = standard("networks-create");
    linesInOrder(standard, List.of(
        "neutron_server->database: Network.create",
        // d.get('status', 'ACTIVE'): the default is what is written unless the dict says.
        "neutron_server->database: NetworkRow.create: status = 'ACTIVE' (default)",
        "neutron_server->ovn_nb: ls_add"));
    assertFalse(standard.contains("session.add"), standard);
  }

  /**
   * The router plugin creates its interface's port with the core plugin's create_port, another
   * action's whole route: one note. Then the mixin's hook, {@code self._notify_interface_added},
   * is the router plugin's override, which adds the router port in OVN.
   */
  @Test
  void aRouterInterfaceCreatesItsPortAsThePortActionThenTheOvnRouterPort() {
    linesInOrder(standard("routers-add-router-interface"), List.of(
        "client->neutron_server: PUT /v2.0/routers/{id}/add_router_interface",
        // The API enforces the policy rule named after the method, then calls the plugin.
        "note over neutron_server: check policy: add_router_interface",
        "# neutron/db/l3_db.py:14 add_router_interface()",
        "note over neutron_server: create port (as ports-create)",
        "neutron_server->database: RouterPort.create",
        "neutron_server->ovn_nb: add_lrouter_port",
        "neutron_server-->client: HTTP 200"));
  }

  /**
   * {@code mgr = delete_port_on_error(...)}, a {@code @contextlib.contextmanager} function
   * called outside a with statement, only builds the manager: its clean-up, which runs on an
   * error in the block that enters it, is not drawn on the way that succeeds.
   */
  /**
   * The router port's helper hands the port to the core plugin's update_port two helpers
   * down: another action's whole route, said in one note, is kept at standard however deep
   * it is called, as a message to another service is.
   */
  @Test
  void anotherActionCalledDeepIsStillSaid() {
    linesInOrder(standard("routers-add-router-interface"), List.of(
        "note over neutron_server: create port (as ports-create)",
        "neutron_server->database: RouterPort.create",
        "note over neutron_server: update port (as ports-update)",
        "neutron_server-->client: HTTP 200"));
  }

  @Test
  void aContextManagerBuiltOutsideAWithRunsNothingThere() {
    String d = standard("routers-add-router-interface");
    assertFalse(d.contains("delete port on error"), d);
    assertTrue(d.contains("neutron_server->database: RouterPort.create"), d);
  }

  /** Traced on the mixin itself instead of the plugin, self's hook is the mixin's no-op. */
  @Test
  void withoutItsReceiverTheEntryMissesTheSubclassOverride() {
    ApiAction a = workspace().action("routers-add-router-interface");
    ApiAction onMixin = new ApiAction(a.name(), a.aliases(), a.httpMethod(), a.path(),
        a.requestLabel(), a.responseCode(), a.entry(), a.extensions(), null);
    String d = wsd(onMixin, Detail.STANDARD);
    assertTrue(d.contains("RouterPort.create"), d);
    assertFalse(d.contains("add_lrouter_port"), d);
  }

  /**
   * The baseline's options read "(profile)" and are no user's change; the options this tree
   * does not declare ([ml2] project_network_types, extension_drivers) are left out silently.
   */
  @Test
  void theProfilesBaselineIsSaidAsTheProfiles() {
    Settings s = workspace().settings();
    assertEquals("[DEFAULT] core_plugin = ml2 (profile)",
        s.get("DEFAULT", "core_plugin").orElseThrow().describe());
    assertEquals("[ml2] mechanism_drivers = ovn (profile)",
        s.get("ml2", "mechanism_drivers").orElseThrow().describe());
    assertEquals(List.of(), s.changed());
    assertTrue(s.get("ml2", "project_network_types").isEmpty());
    assertTrue(s.get("ml2", "extension_drivers").isEmpty());
  }

  /** Loading the tree again draws the same bytes. */
  @Test
  void theDiagramsAreDeterministic() {
    Workspace again = Workspace.load(SourceTree.of(new FolderSources(ROOT.toAbsolutePath()),
        "mini-neutron", "0.0.1", "neutron"), "ovn", null);
    for (ApiAction a : workspace().actions()) {
      assertEquals(wsd(a, Detail.FULL), WsdWriter.write(Workspace.diagram(again.trace(
          again.action(a.name()), Detail.FULL, Workspace.DEFAULT_DEPTH), Detail.FULL)));
    }
  }
}
