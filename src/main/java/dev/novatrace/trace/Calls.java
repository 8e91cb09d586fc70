package dev.novatrace.trace;

import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.List;

/** Questions about the calls a body makes, answered from its code alone. */
final class Calls {
  private Calls() {}

  /** Whether the body calls {@code name(...)} in a statement, a return or an assignment. */
  static boolean callsName(List<Stmt> body, String name) {
    boolean[] found = {false};
    StatementWalker.forEach(body, s -> {
      Expr e = s instanceof Stmt.ExprStmt x ? x.value()
          : s instanceof Stmt.Assign a ? a.value()
          : s instanceof Stmt.Return r ? r.value() : null;
      found[0] |= e != null && calls(e, name);
    });
    return found[0];
  }

  private static boolean calls(Expr e, String name) {
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals(name)) {
      return true;
    }
    for (Expr child : ExprChildren.of(e)) {
      if (child != null && calls(child, name)) {
        return true;
      }
    }
    return false;
  }
}
