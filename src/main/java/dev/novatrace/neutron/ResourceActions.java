package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of one collection: the five operations and its actions, each named
 * {@code <collection>-<op>} ({@code _} as {@code -}, a sub-resource after its parent:
 * {@code ports-bindings-activate}), with its request and the method it enters.
 *
 * <p>A generic controller ({@code base.Controller}, and pecan's controllers for the core
 * collections) calls {@code get_<collection>} (list), {@code get_<resource>} (show),
 * {@code create_|update_|delete_<resource>}, with {@code _<parent member>} before the resource
 * for a sub-resource ({@code get_port_bindings}), and a member action's own name
 * ({@code add_router_interface}), on the serving plugin. An operation whose method the plugin
 * does not implement ({@link ResourceBodies}) is no action: {@code availability_zones} is
 * read-only, {@code L3RouterPlugin} has no {@code add_external_gateways}. A custom controller
 * ({@code resource.Resource(XController())}) runs its own {@code index}, {@code show},
 * {@code create}, {@code update}, {@code delete} and action methods.
 */
final class ResourceActions {
  private static final String API = "/v2.0";

  private final ResourceValues values;
  private final Resolver resolver;

  ResourceActions(ResourceValues values) {
    this.values = values;
    this.resolver = values.resolver();
  }

  /** The actions of {@code decl}, served by {@code serving} (a plugin or controller class). */
  List<ApiAction> of(ResourceDecl decl, ClassInfo serving) {
    String base = API + prefix(decl, serving) + parentPath(decl.parent()) + "/"
        + decl.collection();
    String name = (decl.parent() == null ? "" : decl.parent().collection() + "-")
        + decl.collection();
    Ops ops = new Ops(resolver, name.replace('_', '-'), base, serving,
        new ArrayList<>());
    if (decl.controller() instanceof ResourceDecl.PluginBacked generic) {
      String parent = generic.parent() == null ? "" : "_" + generic.parent().member();
      String coll = generic.collection().replace('-', '_');
      String res = generic.resource().replace('-', '_');
      standard(ops, "get" + parent + "_" + coll, "get" + parent + "_" + res,
          "create" + parent + "_" + res, "update" + parent + "_" + res,
          "delete" + parent + "_" + res);
    } else {
      standard(ops, "index", "show", "create", "update", "delete");
      decl.collectionActions().forEach((action, verb) ->
          ops.add(action, verb, "/" + action, action));
      decl.collectionMethods().forEach((method, verb) -> ops.add(method, verb, "", method));
    }
    decl.memberActions().forEach((action, verb) ->
        ops.add(action, verb, "/{id}/" + action, action));
    return ops.actions();
  }

  private static void standard(Ops ops, String list, String show, String create, String update,
      String delete) {
    ops.add("create", "POST", "", create);
    ops.add("list", "GET", "", list);
    ops.add("show", "GET", "/{id}", show);
    ops.add("update", "PUT", "/{id}", update);
    ops.add("delete", "DELETE", "/{id}", delete);
  }

  /** The declared prefix, or the plugin's {@code path_prefix} ({@code /qos}) when it asks. */
  private String prefix(ResourceDecl decl, ClassInfo serving) {
    if (decl.pathPrefix() != null) {
      return decl.pathPrefix();
    }
    return values.attribute(new Value.ClassValue(serving), "path_prefix") instanceof String p
        ? p : "";
  }

  /** {@code /ports/{port_id}}: Neutron's routes put the parent's member id in the path. */
  private static String parentPath(ResourceDecl.Parent parent) {
    return parent == null ? "" : "/" + parent.collection() + "/{" + parent.member() + "_id}";
  }

  /** The actions of one collection being collected. */
  private record Ops(Resolver resolver, String name, String base, ClassInfo serving,
      List<ApiAction> actions) {

    void add(String op, String verb, String suffix, String method) {
      FunctionInfo entry = ResourceBodies.implementation(resolver, serving, method);
      if (entry == null) {
        return;
      }
      String path = base + suffix;
      String code = "create".equals(op) ? "201" : "delete".equals(op) ? "204" : "200";
      actions.add(new ApiAction(name + "-" + op.replace('_', '-'), List.of(), verb, path,
          verb + " " + path, code, entry, List.of(), serving));
    }
  }
}
