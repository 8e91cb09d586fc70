package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The string a function returns the way it runs: every {@code return} outside its exception
 * handlers (the way it fails) and nested definitions gives the same string, and the function
 * ends with one, so it cannot fall off its end returning None. {@code _do_build_and_run_instance}
 * returns {@code build_results.ACTIVE} ('active') but in its handlers; its caller's
 * {@code if result == build_results.FAILED} is then no choice on the path.
 */
final class MainReturns {
  private MainReturns() {}

  static Optional<String> of(FunctionInfo fn, Resolver resolver) {
    List<Stmt> body = fn.ast().body();
    if (body.isEmpty() || !endsWithReturn(body.get(body.size() - 1))) {
      return Optional.empty();
    }
    List<Expr> values = new ArrayList<>();
    returns(body, values);
    Scope scope = Scope.ofFunction(fn);
    String common = null;
    for (Expr v : values) {
      if (v == null || !(resolver.valueOf(v, scope) instanceof Value.StringValue s)
          || common != null && !common.equals(s.value())) {
        return Optional.empty();
      }
      common = s.value();
    }
    return Optional.ofNullable(common);
  }

  /** Logging calls that say a function is failing: a bail-out after one is no way it runs. */
  private static final java.util.Set<String> FAILING = java.util.Set.of("error", "exception",
      "critical");

  /**
   * The truth a function returns the way it runs, in Python's text ({@code True}): it ends
   * returning a literal True or False, and every other return outside its handlers returns the
   * same, or the other right after logging an error ({@code LOG.error('Error response returned
   * from nova'); return False}: cinder's _send_events, whose caller then reports no failure).
   */
  static Optional<String> truth(FunctionInfo fn) {
    List<Stmt> body = fn.ast().body();
    Optional<Boolean> last = body.isEmpty()
        || !(body.get(body.size() - 1) instanceof Stmt.Return r)
        ? Optional.empty() : literal(r.value());
    return last.filter(main -> agrees(body, main)).map(main -> main ? "True" : "False");
  }

  /**
   * Whether a function returns a dict literal with entries wherever it returns, handlers aside,
   * and ends with such a return (LVM's create_export: provider_location and provider_auth): a
   * caller's {@code if model_update:} holds.
   */
  static boolean fillsADict(FunctionInfo fn) {
    List<Stmt> body = fn.ast().body();
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Return)) {
      return false;
    }
    List<Expr> values = new ArrayList<>();
    returns(body, values);
    return values.stream().allMatch(v -> v instanceof Expr.Dict d && !d.keys().isEmpty());
  }

  private static Optional<Boolean> literal(Expr e) {
    return e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.TRUE ? Optional.of(true)
        : e instanceof Expr.Constant c2 && c2.kind() == Expr.ConstKind.FALSE ? Optional.of(false)
        : Optional.empty();
  }

  /** Whether every return in {@code body} (handlers aside) gives {@code main} or bails out. */
  private static boolean agrees(List<Stmt> body, boolean main) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      if (s instanceof Stmt.Return r) {
        Optional<Boolean> v = literal(r.value());
        if (v.isEmpty() || v.get() != main && !(i > 0 && logsFailure(body.get(i - 1)))) {
          return false;
        }
      } else if (s instanceof Stmt.Match) {
        return false;
      } else if (s instanceof Stmt.Try t) {
        if (!agrees(t.body(), main) || !agrees(t.orElse(), main)
            || !agrees(t.finalBody(), main)) {
          return false;
        }
      } else if (!(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
        for (List<Stmt> inner : dev.novatrace.index.StatementWalker.children(s)) {
          if (!agrees(inner, main)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean logsFailure(Stmt s) {
    return s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
        && c.func() instanceof Expr.Attribute a && FAILING.contains(a.attr())
        && a.value() instanceof Expr.Name n && n.id().equalsIgnoreCase("log");
  }

  /** A return, or a try whose body ends with one (its handlers are the way it fails). */
  private static boolean endsWithReturn(Stmt last) {
    return last instanceof Stmt.Return
        || last instanceof Stmt.Try t && !t.body().isEmpty() && t.orElse().isEmpty()
            && t.finalBody().isEmpty() && t.body().get(t.body().size() - 1) instanceof Stmt.Return;
  }

  private static void returns(List<Stmt> body, List<Expr> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Return r) {
        out.add(r.value());
      } else if (s instanceof Stmt.If i) {
        returns(i.body(), out);
        returns(i.orElse(), out);
      } else if (s instanceof Stmt.For f) {
        returns(f.body(), out);
        returns(f.orElse(), out);
      } else if (s instanceof Stmt.While w) {
        returns(w.body(), out);
        returns(w.orElse(), out);
      } else if (s instanceof Stmt.With w) {
        returns(w.body(), out);
      } else if (s instanceof Stmt.Try t) {
        returns(t.body(), out);
        returns(t.orElse(), out);
        returns(t.finalBody(), out);
      } else if (s instanceof Stmt.Match) {
        out.add(null); // a case may return what this reading does not follow
      }
    }
  }
}
