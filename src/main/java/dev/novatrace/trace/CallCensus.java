package dev.novatrace.trace;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * How well the resolver knows a whole tree: every call in every function and method, resolved
 * to a function or class of the tree, outside it (a builtin, a library module), or unresolved
 * (a receiver of unknown type, an attribute the tree does not define). The unresolved count is
 * the measure of the resolver; the tracer only ever sees the calls on its routes.
 */
public record CallCensus(int calls, int resolved, int outside, int unresolved) {

  public static CallCensus of(Resolver resolver) {
    int[] counts = new int[3];
    for (ModuleInfo m : resolver.index().modules()) {
      List<FunctionInfo> functions = new ArrayList<>(m.functions().values());
      for (ClassInfo c : m.classes().values()) {
        functions.addAll(c.methods().values());
      }
      for (FunctionInfo f : functions) {
        Scope scope = resolver.scopeOf(f);
        StatementWalker.forEach(f.ast().body(), s -> expressions(s).forEach(
            e -> calls(e, call -> counts[classify(call, scope, resolver)]++)));
      }
    }
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

  private static List<Expr> expressions(Stmt s) {
    List<Expr> out = new ArrayList<>();
    if (s instanceof Stmt.Assign a) {
      out.add(a.value());
      out.addAll(a.targets());
    } else if (s instanceof Stmt.AugAssign a) {
      out.add(a.value());
    } else if (s instanceof Stmt.AnnAssign a) {
      out.add(a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      out.add(e.value());
    } else if (s instanceof Stmt.Return r) {
      out.add(r.value());
    } else if (s instanceof Stmt.Raise r) {
      out.add(r.exc());
      out.add(r.cause());
    } else if (s instanceof Stmt.If i) {
      out.add(i.test());
    } else if (s instanceof Stmt.For f) {
      out.add(f.iter());
    } else if (s instanceof Stmt.While w) {
      out.add(w.test());
    } else if (s instanceof Stmt.With w) {
      w.items().forEach(item -> out.add(item.context()));
    } else if (s instanceof Stmt.Match m) {
      out.add(m.subject());
    } else if (s instanceof Stmt.Simple simple) {
      out.addAll(simple.exprs());
    }
    out.removeIf(e -> e == null);
    return out;
  }

  private static void calls(Expr e, java.util.function.Consumer<Expr.Call> visit) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    for (Expr child : ExprChildren.of(e)) {
      calls(child, visit);
    }
    if (e instanceof Expr.Call c) {
      visit.accept(c);
    }
  }
}
