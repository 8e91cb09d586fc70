package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Value;

/**
 * The plugin type a service plugin is registered under: what its {@code get_plugin_type()}
 * returns ({@code plugin_constants.L3}, i.e. {@code "L3_ROUTER_NAT"}), as NeutronManager
 * registers each service plugin in the plugin directory. A plugin whose method returns no
 * string the code tells is registered under its class name.
 */
final class PluginTypes {
  private PluginTypes() {}

  static String of(ClassInfo plugin, Resolver resolver) {
    FunctionInfo fn = resolver.lookupMethod(plugin, "get_plugin_type", null);
    if (fn != null) {
      for (Stmt s : fn.ast().body()) {
        if (s instanceof Stmt.Return r && r.value() != null
            && resolver.valueOf(r.value(), resolver.scopeOf(fn)) instanceof Value.StringValue v) {
          return v.value();
        }
      }
    }
    return plugin.qualifiedName();
  }
}
