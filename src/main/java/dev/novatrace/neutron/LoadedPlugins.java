package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.trace.Resolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classes a deployment loads, by name: the core plugin, the service plugins (each served
 * under the plugin type its {@code get_plugin_type()} returns), the ML2 mechanism and
 * extension drivers. Names are entry points ({@link EntryPoints}); the classes are found in the
 * indexed tree when asked.
 */
record LoadedPlugins(String core, List<String> services, List<String> mechanismDrivers,
    List<String> extensionDrivers, List<String> typeDrivers) {

  /**
   * The service plugins ML2 loads beside the configured ones, since it keeps its own datastore
   * ({@code neutron/plugins/common/constants.py} DEFAULT_SERVICE_PLUGINS, 17.2.1 and 29.0.0).
   */
  static final List<String> DEFAULT_SERVICES = List.of("auto_allocate", "tag", "timestamp",
      "network_ip_availability", "flavors", "revisions");

  static LoadedPlugins of(Deployment d, EntryPoints names) {
    List<String> services = new ArrayList<>();
    for (String s : concat(d.servicePlugins(), DEFAULT_SERVICES)) {
      names.className("neutron.service_plugins", s).ifPresent(services::add);
    }
    return new LoadedPlugins(
        names.className("neutron.core_plugins", d.corePlugin()).orElse(NeutronTypeHints.ML2),
        List.copyOf(services),
        names.className("neutron.ml2.mechanism_drivers", d.mechanismDriver()).stream().toList(),
        classes(names, "neutron.ml2.extension_drivers", d.extensionDrivers()),
        classes(names, "neutron.ml2.type_drivers", d.projectNetworkTypes()));
  }

  private static List<String> classes(EntryPoints names, String section, List<String> which) {
    return which.stream().flatMap(e -> names.className(section, e).stream()).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  /** The L3 plugin's class, if one is loaded: the first service plugin of the router kind. */
  String l3() {
    return services.stream().filter(s -> s.contains("l3")).findFirst().orElse(null);
  }

  /** The classes, found in the tree; empty when it has no core plugin class. */
  Optional<Plugins> resolve(Resolver resolver) {
    Optional<ClassInfo> core = resolver.classNamed(this.core);
    if (core.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ClassInfo> byType = new LinkedHashMap<>();
    for (String s : services) {
      resolver.classNamed(s).ifPresent(c -> byType.putIfAbsent(PluginTypes.of(c, resolver), c));
    }
    return Optional.of(new Plugins(core.get(), byType,
        found(extensionDrivers, resolver), found(mechanismDrivers, resolver)));
  }

  /** What each ML2 manager calls: its configured drivers' classes, found in the tree. */
  DriverDispatch dispatch(Resolver resolver) {
    return new DriverDispatch(Map.of("MechanismManager", found(mechanismDrivers, resolver),
        "ExtensionManager", found(extensionDrivers, resolver),
        "TypeManager", found(typeDrivers, resolver)), resolver);
  }

  private static List<ClassInfo> found(List<String> names, Resolver resolver) {
    return names.stream().flatMap(n -> resolver.classNamed(n).stream()).toList();
  }
}
