package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of the functions that subscribe, among the calls the sites' walk of the tree saw: a
 * function called at
 * a module's top level subscribes on import ({@code subscribe()} in
 * {@code services/segments/db.py}), and a call can give a function the callback or key it
 * subscribes ({@code _ObjectChangeHandler(res, ...)}, {@code capabilities.register(cb, type)}).
 * A constructor call counts for {@code __init__}.
 */
final class CallbackCallers {

  /**
   * A call of {@code callee} in {@code frame}; {@code offset} is 1 when the call fills the
   * receiver parameter itself (a bound method, a constructor), else 0.
   */
  record Caller(FunctionInfo callee, Expr.Call call, CallbackFrame frame, int offset) {}

  private final Resolver resolver;
  private final Set<FunctionInfo> targets;
  private final Set<String> names = new HashSet<>();
  private final Map<FunctionInfo, List<Caller>> found = new HashMap<>();

  private CallbackCallers(Resolver resolver, Set<FunctionInfo> targets) {
    this.resolver = resolver;
    this.targets = targets;
    for (FunctionInfo f : targets) {
      names.add(calledName(f));
    }
  }

  /** The calls of each of {@code targets} among {@code sites}' calls, in module and source order. */
  static CallbackCallers of(CallbackSites sites, Resolver resolver, Set<FunctionInfo> targets) {
    CallbackCallers callers = new CallbackCallers(resolver, targets);
    for (String name : new java.util.TreeSet<>(callers.names)) {
      for (CallbackSites.Call c : sites.callsNamed(name)) {
        callers.call(c.call(), c.frame());
      }
    }
    return callers;
  }

  List<Caller> of(FunctionInfo callee) {
    return List.copyOf(found.getOrDefault(callee, List.of()));
  }

  /** The name a call of {@code f} is written with: a constructor uses its class's. */
  private static String calledName(FunctionInfo f) {
    if ("__init__".equals(f.name()) && f.owner() != null) {
      String cls = f.owner().name();
      return cls.substring(cls.lastIndexOf('.') + 1);
    }
    return f.name();
  }

  private void call(Expr.Call call, CallbackFrame frame) {
    Value callee = resolver.valueOf(call.func(), frame.scope());
    if (callee instanceof Value.ClassValue cv) {
      ClassInfo cls = cv.cls();
      FunctionInfo init = resolver.lookupMethod(cls, "__init__", null);
      add(init, call, frame, 1);
    } else if (callee instanceof Value.FunctionValue fv) {
      add(fv.function(), call, frame, fv.receiverOffset());
    }
  }

  private void add(FunctionInfo callee, Expr.Call call, CallbackFrame frame, int offset) {
    if (callee != null && targets.contains(callee)) {
      found.computeIfAbsent(callee, k -> new ArrayList<>())
          .add(new Caller(callee, call, frame, offset));
    }
  }
}
