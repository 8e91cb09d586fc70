package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Neutron's API actions, found statically from the code a deployment loads (design note
 * §2.2): the extensions whose alias a loaded plugin supports
 * ({@link ExtensionAliases}, {@link ExtensionDescriptors}), the collections their
 * {@code get_resources()} declares ({@link ResourceScript}), plus the
 * core collections pecan serves ({@code neutron.pecan_wsgi.startup.RESOURCES}: networks,
 * subnets, subnetpools, ports) on the core plugin. Each operation becomes an action entering
 * the serving plugin's method ({@link ResourceActions}); a collection whose plugin the
 * deployment does not load has none.
 */
public final class NeutronActionDiscovery {
  private static final String STARTUP = "neutron.pecan_wsgi.startup";
  private static final String CORE = "CORE";

  private final Resolver resolver;
  private final Plugins plugins;
  private final ResourceValues values;
  private final ResourceScript script;
  private final ExtensionDescriptors descriptors;

  public NeutronActionDiscovery(CodeIndex index, Resolver resolver, Plugins plugins) {
    if (resolver.index() != index) {
      throw new IllegalArgumentException("the resolver reads another index");
    }
    this.resolver = resolver;
    this.plugins = plugins;
    this.values = new ResourceValues(resolver);
    this.script = new ResourceScript(values);
    this.descriptors = new ExtensionDescriptors(values);
  }

  /** Every action, sorted by name; names are unique. */
  public List<ApiAction> discover() {
    Map<String, ApiAction> byName = new TreeMap<>();
    ResourceActions actions = new ResourceActions(values);
    for (ResourceDecl decl : collections()) {
      ClassInfo serving = serving(decl.controller());
      if (serving != null) {
        actions.of(decl, serving).forEach(a -> byName.putIfAbsent(a.name(), a));
      }
    }
    return List.copyOf(byName.values());
  }

  /** The aliases of the extensions the deployment loads, in the loader's order. */
  List<String> loadedAliases() {
    Set<String> supported = new ExtensionAliases(values).supported(plugins);
    List<String> out = new ArrayList<>();
    for (ExtensionDescriptors.Descriptor d : descriptors.all()) {
      if (supported.contains(d.alias()) || descriptors.customChecked().contains(d.alias())) {
        out.add(d.alias());
      }
    }
    return out;
  }

  /** What the loaded extensions' {@code get_resources()} could not be read for. */
  List<String> unread() {
    return script.unread();
  }

  /**
   * Every declared collection: the loaded extensions' in the loader's order, then the core
   * ones. A collection may be declared more than once (routers by {@code router} and
   * {@code extraroute-atomic}, subnetpools by {@code subnet_onboard},
   * {@code subnetpool-prefix-ops} and pecan, quotas by {@code quotas} and
   * {@code quota_details}); the routes mapper tries the declarations in this order, so the
   * first one that serves an operation is the action, and each brings its own actions.
   */
  List<ResourceDecl> collections() {
    List<String> loaded = loadedAliases();
    List<ResourceDecl> out = new ArrayList<>();
    for (ExtensionDescriptors.Descriptor d : descriptors.all()) {
      if (!loaded.contains(d.alias())) {
        continue;
      }
      FunctionInfo getResources = resolver.lookupMethod(d.cls(), "get_resources", null);
      if (getResources != null) {
        out.addAll(script.collections(getResources, d.cls()));
      }
    }
    out.addAll(core());
    return out;
  }

  /** The core collections pecan builds controllers for, on the core plugin. */
  private List<ResourceDecl> core() {
    List<ResourceDecl> out = new ArrayList<>();
    ModuleInfo startup = resolver.index().module(STARTUP).orElse(null);
    if (startup != null && values.member(startup, "RESOURCES") instanceof Map<?, ?> resources) {
      resources.forEach((resource, collection) -> {
        if (resource instanceof String res && collection instanceof String coll) {
          out.add(new ResourceDecl(coll, null, "", new ResourceDecl.PluginBacked(
              new ResourceDecl.PluginType(CORE), coll, res, null), Map.of(), Map.of(), Map.of()));
        }
      });
    }
    return out;
  }

  /** The class whose methods serve a controller's requests, or null when it is not loaded. */
  private ClassInfo serving(ResourceDecl.Controller controller) {
    if (controller instanceof ResourceDecl.Custom custom) {
      return custom.cls();
    }
    ResourceDecl.ServedBy by = ((ResourceDecl.PluginBacked) controller).plugin();
    if (by instanceof ResourceDecl.PluginClass pc) {
      return pc.cls();
    }
    String type = ((ResourceDecl.PluginType) by).type();
    return CORE.equals(type) ? plugins.core() : plugins.services().get(type);
  }
}
