package dev.novatrace.trace;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.List;

/** How a block of statements ends or repeats, as the {@link Tracer}'s walk asks of it. */
final class Bodies {
  private Bodies() {}

  static boolean endsWithRaise(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Raise;
  }

  static boolean endsWithReturn(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Return;
  }

  /**
   * A loop body that returns from a try unless it fails, its handlers going on to the next
   * ({@code for mv in versions: try: return get(mv) except NotAvailable: pass}): the items are
   * tried in turn until one works, usually the first, not each of them.
   */
  static boolean triesInTurn(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Try t
        && endsWithReturn(t.body()) && !t.handlers().isEmpty()
        && t.handlers().stream().noneMatch(h -> endsWithReturn(h.body()))
        // Some handler goes on to the next item; one that raises is the way the loop fails.
        && t.handlers().stream().anyMatch(h -> !endsWithRaise(h.body()))
        && t.orElse().isEmpty() && t.finalBody().isEmpty();
  }

  /**
   * A loop that stops at the first call that succeeds ({@code for host in hosts: if
   * claim_resources(...): claimed = host; break}): {@code , until claim resources succeeds}.
   */
  static String untilSucceeds(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Call c && i.orElse().isEmpty()
          && !i.body().isEmpty() && i.body().get(i.body().size() - 1) instanceof Stmt.Simple b
          && b.kind().equals("break") && Names.simpleName(c.func()) != null) {
        return ", until " + Names.simpleName(c.func()).replaceFirst("^_+", "").replace('_', ' ')
            + " succeeds";
      }
    }
    return "";
  }
}
