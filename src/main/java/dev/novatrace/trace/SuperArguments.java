package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.List;

/**
 * What a base class's {@code __init__} parameter holds on an instance of a subclass that hands
 * it up: {@code self.segmentation_obj = model} in a base, and
 * {@code super().__init__(geneve_obj.GeneveAllocation, ...)} in the subclass the instance is of,
 * so that {@code self.segmentation_obj} there is that class. The nearest subclass whose own
 * {@code __init__} calls the base's through {@code super()} binds the parameter, by position or
 * keyword; an argument that is itself a parameter of that subclass is looked up the same way
 * one level further down.
 */
final class SuperArguments {
  /** Levels of subclasses followed before giving up (a chain of constructors). */
  private static final int MAX_LEVELS = 8;

  private SuperArguments() {}

  /**
   * The value {@code param} of {@code init} (the {@code __init__} of a class in the MRO of
   * {@code self}) is handed by a subclass, or {@link Value#UNKNOWN}.
   */
  static Value of(Resolver resolver, ClassInfo self, FunctionInfo init, String param) {
    return of(resolver, self, init, param, 0);
  }

  private static Value of(Resolver resolver, ClassInfo self, FunctionInfo init, String param,
      int level) {
    if (level >= MAX_LEVELS || init.owner() == null) {
      return Value.UNKNOWN;
    }
    List<ClassInfo> mro = resolver.mro(self);
    int at = mro.indexOf(init.owner());
    for (int i = at - 1; i >= 0; i--) {
      FunctionInfo sub = mro.get(i).methods().get("__init__");
      if (sub == null) {
        continue;
      }
      if (resolver.lookupMethod(self, "__init__", mro.get(i)) != init) {
        return Value.UNKNOWN; // another constructor between them takes the call first
      }
      Expr.Call up = superInit(sub);
      Expr arg = up == null ? null : argument(up, init, param);
      if (arg == null) {
        return Value.UNKNOWN;
      }
      Value v = resolver.valueOf(arg, resolver.scopeOf(sub));
      if (v instanceof Value.Unknown && arg instanceof Expr.Name n && isParam(sub, n.id())) {
        return of(resolver, self, sub, n.id(), level + 1);
      }
      return v;
    }
    return Value.UNKNOWN;
  }

  /** {@code super().__init__(...)} or {@code super(C, self).__init__(...)} at the top level. */
  private static Expr.Call superInit(FunctionInfo sub) {
    for (Stmt s : sub.ast().body()) {
      if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && a.attr().equals("__init__")
          && a.value() instanceof Expr.Call sup && sup.func() instanceof Expr.Name n
          && n.id().equals("super")) {
        return c;
      }
    }
    return null;
  }

  /** The argument of {@code call} that binds {@code param} of {@code init}, or null. */
  private static Expr argument(Expr.Call call, FunctionInfo init, String param) {
    List<Param> params = init.ast().params();
    int position = -1;
    for (int i = 1; i < params.size(); i++) { // params.get(0) is self
      if (params.get(i).name().equals(param)) {
        position = i - 1;
      }
    }
    int positional = 0;
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && param.equals(a.keyword())) {
        return a.value();
      }
      if (a.kind() == Arg.Kind.POSITIONAL) {
        if (positional == position) {
          return a.value();
        }
        positional++;
      } else if (a.kind() == Arg.Kind.STAR) {
        return null; // *args: positions no longer known
      }
    }
    return null;
  }

  private static boolean isParam(FunctionInfo fn, String name) {
    return fn.ast().params().stream().anyMatch(p -> p.name().equals(name));
  }
}
