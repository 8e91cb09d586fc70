package dev.novatrace.trace;

import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What of a try statement's finally block runs once its body went through. */
final class FinallyOnSuccess {
  private FinallyOnSuccess() {}

  /**
   * A finally block as it runs after the try body went through: a flag the body set last to a
   * literal at its top level ({@code rollback = True; try: ...; rollback = False ... finally:
   * if rollback: roll back}) decides the tests on it there. The roll back is the way the
   * action fails, and handlers are not drawn either.
   */
  static List<Stmt> of(Stmt.Try t) {
    Map<String, Boolean> set = new HashMap<>();
    Map<String, Integer> last = new HashMap<>();
    StatementWalker.forEach(t.body(), x -> {
      if (x instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n) {
        last.merge(n.id(), a.pos().start(), Math::max);
      }
    });
    Set<String> returned = new HashSet<>();
    for (Stmt x : t.body()) {
      if (!(x instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n
          && last.get(n.id()).intValue() == a.pos().start())) {
        continue;
      }
      if (a.value() instanceof Expr.Constant c
          && (c.kind() == Expr.ConstKind.TRUE || c.kind() == Expr.ConstKind.FALSE)) {
        set.put(n.id(), c.kind() == Expr.ConstKind.TRUE);
      } else if (a.value() instanceof Expr.Call) {
        returned.add(n.id()); // reservations = QUOTAS.reserve(...): what it returned
      }
    }
    set.putAll(notNone(t.finalBody(), returned));
    if (set.isEmpty()) {
      return t.finalBody();
    }
    List<Stmt> out = new ArrayList<>();
    for (Stmt x : t.finalBody()) {
      Optional<Boolean> held = x instanceof Stmt.If i ? heldFlag(i.test(), set)
          : Optional.empty();
      if (held.isEmpty()) {
        out.add(x);
      } else {
        out.addAll(held.get() ? ((Stmt.If) x).body() : ((Stmt.If) x).orElse());
      }
    }
    return out;
  }

  /**
   * {@code x is None} (or {@code is not None}) tests in a finally on names the try body last
   * set from a call, keyed by their text: the call went through and returned its result
   * ({@code if reservations is None: roll back} is how a failed reservation is told).
   */
  private static Map<String, Boolean> notNone(List<Stmt> finalBody, Set<String> returned) {
    Map<String, Boolean> out = new HashMap<>();
    for (Stmt x : finalBody) {
      if (x instanceof Stmt.If i && i.test() instanceof Expr.Operation op
          && (op.op().equals("is") || op.op().equals("is not")) && op.operands().size() == 2
          && op.operands().get(0) instanceof Expr.Name n && returned.contains(n.id())
          && op.operands().get(1) instanceof Expr.Constant c
          && c.kind() == Expr.ConstKind.NONE) {
        out.put(n.id() + " " + op.op() + " None", op.op().equals("is not"));
      }
    }
    return out;
  }

  private static Optional<Boolean> heldFlag(Expr test, Map<String, Boolean> set) {
    if (test instanceof Expr.Operation op && op.operands().size() == 2
        && op.operands().get(0) instanceof Expr.Name n
        && op.operands().get(1) instanceof Expr.Constant c && c.kind() == Expr.ConstKind.NONE) {
      return Optional.ofNullable(set.get(n.id() + " " + op.op() + " None"));
    }
    if (test instanceof Expr.Name n) {
      return Optional.ofNullable(set.get(n.id()));
    }
    if (test instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      return heldFlag(op.operands().get(0), set).map(inner -> !inner);
    }
    return Optional.empty();
  }
}
