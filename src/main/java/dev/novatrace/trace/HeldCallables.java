package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions an object holds because it was built with them: {@code self.batch =
 * Batch(interval, self.send_events)} in one class, {@code self.callback = callback} in
 * {@code Batch.__init__}, and {@code self.callback(events)} in a method of {@code Batch} calls
 * {@code send_events}. They are bound as {@code self.NAME} among the functions a call hands
 * over ({@link CallBinding#callables}): to a method called on the attribute that holds the
 * object ({@code self.batch.queue(e)}), and on to the methods that method calls on
 * {@code self}. Only an object built in its holder's class, with an argument the holder names
 * ({@code self.send_events}), is read: the same object the call runs on.
 */
final class HeldCallables {
  /** The prefix of a held function's key among a frame's callables. */
  static final String SELF = "self.";

  private final Resolver resolver;
  private final Callables callables;
  private final Map<ClassInfo, java.util.Set<String>> calledFields = new HashMap<>();
  /** How each (class, attribute) is built, read once per tracer: calls on it are many. */
  private final Map<List<Object>, java.util.Optional<Construction>> constructions =
      new HashMap<>();

  HeldCallables(Resolver resolver, Callables callables) {
    this.resolver = resolver;
    this.callables = callables;
  }

  /** The functions {@code c}'s callee holds on its {@code self}, by {@code self.NAME}. */
  Map<String, Handed> of(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute method)) {
      return Map.of();
    }
    Expr receiver = method.value();
    if (isSelf(receiver)) {
      return heldBySelf(f.context().callables()); // the same object: what it holds, it holds
    }
    if (receiver instanceof Expr.Attribute holder && isSelf(holder.value())
        && resolver.valueOf(holder.value(), f.scope) instanceof Value.InstanceValue owner) {
      return builtWith(owner.cls(), holder.attr(), f);
    }
    return Map.of();
  }

  private static boolean isSelf(Expr e) {
    return e instanceof Expr.Name n && n.id().equals("self");
  }

  /**
   * The fields of {@code self} a method of {@code cls} calls ({@code self.callback(events)}):
   * only those can hold a function that runs, and only their arguments are read (reading
   * another, an object such as a driver, would look into files no step draws).
   */
  private java.util.Set<String> called(ClassInfo cls) {
    return calledFields.computeIfAbsent(cls, c -> {
      java.util.Set<String> out = new java.util.HashSet<>();
      for (ClassInfo k : resolver.mro(c)) {
        for (FunctionInfo m : k.methods().values()) {
          CallSites.inFunction(resolver, m, site -> {
            if (site.call().func() instanceof Expr.Attribute a && isSelf(a.value())) {
              out.add(a.attr());
            }
          });
        }
      }
      return out;
    });
  }

  /** The functions among {@code callables} that self holds. */
  static Map<String, Handed> heldBySelf(Map<String, Handed> callables) {
    Map<String, Handed> out = new HashMap<>();
    callables.forEach((k, v) -> {
      if (k.startsWith(SELF)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /**
   * What {@code owner}'s {@code attr} was built with, where {@code owner} builds it as a call of
   * a class: that class's {@code __init__} fields set from a parameter the call hands a function.
   */
  private Map<String, Handed> builtWith(ClassInfo owner, String attr, Frame f) {
    return constructions.computeIfAbsent(List.of(owner, attr), k -> construction(owner, attr))
        .map(b -> fields(b.cls(), b.call(), f)).orElse(Map.of());
  }

  /** The call of a class that builds {@code owner}'s {@code attr}, if it is one. */
  private java.util.Optional<Construction> construction(ClassInfo owner, String attr) {
    for (ClassInfo c : resolver.mro(owner)) {
      for (ClassInfo.AttributeAssignment a : c.attribute(attr)) {
        if (a.value() instanceof Expr.Call built
            && resolver.valueOf(built.func(), resolver.scopeOf(a.method()))
                instanceof Value.ClassValue cv) {
          return java.util.Optional.of(new Construction(cv.cls(), built));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** An object built by calling {@code cls} as {@code call}. */
  private record Construction(ClassInfo cls, Expr.Call call) {}

  private Map<String, Handed> fields(ClassInfo cls, Expr.Call built, Frame f) {
    FunctionInfo init = resolver.lookupMethod(cls, "__init__", null);
    if (init == null) {
      return Map.of();
    }
    List<Param> params = init.ast().params();
    Map<String, Expr> passed = Arguments.passed(params, 1, built);
    Map<String, Handed> out = new HashMap<>();
    for (Map.Entry<String, Expr> set : Assignments.selfAssignments(init)) {
      if (set.getValue() instanceof Expr.Name p && passed.containsKey(p.id())
          && called(cls).contains(set.getKey())) {
        Handed h = callables.of(passed.get(p.id()), f.context());
        if (h != null) {
          out.put(SELF + set.getKey(), h);
        }
      }
    }
    return out;
  }
}
