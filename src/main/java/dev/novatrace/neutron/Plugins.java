package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugins a deployment loads: the core plugin, and each service plugin by its plugin type
 * (the string its {@code get_plugin_type()} returns, e.g. {@code "L3_ROUTER_NAT"}), plus the ML2
 * extension drivers and mechanism drivers (their supported aliases count), in configuration
 * order. Neutron's {@code NeutronManager} registers each service plugin in the plugin directory
 * under that type, and {@code directory.get_plugin(type)} is how an API resource finds the
 * plugin that serves it.
 */
public record Plugins(ClassInfo core, Map<String, ClassInfo> services,
    List<ClassInfo> extensionDrivers, List<ClassInfo> mechanismDrivers) {

  public Plugins {
    // Sorted by type so that nothing downstream depends on the caller's map order.
    services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
    extensionDrivers = List.copyOf(extensionDrivers);
    mechanismDrivers = List.copyOf(mechanismDrivers);
  }
}
