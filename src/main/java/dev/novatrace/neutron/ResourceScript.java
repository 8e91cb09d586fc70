package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what an extension's {@code get_resources()} returns by running its body over
 * {@link ResourceValues}: assignments, {@code for} loops over known dicts and lists
 * ({@code for collection_name, collection in SUB_RESOURCE_ATTRIBUTE_MAP.items():}),
 * {@code exts.append(...)}, {@code return}. Neutron's helpers are read as what they build:
 * {@code resource_helper.build_resource_info(plural_mappings, MAP, service, action_map=AM)} is
 * one collection per key of {@code MAP} served by {@code directory.get_plugin(service)};
 * {@code base.create_resource(collection, resource, plugin, ...)} is the generic controller on
 * that plugin; {@code resource.Resource(XController())} is a custom controller;
 * {@code extensions.ResourceExtension(...)} is the declared collection. Helpers are known by
 * their simple names: nothing else in Neutron's extension modules is called so.
 */
final class ResourceScript implements ResourceValues.Calls {
  private static final String CORE = "CORE";

  private final ResourceValues values;
  private final List<String> unread = new ArrayList<>();

  ResourceScript(ResourceValues values) {
    this.values = values;
    values.handleCallsWith(this);
  }

  /** What could not be read, one line each ({@code module: for loop over an unknown value}). */
  List<String> unread() {
    return List.copyOf(unread);
  }

  /** The collections {@code getResources} (a classmethod of {@code descriptor}) returns. */
  List<ResourceDecl> collections(FunctionInfo getResources, ClassInfo descriptor) {
    Map<String, Object> locals = new HashMap<>();
    if (!getResources.ast().params().isEmpty()) {
      locals.put(getResources.ast().params().get(0).name(), new Value.ClassValue(descriptor));
    }
    ResourceValues.Frame frame = new ResourceValues.Frame(getResources.module(), locals);
    Object returned = run(getResources.ast().body(), frame, getResources.qualifiedName());
    List<ResourceDecl> out = new ArrayList<>();
    flatten(returned, out);
    return out;
  }

  private static void flatten(Object v, List<ResourceDecl> out) {
    if (v instanceof ResourceDecl d) {
      out.add(d);
    } else if (v instanceof Collection<?> c) {
      c.forEach(x -> flatten(x, out));
    }
  }

  /**
   * Runs statements; the value of a {@code return}, or {@link #FALL_THROUGH}, or
   * {@link #CONTINUE} or {@link #BREAK} for the loop around.
   */
  private Object run(List<Stmt> body, ResourceValues.Frame frame, String where) {
    for (Stmt s : body) {
      Object result = step(s, frame, where);
      if (result != FALL_THROUGH) {
        return result;
      }
    }
    return FALL_THROUGH;
  }

  private static final Object FALL_THROUGH = new Object();
  private static final Object CONTINUE = new Object();
  private static final Object BREAK = new Object();

  private Object step(Stmt s, ResourceValues.Frame frame, String where) {
    if (s instanceof Stmt.Return r) {
      return values.eval(r.value(), frame);
    } else if (s instanceof Stmt.Assign a) {
      Object v = values.eval(a.value(), frame);
      a.targets().forEach(t -> assign(t, v, frame));
    } else if (s instanceof Stmt.AugAssign a && "+=".equals(a.op())) {
      Object v = ResourceOperators.apply("+", java.util.Arrays.asList(
          values.eval(a.target(), frame), values.eval(a.value(), frame)));
      assign(a.target(), v, frame);
    } else if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c) {
      effect(c, frame);
    } else if (s instanceof Stmt.For f) {
      return loop(f, frame, where);
    } else if (s instanceof Stmt.If i) {
      Object test = values.eval(i.test(), frame);
      if (test instanceof Boolean b) {
        return run(b ? i.body() : i.orElse(), frame, where);
      }
      unread.add(where + ": an if whose test is not known");
    } else if (s instanceof Stmt.Try t) {
      return run(t.body(), frame, where);
    } else if (s instanceof Stmt.With w) {
      return run(w.body(), frame, where);
    } else if (s instanceof Stmt.Simple simple && "continue".equals(simple.kind())) {
      return CONTINUE;
    } else if (s instanceof Stmt.Simple simple && "break".equals(simple.kind())) {
      return BREAK;
    }
    return FALL_THROUGH;
  }

  private Object loop(Stmt.For f, ResourceValues.Frame frame, String where) {
    Collection<?> items = ResourceOperators.iterate(values.eval(f.iter(), frame));
    if (items == null) {
      unread.add(where + ": a for loop over a value not known statically");
      return FALL_THROUGH;
    }
    for (Object item : items) {
      assign(f.target(), item, frame);
      Object result = run(f.body(), frame, where);
      if (result == BREAK) {
        break;
      }
      if (result != FALL_THROUGH && result != CONTINUE) {
        return result;
      }
    }
    return FALL_THROUGH;
  }

  private void assign(Expr target, Object v, ResourceValues.Frame frame) {
    if (target instanceof Expr.Name n) {
      frame.locals().put(n.id(), v);
    } else if (target instanceof Expr.Sequence seq) {
      List<?> parts = v instanceof List<?> l && l.size() == seq.elements().size() ? l : null;
      for (int i = 0; i < seq.elements().size(); i++) {
        assign(seq.elements().get(i), parts == null ? null : parts.get(i), frame);
      }
    } else if (target instanceof Expr.Subscript sub
        && values.eval(sub.value(), frame) instanceof Map<?, ?> m) {
      Object key = values.eval(sub.index(), frame);
      if (key != null) {
        ResourceValues.put(m, key, v);
      }
    }
  }

  /** {@code exts.append(x)}, {@code exts.extend(xs)}, {@code params.update(m)}; else nothing. */
  @SuppressWarnings("unchecked")
  private void effect(Expr.Call c, ResourceValues.Frame frame) {
    if (!(c.func() instanceof Expr.Attribute a) || c.args().size() != 1) {
      return;
    }
    Object target = values.eval(a.value(), frame);
    Object arg = values.eval(c.args().get(0).value(), frame);
    if (target instanceof List<?> list && "append".equals(a.attr())) {
      ((List<Object>) list).add(arg);
    } else if (target instanceof List<?> list && "extend".equals(a.attr())
        && ResourceOperators.iterate(arg) != null) {
      ((List<Object>) list).addAll(ResourceOperators.iterate(arg));
    } else if (target instanceof Map<?, ?> m && "update".equals(a.attr())
        && arg instanceof Map<?, ?> added) {
      added.forEach((k, v) -> ResourceValues.put(m, k, v));
    }
  }

  @Override
  public Object call(Expr.Call c, ResourceValues.Frame frame) {
    String name = Names.simpleName(c.func());
    if (name == null) {
      return NOT_MINE;
    }
    return switch (name) {
      case "get_plugin" -> servedBy(arg(c, 0, "alias"), frame);
      case "get_instance" -> c.func() instanceof Expr.Attribute a
          && values.eval(a.value(), frame) instanceof Value.ClassValue cv
          ? new ResourceDecl.PluginClass(cv.cls()) : null;
      case "build_plural_mappings" -> pluralMappings(c, frame);
      case "build_resource_info" -> resourceInfo(c, frame);
      case "create_resource" -> createResource(c, frame);
      case "Resource" -> wrapped(values.eval(arg(c, 0, "controller"), frame));
      case "ResourceExtension" -> extension(c, frame);
      default -> NOT_MINE;
    };
  }

  private Object servedBy(Expr which, ResourceValues.Frame frame) {
    Object type = which == null ? CORE : values.eval(which, frame);
    if (type == ResourceValues.NONE || "".equals(type)) {
      type = CORE;
    }
    return type instanceof String s ? new ResourceDecl.PluginType(s) : null;
  }

  private static Object wrapped(Object controller) {
    if (controller instanceof ResourceDecl.Controller known) {
      return known;
    }
    return controller instanceof Value.InstanceValue iv ? new ResourceDecl.Custom(iv.cls()) : null;
  }

  /** Neutron's {@code build_plural_mappings}: "ies" becomes "y", else the last letter goes. */
  private Object pluralMappings(Expr.Call c, ResourceValues.Frame frame) {
    Object special = values.eval(arg(c, 0, "special_mappings"), frame);
    Collection<?> plurals = ResourceOperators.iterate(
        values.eval(arg(c, 1, "resource_map"), frame));
    if (!(special instanceof Map<?, ?> given) || plurals == null) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object p : plurals) {
      if (p instanceof String plural) {
        Object singular = given.get(plural);
        out.put(plural, singular instanceof String s && !s.isEmpty() ? s
            : plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
            : plural.substring(0, plural.length() - 1));
      }
    }
    return out;
  }

  private Object resourceInfo(Expr.Call c, ResourceValues.Frame frame) {
    Object plurals = values.eval(arg(c, 0, "plural_mappings"), frame);
    Object map = values.eval(arg(c, 1, "resource_map"), frame);
    Object served = servedBy(arg(c, 2, "which_service"), frame);
    Expr actionArg = arg(c, 3, "action_map");
    Object actions = actionArg == null ? Map.of() : values.eval(actionArg, frame);
    boolean translate = Boolean.TRUE.equals(values.eval(arg(c, 5, "translate_name"), frame));
    if (!(plurals instanceof Map<?, ?> singular) || !(map instanceof Map<?, ?> resources)
        || !(served instanceof ResourceDecl.ServedBy plugin)) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : resources.entrySet()) {
      if (!(e.getKey() instanceof String collection)
          || !(singular.get(collection) instanceof String resource)) {
        continue;
      }
      ResourceDecl.Parent parent = e.getValue() instanceof Map<?, ?> params
          ? parent(params.get("parent")) : null;
      String routed = translate ? collection.replace('_', '-') : collection;
      Map<String, String> members = verbs(ResourceOperators.index(actions, resource));
      out.add(new ResourceDecl(routed, parent, null,
          new ResourceDecl.PluginBacked(plugin, routed, resource, parent), members, Map.of(),
          Map.of()));
    }
    return out;
  }

  private Object createResource(Expr.Call c, ResourceValues.Frame frame) {
    Object collection = values.eval(arg(c, 0, "collection"), frame);
    Object resource = values.eval(arg(c, 1, "resource"), frame);
    Object plugin = values.eval(arg(c, 2, "plugin"), frame);
    Object parent = values.eval(arg(c, 6, "parent"), frame);
    if (collection instanceof String coll && resource instanceof String res
        && plugin instanceof ResourceDecl.ServedBy servedBy) {
      return new ResourceDecl.PluginBacked(servedBy, coll, res, parent(parent));
    }
    return null;
  }

  private Object extension(Expr.Call c, ResourceValues.Frame frame) {
    Object collection = values.eval(arg(c, 0, "collection"), frame);
    Object controller = values.eval(arg(c, 1, "controller"), frame);
    if (!(collection instanceof String coll)
        || !(controller instanceof ResourceDecl.Controller known)) {
      unread.add(frame.module().name() + ": a ResourceExtension whose collection or controller"
          + " is not known statically");
      return null;
    }
    Expr prefixArg = arg(c, 3, "path_prefix");
    Object prefix = prefixArg == null ? "" : values.eval(prefixArg, frame);
    return new ResourceDecl(coll, parent(values.eval(arg(c, 2, "parent"), frame)),
        prefix instanceof String p ? p : "", known,
        verbs(values.eval(arg(c, 5, "member_actions"), frame)),
        verbs(values.eval(arg(c, 4, "collection_actions"), frame)),
        verbs(values.eval(arg(c, 7, "collection_methods"), frame)));
  }

  private static ResourceDecl.Parent parent(Object v) {
    if (v instanceof Map<?, ?> m && m.get("collection_name") instanceof String coll
        && m.get("member_name") instanceof String member) {
      return new ResourceDecl.Parent(coll, member);
    }
    return null;
  }

  /** {@code {'add_router_interface': 'PUT'}}: entries with a string name and verb. */
  private static Map<String, String> verbs(Object v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, verb) -> {
        if (k instanceof String name && verb instanceof String http) {
          out.put(name, http);
        }
      });
    }
    return out;
  }

  /** The argument at {@code position}, or passed as {@code keyword}; null when absent. */
  private static Expr arg(Expr.Call c, int position, String keyword) {
    return Arg.passed(c.args(), position, keyword);
  }
}
