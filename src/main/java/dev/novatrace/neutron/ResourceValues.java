package dev.novatrace.neutron;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the Python literals Neutron describes its API with: neutron-lib's
 * {@code RESOURCE_ATTRIBUTE_MAP}, {@code ACTION_MAP} and {@code ALIAS}, plugins'
 * {@code supported_extension_aliases}, the dicts an extension's {@code get_resources()} builds.
 * The resolver types objects but holds no dicts or lists, so this evaluates them itself.
 *
 * <p>A value is a Java {@link String}, {@link Long}, {@link Boolean}, {@link #NONE}, a
 * {@link List} (list or tuple), a {@link Set}, a {@link Map} (a dict, in insertion order), a
 * {@link ModuleInfo}, a resolver {@link Value} (a class, an instance, a function), or an object
 * of a {@link Calls} hook; {@code null} is "not known". A module-level name is evaluated once
 * and the same Java object is handed out afterwards, so that Python's aliasing holds:
 * {@code ACTION_MAP: ActionMap = l3.ACTION_MAP} followed by
 * {@code ACTION_MAP[l3.ROUTER].update({...})} (neutron-lib's {@code extraroute_atomic}) changes
 * {@code l3.ACTION_MAP} too ({@link #applyMutations}).
 *
 * <p>Module-level names are read from the module's statements, not from the index's bindings,
 * because the index records plain assignments only and neutron-lib 5.x writes annotated ones
 * ({@code ACTION_MAP: ActionMap = {...}}).
 */
final class ResourceValues {
  /** Python's None. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "None";
    }
  };
  private static final Object IN_PROGRESS = new Object();

  /** Calls a caller understands better than this class ({@code build_resource_info(...)}). */
  interface Calls {
    /** What the call gives, or {@link #NOT_MINE} when this hook does not handle it. */
    Object call(Expr.Call call, Frame frame);

    Object NOT_MINE = new Object();
  }

  /** Where names are looked up: a function's locals (may be empty), then its module. */
  record Frame(ModuleInfo module, Map<String, Object> locals) {
    static Frame of(ModuleInfo module) {
      return new Frame(module, new HashMap<>());
    }
  }

  private final Resolver resolver;
  private final Map<String, Object> memo = new HashMap<>();
  private final Map<ModuleInfo, Map<String, Expr>> assignments = new HashMap<>();
  private final Set<ModuleInfo> mutated = new HashSet<>();
  private Calls calls = (c, f) -> Calls.NOT_MINE;

  ResourceValues(Resolver resolver) {
    this.resolver = resolver;
  }

  Resolver resolver() {
    return resolver;
  }

  /** Lets {@code hook} answer calls first. */
  void handleCallsWith(Calls hook) {
    this.calls = hook;
  }

  /** The value of the module-level name {@code name} of {@code module}. */
  Object member(ModuleInfo module, String name) {
    Expr assigned = assignmentsOf(module).get(name);
    if (assigned != null) {
      String key = module.name() + "#" + name;
      Object held = memo.get(key);
      if (held == IN_PROGRESS) {
        return null;
      }
      if (held != null || memo.containsKey(key)) {
        return held;
      }
      memo.put(key, IN_PROGRESS);
      Object v = eval(assigned, Frame.of(module));
      memo.put(key, v);
      return v;
    }
    return bound(module, name);
  }

  private Object bound(ModuleInfo module, String name) {
    Binding b = module.bindings().get(name);
    if (b instanceof Binding.FromImport fi) {
      Optional<ModuleInfo> sub = resolver.index().module(fi.module() + "." + fi.symbol());
      if (sub.isPresent()) {
        return sub.get();
      }
      return resolver.index().module(fi.module()).map(m -> member(m, fi.symbol())).orElse(null);
    }
    if (b instanceof Binding.ModuleImport mi) {
      return resolver.index().module(mi.module()).orElse(null);
    }
    if (b instanceof Binding.ClassDef c) {
      return new Value.ClassValue(c.info());
    }
    if (b instanceof Binding.FunctionDef f) {
      return new Value.FunctionValue(f.info(), null);
    }
    for (String star : module.starImports()) {
      Object v = resolver.index().module(star).map(m -> member(m, name)).orElse(null);
      if (v != null) {
        return v;
      }
    }
    return resolver.index().module(module.name() + "." + name).orElse(null);
  }

  /** {@code NAME = value} and {@code NAME: T = value} at top level (under if/try too). */
  private Map<String, Expr> assignmentsOf(ModuleInfo module) {
    return assignments.computeIfAbsent(module, m -> {
      Map<String, Expr> out = new HashMap<>();
      collectAssignments(m.ast().body(), out);
      return out;
    });
  }

  private static void collectAssignments(List<Stmt> body, Map<String, Expr> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a) {
        a.targets().forEach(t -> {
          if (t instanceof Expr.Name n) {
            out.putIfAbsent(n.id(), a.value());
          }
        });
      } else if (s instanceof Stmt.AnnAssign a && a.value() != null
          && a.target() instanceof Expr.Name n) {
        out.putIfAbsent(n.id(), a.value());
      } else if (s instanceof Stmt.If || s instanceof Stmt.Try) {
        dev.novatrace.index.StatementWalker.children(s).forEach(b -> collectAssignments(b, out));
      }
    }
  }

  /**
   * Runs the module's top-level mutations of dicts defined elsewhere, once:
   * {@code X[k].update({...})}, {@code X.update({...})} and {@code X[k] = v}. Python runs them
   * when the module is imported; Neutron's extension loader imports every extension module, so
   * they hold for every reading of the maps.
   */
  void applyMutations(ModuleInfo module) {
    if (!mutated.add(module)) {
      return;
    }
    Frame frame = Frame.of(module);
    for (Stmt s : module.ast().body()) {
      if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && "update".equals(a.attr())
          && c.args().size() == 1 && eval(a.value(), frame) instanceof Map<?, ?> target
          && eval(c.args().get(0).value(), frame) instanceof Map<?, ?> added) {
        putAll(target, added);
      } else if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Subscript sub
          && eval(sub.value(), frame) instanceof Map<?, ?> target) {
        Object key = eval(sub.index(), frame);
        if (key != null) {
          put(target, key, eval(a.value(), frame));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void putAll(Map<?, ?> target, Map<?, ?> added) {
    ((Map<Object, Object>) target).putAll(added);
  }

  @SuppressWarnings("unchecked")
  static void put(Map<?, ?> target, Object key, Object value) {
    ((Map<Object, Object>) target).put(key, value);
  }

  /** The value of {@code e} in {@code frame}, or null when it cannot be told. */
  Object eval(Expr e, Frame frame) {
    if (e == null) {
      return null;
    }
    if (e instanceof Expr.Constant c) {
      return constant(c);
    } else if (e instanceof Expr.Name n) {
      return name(n.id(), frame);
    } else if (e instanceof Expr.Attribute a) {
      return attribute(eval(a.value(), frame), a.attr());
    } else if (e instanceof Expr.Sequence s) {
      return sequence(s, frame);
    } else if (e instanceof Expr.Dict d) {
      return dict(d, frame);
    } else if (e instanceof Expr.Subscript s) {
      return subscript(s, frame);
    } else if (e instanceof Expr.Operation op) {
      return ResourceOperators.apply(op.op(), op.operands().stream()
          .map(x -> eval(x, frame)).toList());
    } else if (e instanceof Expr.Call c) {
      Object hooked = calls.call(c, frame);
      return hooked != Calls.NOT_MINE ? hooked : call(c, frame);
    } else if (e instanceof Expr.IfExp ie) {
      Object test = eval(ie.test(), frame);
      return test instanceof Boolean b ? eval(b ? ie.body() : ie.orElse(), frame) : null;
    }
    return null;
  }

  private static Object constant(Expr.Constant c) {
    return switch (c.kind()) {
      case STRING -> c.value();
      case NONE -> NONE;
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NUMBER -> number(c.value());
      default -> null;
    };
  }

  private static Object number(String text) {
    try {
      return Long.valueOf(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return null; // floats, hex and the like never name an API resource
    }
  }

  private Object name(String id, Frame frame) {
    if (frame.locals().containsKey(id)) {
      return frame.locals().get(id);
    }
    return member(frame.module(), id);
  }

  /** {@code value.attr}: a module's name, a class attribute or method, an instance's. */
  Object attribute(Object value, String attr) {
    if (value instanceof ModuleInfo m) {
      return member(m, attr);
    }
    ClassInfo cls = value instanceof Value.ClassValue cv ? cv.cls()
        : value instanceof Value.InstanceValue iv ? iv.cls() : null;
    if (cls == null) {
      return value == null ? null : new BoundMethod(value, attr);
    }
    for (ClassInfo c : resolver.mro(cls)) {
      Expr classLevel = c.classAttribute(attr);
      if (classLevel != null) {
        return eval(classLevel, Frame.of(c.module()));
      }
      FunctionInfo f = c.methods().get(attr);
      if (f != null) {
        return new Value.FunctionValue(f, (Value) value);
      }
    }
    return null;
  }

  /** A method of a literal value, waiting for its call: {@code name.replace}, {@code m.get}. */
  record BoundMethod(Object self, String name) {}

  private Object sequence(Expr.Sequence s, Frame frame) {
    if (s.kind() != Expr.SeqKind.LIST && s.kind() != Expr.SeqKind.TUPLE
        && s.kind() != Expr.SeqKind.SET) {
      return null;
    }
    Collection<Object> out = s.kind() == Expr.SeqKind.SET ? new LinkedHashSet<>()
        : new ArrayList<>();
    for (Expr element : s.elements()) {
      if (element instanceof Expr.Starred st) {
        Collection<?> spread = ResourceOperators.iterate(eval(st.value(), frame));
        if (spread == null) {
          return null;
        }
        out.addAll(spread);
      } else {
        out.add(eval(element, frame));
      }
    }
    return out;
  }

  private Object dict(Expr.Dict d, Frame frame) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < d.keys().size(); i++) {
      Object value = eval(d.values().get(i), frame);
      if (d.keys().get(i) == null) {
        if (value instanceof Map<?, ?> spread) {
          out.putAll(spread);
        }
        continue;
      }
      Object key = eval(d.keys().get(i), frame);
      if (key != null) {
        out.put(key, value);
      }
    }
    return out;
  }

  private Object subscript(Expr.Subscript s, Frame frame) {
    Object target = eval(s.value(), frame);
    if (s.index() instanceof Expr.Other o && "slice".equals(o.kind())) {
      return ResourceOperators.slice(target, sliceBounds(o, frame));
    }
    return ResourceOperators.index(target, eval(s.index(), frame));
  }

  /**
   * The bounds of {@code [a:b]}: the tree keeps only the parts present, so a single part is the
   * lower bound when it starts where the slice starts ({@code x[1:]}), else the upper
   * ({@code x[:-1]}).
   */
  private Object[] sliceBounds(Expr.Other slice, Frame frame) {
    List<Expr> parts = slice.children();
    if (parts.isEmpty()) {
      return new Object[] {NONE, NONE};
    }
    if (parts.size() == 1) {
      Object v = eval(parts.get(0), frame);
      boolean lower = parts.get(0).pos().start() == slice.pos().start();
      return lower ? new Object[] {v, NONE} : new Object[] {NONE, v};
    }
    return new Object[] {eval(parts.get(0), frame), eval(parts.get(1), frame)};
  }

  private Object call(Expr.Call c, Frame frame) {
    Object callee = eval(c.func(), frame);
    List<Object> args = new ArrayList<>();
    for (Arg a : c.args()) {
      if (a.kind() != Arg.Kind.POSITIONAL) {
        continue; // keyword arguments matter to the hooks only
      }
      args.add(eval(a.value(), frame));
    }
    if (callee instanceof BoundMethod m) {
      return ResourceOperators.method(m.self(), m.name(), args);
    }
    if (callee instanceof Value.ClassValue cv) {
      return new Value.InstanceValue(cv.cls());
    }
    if (callee instanceof Value.FunctionValue fv) {
      return returned(fv.function());
    }
    String name = Names.simpleName(c.func());
    if ("dict".equals(name) && c.func() instanceof Expr.Name) {
      return dictCall(c, args, frame);
    }
    return name == null ? null : ResourceOperators.builtin(name, args);
  }

  /** {@code dict(member_name="agent", collection_name="agents")}, over a mapping or not. */
  private Object dictCall(Expr.Call c, List<Object> args, Frame frame) {
    Object base = ResourceOperators.builtin("dict", args);
    if (!(base instanceof Map<?, ?> out)) {
      return null;
    }
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD) {
        put(out, a.keyword(), eval(a.value(), frame));
      } else if (a.kind() != Arg.Kind.POSITIONAL) {
        return null;
      }
    }
    return out;
  }

  /**
   * What a function returns when its body is one {@code return EXPR} (a docstring aside) that
   * needs none of its parameters: {@code get_alias()} returning {@code "quotas"},
   * {@code get_plugin_type()} returning {@code constants.L3}.
   */
  Object returned(FunctionInfo f) {
    List<Stmt> body = ResourceBodies.withoutDocstring(f.ast().body());
    if (body.size() == 1 && body.get(0) instanceof Stmt.Return r) {
      return eval(r.value(), Frame.of(f.module()));
    }
    return null;
  }
}
