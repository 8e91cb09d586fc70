package dev.novatrace.trace;

import dev.novatrace.index.Binding;
import dev.novatrace.python.ast.Expr;

/**
 * How well the resolver knows a whole tree: every call in every function and method, resolved
 * to a function or class of the tree, outside it (a builtin, a library module), or unresolved
 * (a receiver of unknown type, an attribute the tree does not define). The unresolved count is
 * the measure of the resolver; the tracer only ever sees the calls on its routes.
 */
public record CallCensus(int calls, int resolved, int outside, int unresolved) {

  public static CallCensus of(Resolver resolver) {
    int[] counts = new int[3];
    CallSites.forEach(resolver, site -> counts[classify(site.call(), site.scope(), resolver)]++);
    return new CallCensus(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
  }

  /** One line for --explain. */
  public String summary() {
    return "calls in the tree: " + calls + ", resolved " + resolved + ", outside the tree "
        + outside + ", unresolved " + unresolved;
  }

  private static final int RESOLVED = 0;
  private static final int OUTSIDE = 1;
  private static final int UNRESOLVED = 2;

  private static int classify(Expr.Call call, Scope scope, Resolver resolver) {
    Value v = resolver.valueOf(call.func(), scope);
    if (v instanceof Value.FunctionValue || v instanceof Value.ClassValue
        || v instanceof Value.SuperValue) {
      return RESOLVED;
    }
    return outside(root(call.func()), scope, resolver) ? OUTSIDE : UNRESOLVED;
  }

  /** The name an attribute or call chain starts from ({@code LOG} in LOG.debug), or null. */
  private static String root(Expr e) {
    while (true) {
      if (e instanceof Expr.Name n) {
        return n.id();
      } else if (e instanceof Expr.Attribute a) {
        e = a.value();
      } else if (e instanceof Expr.Call c) {
        e = c.func();
      } else if (e instanceof Expr.Subscript s) {
        e = s.value();
      } else {
        return null;
      }
    }
  }

  /** A builtin, or a name imported from a module the tree does not have. */
  private static boolean outside(String name, Scope scope, Resolver resolver) {
    if (name == null || scope.param(name) != null || scope.local(name) != null
        || name.equals(scope.selfName())) {
      return false;
    }
    Binding b = scope.module().bindings().get(name);
    if (b == null) {
      return true; // not bound in the module: a builtin
    }
    if (b instanceof Binding.ModuleImport mi) {
      return resolver.index().module(mi.module()).isEmpty();
    }
    if (b instanceof Binding.FromImport fi) {
      return resolver.index().module(fi.module()).isEmpty()
          && resolver.index().module(fi.module() + "." + fi.symbol()).isEmpty();
    }
    return false;
  }
}
