package dev.novatrace.trace;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of the objects a collection can hold, read from the code that fills it: a list
 * display of objects built there, a list a function appends objects to, a comprehension or
 * {@code itertools.chain} over such lists, the value of a dict display's key, and what a
 * function returns (with its parameters bound to the caller's arguments, a
 * {@code functools.partial}'s too). {@code convert_volumes = partial(_convert_block_devices,
 * DriverVolumeBlockDevice)} fills a list with that class; a dict holding the chain of four such
 * lists under a key holds the four classes there.
 *
 * <p>It never guesses: an empty answer means the code does not tell. A loop over a collection
 * it answers for runs its body on an object of each class ({@code Tracer}).
 */
final class ElementClasses {
  /** Nested expressions read before giving up (a guard against pathological code). */
  private static final int MAX_DEPTH = 64;
  /** Nested calls read before giving up: the fill of a list is a few calls away at most. */
  private static final int MAX_CALLS = 8;
  /**
   * Expressions read for one answer before giving up on it (129 at most on Nova 34.0.0 and
   * 22.0.1): code that fans out wider than that gets no answer rather than a part of
   * one, which would leave classes out.
   */
  private static final int MAX_READS = 2_000;
  /** Python's builtins that hand on the elements of their first argument. */
  private static final Set<String> PASS_THROUGH =
      Set.of("list", "tuple", "set", "frozenset", "sorted", "reversed", "iter");
  /** Functions of the standard library that hand on the elements of every argument. */
  private static final Set<String> CHAINS = Set.of("itertools.chain");
  private static final Set<String> APPENDS = Set.of("append", "add");

  private final Resolver resolver;
  private final PrivateFields privateFields;
  /** Private attributes being read: a list filled from itself is read once. */
  private final Set<String> fields = new HashSet<>();
  private final Map<FunctionInfo, Set<String>> iteratedParams = new HashMap<>();
  private final Set<FunctionInfo> reading = new HashSet<>();
  private int depth;
  private int reads;

  ElementClasses(Resolver resolver, PrivateFields privateFields) {
    this.resolver = resolver;
    this.privateFields = privateFields;
  }

  /**
   * Where an expression is read: a function's scope, and what the call being read bound its
   * parameters to (the caller's expressions, read where the caller wrote them).
   */
  private record Env(Scope scope, Map<String, Bound> args) {}

  private record Bound(Expr expr, Env env) {}

  /** The classes of what {@code collection} holds, in the order the code adds them; or none. */
  List<ClassInfo> of(Expr collection, Scope scope) {
    LinkedHashSet<ClassInfo> out = new LinkedHashSet<>();
    reads = 0;
    elements(collection, new Env(scope, Map.of()), out);
    return reads > MAX_READS ? List.of() : List.copyOf(out);
  }

  /**
   * What a call passes to a parameter the callee loops over, when it is a collection of known
   * classes; else null. Only such parameters are read, which keeps every other call cheap.
   */
  Value passed(FunctionInfo callee, String param, Expr arg, Scope scope) {
    if (!iterated(callee).contains(param)) {
      return null;
    }
    List<ClassInfo> held = of(arg, scope);
    return held.isEmpty() ? null : new Value.Elements(held);
  }

  /** The names a function (its nested defs too) runs a for loop over. */
  private Set<String> iterated(FunctionInfo fn) {
    return iteratedParams.computeIfAbsent(fn, f -> {
      Set<String> names = new HashSet<>();
      StatementWalker.everywhere(f.ast().body(), s -> {
        if (s instanceof Stmt.For loop && loop.iter() instanceof Expr.Name n) {
          names.add(n.id());
        }
      });
      return names;
    });
  }

  private void elements(Expr e, Env env, Set<ClassInfo> out) {
    if (e == null || depth > MAX_DEPTH || ++reads > MAX_READS) {
      return;
    }
    depth++;
    try {
      read(e, env, out);
    } finally {
      depth--;
    }
  }

  private void read(Expr e, Env env, Set<ClassInfo> out) {
    if (e instanceof Expr.Name n) {
      named(n.id(), env, out);
    } else if (e instanceof Expr.Sequence seq) {
      for (Expr element : seq.elements()) {
        if (element instanceof Expr.Starred st) {
          elements(st.value(), env, out);
        } else {
          instance(element, env).ifPresent(out::add);
        }
      }
    } else if (e instanceof Expr.Comprehension comp && comp.clauses().size() >= 2) {
      // [vol for vol in chain(...)] holds what it runs through; [Cls(x) for x in y] objects.
      if (comp.element() instanceof Expr.Name n && comp.clauses().get(0) instanceof Expr.Name t
          && n.id().equals(t.id())) {
        elements(comp.clauses().get(1), env, out);
      } else {
        instance(comp.element(), env).ifPresent(out::add);
      }
    } else if (e instanceof Expr.Operation op
        && (op.op().equals("or") || op.op().equals("and") || op.op().equals("+"))) {
      op.operands().forEach(x -> elements(x, env, out));
    } else if (e instanceof Expr.IfExp ie) {
      elements(ie.body(), env, out);
      elements(ie.orElse(), env, out);
    } else if (e instanceof Expr.Subscript s && key(s.index()) != null) {
      entry(s.value(), key(s.index()), env, out);
    } else if (e instanceof Expr.Call c) {
      call(c, env, out);
    } else if (e instanceof Expr.Attribute a && a.attr().startsWith("_")
        && !a.attr().startsWith("__") && fields.add(a.attr())) {
      try {
        privateList(a.attr(), out);
      } finally {
        fields.remove(a.attr());
      }
    }
  }

  /**
   * A private list attribute of another object ({@code bind_context._binding_levels}): what
   * its class's methods assign to it and append to it, a parameter appended being what the
   * running calls of that method pass ({@code context._push_binding_level(pbl_obj)}, {@code
   * pbl_obj = ports.PortBindingLevel(...)}).
   */
  private void privateList(String attr, Set<ClassInfo> out) {
    for (PrivateFields.Write w : privateFields.selfWrites(attr)) {
      elements(w.value(), new Env(resolver.scopeOf(w.in()), Map.of()), out);
    }
    for (PrivateFields.Write w : privateFields.appendedTo(attr)) {
      int at = PrivateFields.parameter(w.in(), w.value());
      if (at < 0) {
        instance(w.value(), new Env(resolver.scopeOf(w.in()), Map.of())).ifPresent(out::add);
        continue;
      }
      String param = w.in().ast().params().get(at).name();
      for (PrivateFields.Call call : privateFields.callsOf(w.in().name())) {
        Expr arg = Arg.passed(call.call().args(), at - 1, param);
        if (arg != null) {
          instance(arg, new Env(resolver.scopeOf(call.in()), Map.of())).ifPresent(out::add);
        }
      }
    }
  }

  /** A name: a parameter the call bound or the trace passed, a local and what it is filled with. */
  private void named(String name, Env env, Set<ClassInfo> out) {
    Bound bound = env.args().get(name);
    if (bound != null) {
      elements(bound.expr(), bound.env(), out);
      return;
    }
    Scope scope = env.scope();
    if (scope.function() == null) {
      if (scope.module().bindings().get(name) instanceof Binding.Assignment a) {
        elements(a.value(), new Env(scope, Map.of()), out);
      }
      return;
    }
    if (scope.param(name) != null) {
      if (scope.passed(name) instanceof Value.Elements held) {
        out.addAll(held.classes());
      }
      return;
    }
    Expr local = scope.local(name);
    if (local != null) {
      elements(local, env, out);
      filled(name, env, out);
    } else if (scope.module().bindings().get(name) instanceof Binding.Assignment a) {
      elements(a.value(), new Env(Scope.ofModule(scope.module()), Map.of()), out);
    }
  }

  /** What a function adds to a local list: {@code devices.append(X(bdm))}, extend, +=. */
  private void filled(String name, Env env, Set<ClassInfo> out) {
    StatementWalker.forEach(env.scope().function().ast().body(), s -> {
      if (s instanceof Stmt.ExprStmt x && x.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name n
          && n.id().equals(name) && !c.args().isEmpty()) {
        Expr arg = c.args().get(0).value();
        if (APPENDS.contains(a.attr())) {
          instance(arg, env).ifPresent(out::add);
        } else if (a.attr().equals("extend")) {
          elements(arg, env, out);
        }
      } else if (s instanceof Stmt.AugAssign aug && aug.target() instanceof Expr.Name n
          && n.id().equals(name) && aug.op().equals("+=")) {
        elements(aug.value(), env, out);
      }
    });
  }

  private void call(Expr.Call c, Env env, Set<ClassInfo> out) {
    List<Arg> args = c.args();
    if (c.func() instanceof Expr.Attribute a && a.attr().equals("get") && !args.isEmpty()
        && key(args.get(0).value()) != null) {
      entry(a.value(), key(args.get(0).value()), env, out);
      return;
    }
    String library = library(c.func(), env.scope());
    if (library != null) {
      boolean chain = CHAINS.contains(library);
      for (Arg arg : chain ? args : args.subList(0, Math.min(1, args.size()))) {
        elements(arg.kind() == Arg.Kind.STAR ? null : arg.value(), env, out);
      }
      return;
    }
    returned(c, env, (r, calleeEnv) -> elements(r, calleeEnv, out));
  }

  /** The name of a builtin or library function that hands elements on, or null. */
  private String library(Expr func, Scope scope) {
    String imported = resolver.importedName(func, scope);
    if (imported != null && CHAINS.contains(imported)) {
      return imported;
    }
    return func instanceof Expr.Name n && PASS_THROUGH.contains(n.id())
        && resolver.valueOf(func, scope) instanceof Value.Unknown ? n.id() : null;
  }

  /** The value a dict holds under a literal key: a display's entry, or its subscript stores. */
  private void entry(Expr dict, String key, Env env, Set<ClassInfo> out) {
    if (dict == null || depth > MAX_DEPTH || ++reads > MAX_READS) {
      return;
    }
    depth++;
    try {
      readEntry(dict, key, env, out);
    } finally {
      depth--;
    }
  }

  private void readEntry(Expr dict, String key, Env env, Set<ClassInfo> out) {
    if (dict instanceof Expr.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (key.equals(key(d.keys().get(i)))) {
          elements(d.values().get(i), env, out);
        }
      }
    } else if (dict instanceof Expr.Operation op
        && (op.op().equals("or") || op.op().equals("and"))) {
      op.operands().forEach(x -> entry(x, key, env, out));
    } else if (dict instanceof Expr.Name n) {
      Bound bound = env.args().get(n.id());
      Scope scope = env.scope();
      if (bound != null) {
        entry(bound.expr(), key, bound.env(), out);
      } else if (scope.function() != null && scope.param(n.id()) == null
          && scope.local(n.id()) != null) {
        entry(scope.local(n.id()), key, env, out);
        stored(n.id(), key, env, out);
      }
    } else if (dict instanceof Expr.Call c) {
      returned(c, env, (r, calleeEnv) -> entry(r, key, calleeEnv, out));
    }
  }

  /** {@code info['key'] = value} in the function that builds {@code info}. */
  private void stored(String name, String key, Env env, Set<ClassInfo> out) {
    StatementWalker.forEach(env.scope().function().ast().body(), s -> {
      if (s instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Subscript sub && sub.value() instanceof Expr.Name n
              && n.id().equals(name) && key.equals(key(sub.index()))) {
            elements(a.value(), env, out);
          }
        }
      }
    });
  }

  /** Reads each expression a called function of the tree returns, its parameters bound. */
  private void returned(Expr.Call c, Env env, java.util.function.BiConsumer<Expr, Env> read) {
    Optional<Callee> found = callee(c.func(), env);
    if (found.isEmpty() || reading.size() >= MAX_CALLS || !reading.add(found.get().fn())) {
      return; // unknown, or a recursion: nothing more to learn
    }
    Callee callee = found.get();
    try {
      List<Bound> positional = new ArrayList<>(callee.leading());
      Map<String, Bound> keywords = new HashMap<>();
      for (Arg arg : c.args()) {
        if (arg.kind() == Arg.Kind.POSITIONAL) {
          positional.add(new Bound(arg.value(), env));
        } else if (arg.kind() == Arg.Kind.KEYWORD) {
          keywords.put(arg.keyword(), new Bound(arg.value(), env));
        } else if (arg.kind() == Arg.Kind.STAR) {
          break; // what follows a *args is not placed by position
        }
      }
      // A classmethod of a base run on a subclass (ExtraDhcpOpt.get_objects): its cls is that.
      Env inner = new Env(resolver.scopeOf(callee.fn()).withSelf(callee.receiver()),
          bind(callee.fn().ast().params(), callee.offset(), positional, keywords));
      StatementWalker.forEach(callee.fn().ast().body(), s -> {
        if (s instanceof Stmt.Return r && r.value() != null) {
          read.accept(r.value(), inner);
        }
      });
    } finally {
      reading.remove(callee.fn());
    }
  }

  private static Map<String, Bound> bind(List<Param> params, int offset, List<Bound> positional,
      Map<String, Bound> keywords) {
    Map<String, Bound> out = new HashMap<>();
    int next = 0;
    for (int i = offset; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.kind() == Param.Kind.VAR_POSITIONAL || p.kind() == Param.Kind.VAR_KEYWORD) {
        break;
      }
      if (p.kind() != Param.Kind.KEYWORD_ONLY && next < positional.size()) {
        out.put(p.name(), positional.get(next++));
      } else if (keywords.containsKey(p.name())) {
        out.put(p.name(), keywords.get(p.name()));
      }
    }
    return out;
  }

  /**
   * A function called: its definition, 1 when a receiver fills its first parameter, and the
   * arguments a {@code functools.partial} it is bound through passes first.
   */
  /** A function called; {@code receiver}: the class its self or cls is, or null. */
  private record Callee(FunctionInfo fn, int offset, List<Bound> leading, ClassInfo receiver) {}

  private Optional<Callee> callee(Expr func, Env env) {
    Optional<Expr.Call> partial = definition(func, env).filter(Resolver::isPartial);
    if (partial.isPresent()) {
      Env moduleEnv = new Env(Scope.ofModule(moduleOf(func, env)), Map.of());
      List<Arg> args = partial.get().args();
      if (!(value(args.get(0).value(), moduleEnv) instanceof Value.FunctionValue fv)) {
        return Optional.empty();
      }
      List<Bound> leading = new ArrayList<>();
      for (Arg arg : args.subList(1, args.size())) {
        if (arg.kind() != Arg.Kind.POSITIONAL) {
          break;
        }
        leading.add(new Bound(arg.value(), moduleEnv));
      }
      return Optional.of(new Callee(fv.function(), fv.receiverOffset(), leading, null));
    }
    return value(func, env) instanceof Value.FunctionValue fv
        ? Optional.of(new Callee(fv.function(), fv.receiverOffset(), List.of(),
            fv.receiver() instanceof Value.ClassValue cv ? cv.cls() : fv.instanceClass()))
        : Optional.empty();
  }

  /** The expression a module-level name is assigned ({@code convert_x = partial(...)}). */
  private Optional<Expr.Call> definition(Expr func, Env env) {
    ModuleInfo module = moduleOf(func, env);
    String name = func instanceof Expr.Attribute a ? a.attr()
        : func instanceof Expr.Name n ? n.id() : null;
    if (module == null || name == null) {
      return Optional.empty();
    }
    return module.bindings().get(name) instanceof Binding.Assignment a
        && a.value() instanceof Expr.Call c ? Optional.of(c) : Optional.empty();
  }

  /** The module a function name is looked up in: its own, or the one {@code mod.f} names. */
  private ModuleInfo moduleOf(Expr func, Env env) {
    if (func instanceof Expr.Attribute a) {
      return value(a.value(), env) instanceof Value.ModuleValue m ? m.module() : null;
    }
    if (func instanceof Expr.Name n && !env.args().containsKey(n.id())
        && (env.scope().function() == null || env.scope().param(n.id()) == null
        && env.scope().local(n.id()) == null)) {
      return env.scope().module();
    }
    return null;
  }

  /** The class of the object an expression gives, when it is one of the tree's. */
  private Optional<ClassInfo> instance(Expr e, Env env) {
    return value(e, env) instanceof Value.InstanceValue iv ? Optional.of(iv.cls())
        : Optional.empty();
  }

  /**
   * The value of an expression with the call's bindings: {@code device_type(bdm)} with
   * {@code device_type} bound to a class is an object of it; a module a function imports in
   * its body ({@code from nova.virt import block_device as virt_block_device}) is that module.
   */
  private Value value(Expr e, Env env) {
    if (e instanceof Expr.Name n) {
      Bound bound = env.args().get(n.id());
      if (bound != null) {
        return value(bound.expr(), bound.env());
      }
      return resolver.valueOf(e, env.scope()); // an import inside the function too
    }
    if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Name) {
      return resolver.attributeOf(value(a.value(), env), a.attr());
    }
    if (e instanceof Expr.Call c && (c.func() instanceof Expr.Name || isBound(c.func(), env))) {
      Value callee = value(c.func(), env);
      if (callee instanceof Value.ClassValue cv) {
        return new Value.InstanceValue(cv.cls());
      }
    }
    return resolver.valueOf(e, env.scope());
  }

  private static boolean isBound(Expr func, Env env) {
    return func instanceof Expr.Name n && env.args().containsKey(n.id());
  }

  /** A literal string key, or null. */
  private static String key(Expr e) {
    return e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING ? c.value() : null;
  }
}
