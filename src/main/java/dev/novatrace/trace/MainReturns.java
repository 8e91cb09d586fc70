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
