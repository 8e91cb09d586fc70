package dev.novatrace.nova;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.project.ActionNames;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.ResponseCodes;
import dev.novatrace.project.WsgiActions;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every action the API offers, from the code: {@code @wsgi.action('X')} methods of the
 * controllers and the REST methods of the server resources. Where the release has a routing
 * table ({@code ROUTE_LIST} in {@code nova/api/openstack/compute/routes.py}) it is the source of
 * paths and controllers; older releases load controllers as extensions, so their classes and
 * {@code ResourceExtension}/{@code ControllerExtension} registrations are read instead. There a
 * request is entered by its core controller only; the {@code @wsgi.extends} methods of controller
 * extensions edit its answer afterwards and are listed as the action's extensions.
 */
public final class ActionDiscovery {
  /** REST operations that the original collection names: mechanical name → friendly name. */
  private static final Map<String, String> REST_FRIENDLY = Map.ofEntries(
      Map.entry("servers-create", "boot"),
      Map.entry("servers-detail", "list"),
      Map.entry("servers-delete", "delete"),
      Map.entry("servers-update", "rename"),
      Map.entry("metadata-create", "meta"),
      Map.entry("volume-attachments-create", "volume-attach"),
      Map.entry("volume-attachments-delete", "volume-detach"),
      Map.entry("interface-create", "interface-attach"),
      Map.entry("interface-delete", "interface-detach"),
      Map.entry("server-external-events-create", "refresh-network"));

  /** Other names the original collection uses for API actions. */
  private static final Map<String, List<String>> ACTION_ALIASES = Map.of(
      "migrate-live", List.of("live-migrate"),
      "migrate", List.of("cold-migrate"),
      "create-image", List.of("snapshot"),
      "create-backup", List.of("backup"),
      "change-password", List.of("change-admin-password"));

  private static final String API_PACKAGE = "nova.api.openstack.compute";
  private static final String ROUTES_MODULE = API_PACKAGE + ".routes";
  private static final Set<String> REST_METHODS =
      Set.of("index", "detail", "show", "create", "update", "update_all", "delete");
  private static final Map<String, String> HTTP_OF = Map.of(
      "index", "GET", "detail", "GET", "show", "GET", "create", "POST", "update", "PUT",
      "update_all", "PUT", "delete", "DELETE");

  private final CodeIndex index;
  private final Resolver resolver;

  public ActionDiscovery(CodeIndex index, Resolver resolver) {
    this.index = index;
    this.resolver = resolver;
  }

  /** Every action, named uniquely and sorted by name. */
  public List<ApiAction> discover() {
    List<ApiAction> found = resolver.module(ROUTES_MODULE)
        .map(m -> fromRoutes(m))
        .filter(l -> !l.isEmpty())
        .orElseGet(this::fromControllers);
    return ActionNames.unique(found, "/servers");
  }

  // ---- releases with a routing table ----

  private record Route(String path, String http, ClassInfo controller, List<ClassInfo> extensions,
      String method) {}

  private List<ApiAction> fromRoutes(ModuleInfo routes) {
    List<ApiAction> actions = new ArrayList<>();
    for (Route r : routes(routes)) {
      boolean serverResource = isServerResource(r.path());
      if (r.method().equals("action")) {
        List<ClassInfo> controllers = new ArrayList<>();
        controllers.add(r.controller());
        controllers.addAll(r.extensions());
        for (ClassInfo c : controllers) {
          actions.addAll(wsgiActions(c, r.path()));
        }
      } else if (serverResource) {
        FunctionInfo f = resolver.lookupMethod(r.controller(), r.method(), null);
        if (f != null) {
          actions.add(rest(r.path(), r.http(), r.method(), f));
        }
      }
    }
    return actions;
  }

  private List<Route> routes(ModuleInfo routes) {
    List<Route> out = new ArrayList<>();
    Binding b = routes.bindings().get("ROUTE_LIST");
    if (!(b instanceof Binding.Assignment a) || !(a.value() instanceof Expr.Sequence list)) {
      return out;
    }
    Scope scope = Scope.ofModule(routes);
    for (Expr entry : list.elements()) {
      if (!(entry instanceof Expr.Sequence pair) || pair.elements().size() != 2
          || Names.string(pair.elements().get(0)) == null
          || !(pair.elements().get(1) instanceof Expr.Dict methods)) {
        continue;
      }
      String path = Names.string(pair.elements().get(0));
      for (int i = 0; i < methods.keys().size(); i++) {
        String http = Names.string(methods.keys().get(i));
        if (http != null && methods.values().get(i) instanceof Expr.Sequence target
            && target.elements().size() == 2) {
          String method = Names.string(target.elements().get(1));
          controllerOf(target.elements().get(0), routes, scope).ifPresent(c ->
              out.add(new Route(path, http, c.get(0), c.subList(1, c.size()), method)));
        }
      }
    }
    return out;
  }

  /**
   * A route's controller variable, {@code functools.partial(_create_controller, Main, [Ext...])}:
   * the main controller class first, then its extensions.
   */
  private Optional<List<ClassInfo>> controllerOf(Expr var, ModuleInfo routes, Scope scope) {
    if (!(var instanceof Expr.Name n)
        || !(routes.bindings().get(n.id()) instanceof Binding.Assignment a)
        || !(a.value() instanceof Expr.Call partial)) {
      return Optional.empty();
    }
    List<ClassInfo> classes = new ArrayList<>();
    List<Arg> args = partial.args();
    for (int i = 1; i < args.size(); i++) {
      Expr v = args.get(i).value();
      if (resolver.valueOf(v, scope) instanceof Value.ClassValue cv) {
        classes.add(cv.cls());
      } else if (v instanceof Expr.Sequence s && !classes.isEmpty()) {
        for (Expr e : s.elements()) {
          if (resolver.valueOf(e, scope) instanceof Value.ClassValue cv) {
            classes.add(cv.cls());
          }
        }
      }
    }
    return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
  }

  // ---- older releases: controllers loaded as extensions ----

  /**
   * How a module registers a controller class: {@code ResourceExtension} makes it the core
   * controller of {@code path}, whose REST methods are entries; {@code ControllerExtension} only
   * adds its {@code @wsgi.action} methods and {@code @wsgi.extends} post-processing to the
   * resource, so its plain REST-named methods are never dispatched to.
   */
  private record Registration(String path, boolean core) {}

  /** A generation's entries and the {@code @wsgi.extends} methods that run after them. */
  private record Found(List<ApiAction> actions, List<Extension> extensions) {}

  private List<ApiAction> fromControllers() {
    // The v2.1 code first; legacy_v2 only adds what v2.1 lacks, its duplicates being the same
    // actions. Each generation's extensions post-process only that generation's controllers.
    List<ApiAction> actions = new ArrayList<>(fromGeneration(false));
    Set<String> v21Names = new java.util.HashSet<>();
    actions.forEach(a -> v21Names.add(a.name()));
    fromGeneration(true).stream().filter(a -> !v21Names.contains(a.name())).forEach(actions::add);
    return actions;
  }

  private List<ApiAction> fromGeneration(boolean legacy) {
    List<ModuleInfo> modules = new ArrayList<>(index.modulesUnder(API_PACKAGE));
    modules.removeIf(m -> m.name().contains(".legacy_v2") != legacy);
    modules.sort(Comparator.comparing(ModuleInfo::name));
    List<ApiAction> actions = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    for (ModuleInfo m : modules) {
      Found found = fromModule(m);
      actions.addAll(found.actions());
      extensions.addAll(found.extensions());
    }
    return attach(actions, extensions);
  }

  private Found fromModule(ModuleInfo m) {
    List<ApiAction> actions = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    Map<String, Registration> registrations = resourceRegistrations(m);
    for (ClassInfo c : m.classes().values()) {
      Registration reg = registrations.getOrDefault(c.name(), coreByName(m, c));
      String base = reg == null ? "/servers" : reg.path();
      String actionPath = base + "/{id}/action";
      actions.addAll(wsgiActions(c, actionPath));
      extensions.addAll(extensionsOf(c, base, actionPath));
      if (reg != null && reg.core() && isServerResource(base)) {
        for (FunctionInfo f : c.methods().values()) {
          if (REST_METHODS.contains(f.name()) && !WsgiActions.extendsCore(f)) {
            actions.add(rest(restPathFor(base, f.name()), HTTP_OF.get(f.name()), f.name(), f));
          }
        }
      }
    }
    return new Found(actions, extensions);
  }

  /** The servers controllers legacy_v2 wires up in its router instead of registering them. */
  private static Registration coreByName(ModuleInfo m, ClassInfo c) {
    boolean servers = c.name().equals("ServersController")
        || (c.name().equals("Controller") && m.name().endsWith(".servers"));
    return servers ? new Registration("/servers", true) : null;
  }

  /** The {@code @wsgi.extends} methods of a controller, keyed by the request they extend. */
  private static List<Extension> extensionsOf(ClassInfo c, String base, String actionPath) {
    List<Extension> out = new ArrayList<>();
    for (FunctionInfo f : c.methods().values()) {
      if (!WsgiActions.extendsCore(f)) {
        continue;
      }
      Optional<String> key = WsgiActions.extendedActionKey(f);
      if (key.isPresent()) {
        out.add(new Extension(actionPath, key.get(), f));
      } else if (REST_METHODS.contains(f.name())) {
        String path = restPathFor(base, f.name());
        out.add(new Extension(path, HTTP_OF.get(f.name()) + " " + path, f));
      }
    }
    return out;
  }

  /** The resources whose REST methods are actions: servers and what hangs off them. */
  private static boolean isServerResource(String path) {
    return path.startsWith("/servers") || path.startsWith("/os-server-external-events");
  }

  private static String restPathFor(String base, String method) {
    return switch (method) {
      case "detail" -> base + "/detail";
      case "show", "update", "delete" -> base + "/{id}";
      default -> base;
    };
  }

  /**
   * {@code ResourceExtension('os-interface', Controller(), parent=dict(member_name='server',
   * collection_name='servers'))} → controller class name → {@code /servers/{server_id}/os-interface},
   * core; {@code ControllerExtension(self, 'servers', Controller())} → class name →
   * {@code /servers}, not core.
   */
  private Map<String, Registration> resourceRegistrations(ModuleInfo m) {
    Map<String, Registration> out = new HashMap<>();
    Scope scope = Scope.ofModule(m);
    dev.novatrace.index.StatementWalker.forEach(allBodies(m), s -> {
      for (Expr e : expressionsOf(s)) {
        collectRegistrations(e, scope, out);
      }
    });
    return out;
  }

  private static List<Stmt> allBodies(ModuleInfo m) {
    List<Stmt> out = new ArrayList<>(m.ast().body());
    for (ClassInfo c : m.classes().values()) {
      for (FunctionInfo f : c.methods().values()) {
        out.addAll(f.ast().body());
      }
    }
    return out;
  }

  private static List<Expr> expressionsOf(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return List.of(a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      return List.of(e.value());
    } else if (s instanceof Stmt.Return r && r.value() != null) {
      return List.of(r.value());
    }
    return List.of();
  }

  private void collectRegistrations(Expr e, Scope scope, Map<String, Registration> out) {
    if (!(e instanceof Expr.Call c)) {
      if (e instanceof Expr.Sequence s) {
        s.elements().forEach(x -> collectRegistrations(x, scope, out));
      }
      return;
    }
    String name = Names.simpleName(c.func());
    List<Expr> positional = c.args().stream()
        .filter(a -> a.kind() == Arg.Kind.POSITIONAL).map(Arg::value).toList();
    if ("ResourceExtension".equals(name) && positional.size() >= 2) {
      String alias = stringValue(positional.get(0), scope);
      String controller = Names.simpleName(positional.get(1));
      String parent = null;
      for (Arg a : c.args()) {
        if ("parent".equals(a.keyword()) && mentionsServers(a.value())) {
          parent = "/servers/{server_id}/";
        }
      }
      if (alias != null && controller != null) {
        out.put(controller, new Registration(alias.equals("servers") ? "/servers"
            : parent != null ? parent + alias : "/" + alias, true));
      }
    } else if ("ControllerExtension".equals(name) && positional.size() >= 3) {
      String collection = stringValue(positional.get(1), scope);
      String controller = Names.simpleName(positional.get(2));
      if (collection != null && controller != null) {
        out.put(controller, new Registration("/" + collection, false));
      }
    }
    c.args().forEach(a -> collectRegistrations(a.value(), scope, out));
  }

  private static boolean mentionsServers(Expr e) {
    if (e instanceof Expr.Call c) {
      return c.args().stream().anyMatch(a -> "servers".equals(Names.string(a.value())));
    }
    if (e instanceof Expr.Dict d) {
      return d.values().stream().anyMatch(v -> "servers".equals(Names.string(v)));
    }
    return false;
  }

  private String stringValue(Expr e, Scope scope) {
    return resolver.valueOf(e, scope) instanceof Value.StringValue s ? s.value() : null;
  }

  // ---- shared ----

  /** An {@code @wsgi.extends} method and the request (path and label) whose answer it edits. */
  private record Extension(String path, String requestLabel, FunctionInfo method) {}

  /** Each action with the extensions of its request; an extension of no action is dropped. */
  private static List<ApiAction> attach(List<ApiAction> actions, List<Extension> extensions) {
    Map<List<String>, List<FunctionInfo>> byRequest = new HashMap<>();
    for (Extension e : extensions) {
      byRequest.computeIfAbsent(List.of(e.path(), e.requestLabel()), k -> new ArrayList<>())
          .add(e.method());
    }
    return actions.stream().map(a -> {
      List<FunctionInfo> ext = byRequest.get(List.of(a.path(), a.requestLabel()));
      return ext == null ? a : a.withExtensions(ext);
    }).toList();
  }

  private List<ApiAction> wsgiActions(ClassInfo controller, String path) {
    List<ApiAction> out = new ArrayList<>();
    for (FunctionInfo f : controller.methods().values()) {
      WsgiActions.key(f).ifPresent(key -> {
        String name = ActionNames.kebab(key);
        out.add(new ApiAction(name, ACTION_ALIASES.getOrDefault(name, List.of()),
            "POST", path, key, ResponseCodes.of(f), f));
      });
    }
    return out;
  }

  private ApiAction rest(String path, String http, String method, FunctionInfo f) {
    String mechanical = ActionNames.rest(path, method);
    String friendly = REST_FRIENDLY.get(mechanical);
    String name = friendly != null ? friendly : mechanical;
    List<String> aliases = friendly != null ? List.of(mechanical) : List.of();
    return new ApiAction(name, aliases, http, path, http + " " + path, ResponseCodes.of(f), f);
  }

}
