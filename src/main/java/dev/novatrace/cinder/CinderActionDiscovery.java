package dev.novatrace.cinder;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every action Cinder's API offers, from the code. The v3 router
 * ({@code cinder/api/v3/router.py}) maps each core resource to its controller
 * ({@code self.resources['volumes'] = volumes.create_resource(ext_mgr)},
 * {@code mapper.resource("volume", "volumes", controller=self.resources['volumes'])}); the
 * extensions of {@code cinder/api/contrib/} add resources ({@code ResourceExtension}) and
 * actions on existing ones ({@code ControllerExtension(self, 'volumes', VolumeActionsController())}).
 * Every {@code @wsgi.action('os-extend')} of those controllers is an action
 * ({@code POST /volumes/{id}/action}); the REST methods of the resources whose lifecycle the
 * diagrams are about (volumes, snapshots, backups, attachments) are actions too.
 */
final class CinderActionDiscovery {
  private static final String ROUTER = "cinder.api.v3.router";
  private static final String CONTRIB = "cinder.api.contrib";
  /** The resource the API is about: its actions keep their bare names. */
  private static final String PRIMARY = "volumes";
  /** Resources whose REST methods are actions: a volume's life and what hangs off it. */
  private static final Set<String> REST_RESOURCES =
      Set.of("volumes", "snapshots", "backups", "attachments");
  private static final List<String> REST_METHODS =
      List.of("index", "detail", "show", "create", "update", "delete");
  private static final Map<String, String> HTTP_OF = Map.of(
      "index", "GET", "detail", "GET", "show", "GET", "create", "POST", "update", "PUT",
      "delete", "DELETE");

  private final CodeIndex index;
  private final Resolver resolver;
  /** Actions of the extra routes resource extensions declare ({@link #customActions}). */
  private final List<ApiAction> custom = new ArrayList<>();

  CinderActionDiscovery(CodeIndex index, Resolver resolver) {
    this.index = index;
    this.resolver = resolver;
  }

  /** A collection ({@code volumes}) and the controller classes that answer on it. */
  private record Resource(String collection, ClassInfo core, List<ClassInfo> extensions) {}

  List<ApiAction> discover() {
    Map<String, Resource> resources = new LinkedHashMap<>();
    resolver.module(ROUTER).ifPresent(m -> coreResources(m, resources));
    List<ModuleInfo> contrib = new ArrayList<>(index.modulesUnder(CONTRIB));
    contrib.sort(Comparator.comparing(ModuleInfo::name));
    for (ModuleInfo m : contrib) {
      extensions(m, resources);
    }
    List<ApiAction> actions = new ArrayList<>();
    for (Resource r : resources.values()) {
      String base = "/" + r.collection();
      List<ClassInfo> controllers = new ArrayList<>();
      if (r.core() != null) {
        controllers.add(r.core());
      }
      controllers.addAll(r.extensions());
      for (ClassInfo c : controllers) {
        actions.addAll(wsgiActions(c, base + "/{id}/action", r.collection()));
      }
      if (r.core() != null && REST_RESOURCES.contains(r.collection())) {
        for (String method : REST_METHODS) {
          FunctionInfo f = resolver.lookupMethod(r.core(), method, null);
          if (f != null && !f.module().path().startsWith("cinder/api/openstack/")) {
            String path = switch (method) {
              case "detail" -> base + "/detail";
              case "show", "update", "delete" -> base + "/{id}";
              default -> base;
            };
            String http = HTTP_OF.get(method);
            actions.add(new ApiAction(ActionNames.rest(path, method), List.of(), http, path,
                http + " " + path, ResponseCodes.of(f), f));
          }
        }
      }
    }
    actions.addAll(custom);
    return ActionNames.unique(actions, "/" + PRIMARY);
  }

  // ---- the v3 router ----

  /**
   * {@code self.resources['K'] = mod.create_resource(...)} gives K's controller (the class
   * {@code create_resource} wraps in {@code wsgi.Resource(Cls(...))}); {@code
   * mapper.resource("member", "collection", controller=self.resources['K'])} gives its path.
   */
  private void coreResources(ModuleInfo router, Map<String, Resource> out) {
    Scope scope = Scope.ofModule(router);
    Map<String, ClassInfo> controllers = new HashMap<>();
    for (ClassInfo c : router.classes().values()) {
      for (FunctionInfo f : c.methods().values()) {
        StatementWalker.forEach(f.ast().body(), s -> {
          if (s instanceof Stmt.Assign a && a.targets().size() == 1
              && resourceKey(a.targets().get(0)) != null && a.value() instanceof Expr.Call call) {
            wrapped(call, scope).ifPresent(cls -> controllers.put(resourceKey(a.targets().get(0)), cls));
          } else if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call
              && "resource".equals(Names.simpleName(call.func()))) {
            String collection = positionalString(call, 1);
            String key = null;
            for (Arg arg : call.args()) {
              if ("controller".equals(arg.keyword())) {
                key = resourceKey(arg.value());
              }
            }
            if (collection != null && key != null && controllers.containsKey(key)) {
              out.putIfAbsent(collection, new Resource(collection, controllers.get(key),
                  new ArrayList<>()));
            }
          }
        });
      }
    }
  }

  /** {@code self.resources['volumes']} → volumes. */
  private static String resourceKey(Expr e) {
    return e instanceof Expr.Subscript s && Names.dotted(s.value()) != null
        && Names.dotted(s.value()).endsWith("resources") ? Names.string(s.index()) : null;
  }

  /** The controller class a {@code create_resource()} returns inside {@code wsgi.Resource(...)}. */
  private Optional<ClassInfo> wrapped(Expr.Call call, Scope scope) {
    if (!(resolver.valueOf(call.func(), scope) instanceof Value.FunctionValue fv)) {
      return Optional.empty();
    }
    FunctionInfo f = fv.function();
    ClassInfo[] found = {null};
    StatementWalker.forEach(f.ast().body(), s -> {
      if (found[0] == null && s instanceof Stmt.Return r && r.value() instanceof Expr.Call res
          && !res.args().isEmpty() && res.args().get(0).value() instanceof Expr.Call ctor
          && resolver.valueOf(ctor.func(), Scope.ofFunction(f)) instanceof Value.ClassValue cv) {
        found[0] = cv.cls();
      }
    });
    return Optional.ofNullable(found[0]);
  }

  // ---- contrib extensions ----

  /**
   * {@code ResourceExtension(alias, Controller(), ...)} adds a resource unless the router has
   * one of that name already (the router's comes first in the mapper, so it answers);
   * {@code ControllerExtension(self, 'volumes', Controller())} adds actions to one.
   */
  private void extensions(ModuleInfo m, Map<String, Resource> out) {
    Scope scope = Scope.ofModule(m);
    for (ClassInfo c : m.classes().values()) {
      for (FunctionInfo f : c.methods().values()) {
        StatementWalker.forEach(f.ast().body(), s -> calls(s).forEach(call -> {
          String name = Names.simpleName(call.func());
          if ("ResourceExtension".equals(name)) {
            String alias = alias(call, m, scope);
            Optional<ClassInfo> cls = controller(call, 1, f, scope);
            if (alias != null && cls.isPresent()) {
              out.putIfAbsent(alias, new Resource(alias, cls.get(), new ArrayList<>()));
              customActions(call, alias, cls.get());
            }
          } else if ("ControllerExtension".equals(name)) {
            String collection = positionalString(call, 1);
            Optional<ClassInfo> cls = controller(call, 2, f, scope);
            if (collection != null && cls.isPresent()) {
              extend(out, collection, cls.get());
            } else {
              perClass(call, f, m).forEach((k, coll) -> extend(out, coll, k));
            }
          }
        }));
      }
    }
  }

  private static void extend(Map<String, Resource> out, String collection, ClassInfo cls) {
    out.computeIfAbsent(collection, k -> new Resource(k, null, new ArrayList<>()))
        .extensions().add(cls);
  }

  /**
   * Older releases register several controllers in a loop over their classes, each naming its
   * collection in a class attribute: {@code for class_ in (VolumeAdminController, ...):
   * ControllerExtension(self, class_.collection, class_())}. Class → collection.
   */
  private Map<ClassInfo, String> perClass(Expr.Call call, FunctionInfo f, ModuleInfo m) {
    Map<ClassInfo, String> out = new LinkedHashMap<>();
    List<Expr> positional = positional(call);
    if (positional.size() < 2 || !(positional.get(1) instanceof Expr.Attribute attr)
        || !(attr.value() instanceof Expr.Name loopVar)) {
      return out;
    }
    StatementWalker.forEach(f.ast().body(), st -> {
      if (st instanceof Stmt.For loop && loop.target() instanceof Expr.Name t
          && t.id().equals(loopVar.id()) && loop.iter() instanceof Expr.Sequence classes) {
        for (Expr e : classes.elements()) {
          ClassInfo c = e instanceof Expr.Name n ? m.classes().get(n.id()) : null;
          String collection = c == null ? null : classAttribute(c, attr.attr());
          if (collection != null) {
            out.put(c, collection);
          }
        }
      }
    });
    return out;
  }

  /** A string a class (or a base of it) assigns to {@code name} in its body. */
  private String classAttribute(ClassInfo cls, String name) {
    for (ClassInfo c : resolver.mro(cls)) {
      for (Stmt st : c.ast().body()) {
        if (st instanceof Stmt.Assign as && as.targets().size() == 1
            && as.targets().get(0) instanceof Expr.Name n && n.id().equals(name)
            && Names.string(as.value()) != null) {
          return Names.string(as.value());
        }
      }
    }
    return null;
  }

  /**
   * The extra routes a resource extension declares ({@code member_actions={'restore': 'POST'}},
   * {@code collection_actions={'import_record': 'POST'}}): each is an action of its controller
   * ({@code backups-restore}, {@code POST /backups/{id}/restore}), for the resources whose REST
   * methods are actions. The extension's routes are mapped after the router's, so they answer
   * for the paths the router's resource does not have.
   */
  private void customActions(Expr.Call call, String collection, ClassInfo controller) {
    if (!REST_RESOURCES.contains(collection)) {
      return;
    }
    for (Arg a : call.args()) {
      boolean member = "member_actions".equals(a.keyword());
      if ((member || "collection_actions".equals(a.keyword())) && a.value() instanceof Expr.Dict d) {
        for (int i = 0; i < d.keys().size(); i++) {
          String method = Names.string(d.keys().get(i));
          String http = Names.string(d.values().get(i));
          if (method == null || http == null || method.equals("action") || method.equals("detail")) {
            continue;
          }
          FunctionInfo f = resolver.lookupMethod(controller, method, null);
          if (f != null) {
            String path = "/" + collection + (member ? "/{id}/" : "/") + method;
            custom.add(new ApiAction(ActionNames.kebab(collection) + "-" + ActionNames.kebab(method),
                List.of(), http, path, http + " " + path, ResponseCodes.of(f), f));
          }
        }
      }
    }
  }

  /** Every call in a statement's expressions, outermost first. */
  private static List<Expr.Call> calls(Stmt s) {
    List<Expr.Call> out = new ArrayList<>();
    List<Expr> roots = new ArrayList<>();
    if (s instanceof Stmt.Assign a) {
      roots.add(a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      roots.add(e.value());
    } else if (s instanceof Stmt.Return r && r.value() != null) {
      roots.add(r.value());
    }
    while (!roots.isEmpty()) {
      Expr e = roots.remove(0);
      if (e instanceof Expr.Call c) {
        out.add(c);
        c.args().forEach(a -> roots.add(a.value()));
      } else if (e instanceof Expr.Sequence seq) {
        roots.addAll(seq.elements());
      }
    }
    return out;
  }

  /** The alias: a string, or the descriptor's {@code alias} class attribute. */
  private String alias(Expr.Call call, ModuleInfo m, Scope scope) {
    List<Expr> positional = positional(call);
    if (positional.isEmpty()) {
      return null;
    }
    Expr first = positional.get(0);
    if (resolver.valueOf(first, scope) instanceof Value.StringValue s) {
      return s.value();
    }
    if (first instanceof Expr.Attribute a && a.value() instanceof Expr.Name owner
        && m.classes().get(owner.id()) != null) {
      for (Stmt st : m.classes().get(owner.id()).ast().body()) {
        if (st instanceof Stmt.Assign as && as.targets().size() == 1
            && as.targets().get(0) instanceof Expr.Name n && n.id().equals(a.attr())) {
          return Names.string(as.value());
        }
      }
    }
    return null;
  }

  /**
   * The class of the controller an extension registers: built in place
   * ({@code ControllerExtension(self, 'volumes', Controller())}) or in a local of the function
   * ({@code controller = VolumeActionsController(); ...(self, 'volumes', controller)}).
   */
  private Optional<ClassInfo> controller(Expr.Call call, int position, FunctionInfo f,
      Scope scope) {
    List<Expr> positional = positional(call);
    if (positional.size() <= position) {
      return Optional.empty();
    }
    Expr arg = positional.get(position);
    if (arg instanceof Expr.Name n) {
      Expr[] bound = {null};
      StatementWalker.forEach(f.ast().body(), st -> {
        if (st instanceof Stmt.Assign a && a.targets().size() == 1
            && a.targets().get(0) instanceof Expr.Name t && t.id().equals(n.id())) {
          bound[0] = a.value();
        }
      });
      arg = bound[0];
    }
    if (!(arg instanceof Expr.Call ctor)) {
      return Optional.empty();
    }
    return resolver.valueOf(ctor.func(), scope) instanceof Value.ClassValue cv
        ? Optional.of(cv.cls()) : Optional.empty();
  }

  private static List<Expr> positional(Expr.Call call) {
    return call.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL)
        .map(Arg::value).toList();
  }

  private static String positionalString(Expr.Call call, int position) {
    List<Expr> positional = positional(call);
    return positional.size() > position ? Names.string(positional.get(position)) : null;
  }

  // ---- actions ----

  /**
   * The {@code @wsgi.action} methods of a controller and its bases, the nearest first. An action
   * on a volume is named by its key alone ({@code os-extend} → {@code extend}); one on another
   * resource carries the resource's name ({@code snapshots-reset-status}), since the same keys
   * recur on snapshots, backups and groups.
   */
  private List<ApiAction> wsgiActions(ClassInfo controller, String path, String collection) {
    String prefix = collection.equals(PRIMARY) ? "" : ActionNames.kebab(collection) + "-";
    List<ApiAction> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (ClassInfo c : resolver.mro(controller)) {
      for (FunctionInfo f : c.methods().values()) {
        Optional<String> key = WsgiActions.key(f);
        if (key.isPresent() && keys.add(key.get())) {
          out.add(new ApiAction(prefix + ActionNames.kebab(key.get()), List.of(), "POST", path,
              key.get(), ResponseCodes.of(f), f));
        }
      }
    }
    return out;
  }
}
