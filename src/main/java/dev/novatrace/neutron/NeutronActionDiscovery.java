package dev.novatrace.neutron;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Resolver;
import java.util.ArrayList;
import java.util.List;

/** PLACEHOLDER until the discovery lands: the core collections only. */
public final class NeutronActionDiscovery {
  private final Resolver resolver;
  private final Plugins plugins;

  public NeutronActionDiscovery(CodeIndex index, Resolver resolver, Plugins plugins) {
    this.resolver = resolver;
    this.plugins = plugins;
  }

  public List<ApiAction> discover() {
    List<ApiAction> out = new ArrayList<>();
    for (String[] r : new String[][] {{"networks", "network"}, {"ports", "port"},
        {"subnets", "subnet"}}) {
      add(out, r[0] + "-create", "POST", "/v2.0/" + r[0], "201", "create_" + r[1],
          plugins.core());
      add(out, r[0] + "-update", "PUT", "/v2.0/" + r[0] + "/{id}", "200", "update_" + r[1],
          plugins.core());
      add(out, r[0] + "-delete", "DELETE", "/v2.0/" + r[0] + "/{id}", "204", "delete_" + r[1],
          plugins.core());
    }
    var l3 = plugins.services().get("L3_ROUTER_NAT");
    if (l3 != null) {
      add(out, "routers-add-router-interface", "PUT", "/v2.0/routers/{id}/add_router_interface",
          "200", "add_router_interface", l3);
      add(out, "floatingips-create", "POST", "/v2.0/floatingips", "201", "create_floatingip", l3);
      add(out, "routers-create", "POST", "/v2.0/routers", "201", "create_router", l3);
    }
    out.sort(java.util.Comparator.comparing(ApiAction::name));
    return out;
  }

  private void add(List<ApiAction> out, String name, String http, String path, String code,
      String method, dev.novatrace.index.ClassInfo cls) {
    FunctionInfo fn = resolver.lookupMethod(cls, method, null);
    if (fn != null) {
      out.add(new ApiAction(name, List.of(), http, path, http + " " + path, code, fn, List.of(),
          cls));
    }
  }
}
