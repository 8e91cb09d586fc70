package dev.novatrace.neutron;

import dev.novatrace.project.TypeTables;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's type hints, as data: what the plugins look each other up as at run time
 * ({@code directory.get_plugin()}, {@code self._core_plugin}), the agent notifier ML2 builds
 * once its RPC starts, and what conventionally named parameters hold.
 */
final class NeutronTypeHints {
  static final String ML2 = "neutron.plugins.ml2.plugin.Ml2Plugin";
  private static final String OVN =
      "neutron.plugins.ml2.drivers.ovn.mech_driver.mech_driver.OVNMechanismDriver";
  private static final String OVSDB_MONITOR =
      "neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb.ovsdb_monitor";

  private NeutronTypeHints() {}

  /**
   * The tables for a deployment whose L3 plugin is {@code l3Plugin} (null for none): the core
   * plugin is ML2 in every baseline.
   */
  static TypeTables of(String l3Plugin) {
    Map<String, List<String>> parameters = Map.ofEntries(
        // neutron_lib.plugins.utils.create_port(core_plugin, context, port): the core plugin.
        Map.entry("core_plugin", List.of(ML2)),
        Map.entry("plugin", List.of(ML2)));
    // directory.get_plugin() with no argument is the core plugin.
    Map<String, List<String>> factories = Map.of(
        "neutron_lib.plugins.directory.get_plugin", List.of(ML2));
    Map<String, Map<String, String>> attributes = new java.util.HashMap<>();
    // ML2's agent notifier: 17 assigns AgentNotifierApi when its RPC starts; 29 forwards to it
    // through RPCNotifierHandler's __getattr__.
    attributes.put(ML2, Map.of("notifier", "neutron.plugins.ml2.rpc.AgentNotifierApi"));
    // ML2's OVO change handlers are each handed the server's push API
    // (_ObjectChangeHandler(res, obj_class, self._rpc_pusher) in ovo_rpc.py).
    attributes.put("neutron.plugins.ml2.ovo_rpc._ObjectChangeHandler", Map.of(
        "_resource_push_api", "neutron.api.rpc.handlers.resources_rpc.ResourcesPushRpcApi"));
    // The northbound monitor's events are each handed the OVN mechanism driver that starts it
    // (LogicalSwitchPortUpdateUpEvent(driver) in OvnNbIdl's set-up).
    for (String event : List.of("LogicalSwitchPortUpdateUpEvent", "LogicalSwitchPortCreateEvent",
        "LogicalSwitchPortCreateDownEvent")) {
      attributes.put(OVSDB_MONITOR + "." + event, Map.of("driver", OVN));
    }
    // The L3 mixins' _core_plugin property is directory.get_plugin(): ML2.
    for (String l3 : List.of("neutron.db.l3_db.L3_NAT_dbonly_mixin",
        "neutron.db.l3_db.L3_NAT_db_mixin")) {
      attributes.put(l3, Map.of("_core_plugin", ML2));
    }
    if (l3Plugin != null) {
      attributes.put(l3Plugin, Map.of("_core_plugin", ML2));
      // A router flavor's provider is handed the L3 plugin that loads it.
      attributes.put("neutron.services.l3_router.service_providers.base.L3ServiceProvider",
          Map.of("l3plugin", l3Plugin));
    }
    return new TypeTables(parameters, factories, Map.copyOf(attributes), List.of(), Set.of(),
        "", List.of("neutron.objects"));
  }
}
