package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locals of a function bound once, at the top of its body, and nowhere else: {@code allowed
 * = context.can(...)}. Such a name holds its expression wherever it is read after; a name bound
 * twice, in a branch or a loop, or as a loop or handler target holds no one value.
 */
final class FunctionLocals {
  private final Map<FunctionInfo, Map<String, Expr>> cache = new HashMap<>();

  Map<String, Expr> of(FunctionInfo fn) {
    return cache.computeIfAbsent(fn, FunctionLocals::read);
  }

  private static Map<String, Expr> read(FunctionInfo fn) {
    Map<String, Expr> once = new HashMap<>();
    for (Stmt s : fn.ast().body()) {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n) {
        once.put(n.id(), once.containsKey(n.id()) ? null : a.value());
      }
    }
    Set<String> elsewhere = new HashSet<>();
    bound(fn.ast().body(), true, elsewhere);
    Map<String, Expr> out = new HashMap<>();
    once.forEach((name, value) -> {
      if (value != null && !elsewhere.contains(name)) {
        out.put(name, value);
      }
    });
    return Map.copyOf(out);
  }

  /** Every name a block binds, in any statement (nested definitions' bodies aside). */
  static Set<String> boundIn(List<Stmt> body) {
    Set<String> out = new HashSet<>();
    bound(body, false, out);
    return out;
  }

  /** Names bound other than by a top-level {@code name = value} of the body. */
  private static void bound(List<Stmt> body, boolean top, Set<String> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (!top || !(t instanceof Expr.Name) || a.targets().size() != 1) {
            names(t, out);
          }
        }
      } else if (s instanceof Stmt.AugAssign a) {
        names(a.target(), out);
      } else if (s instanceof Stmt.AnnAssign a) {
        names(a.target(), out);
      } else if (s instanceof Stmt.Simple g) {
        g.exprs().forEach(e -> names(e, out)); // global, nonlocal, del
      } else {
        if (s instanceof Stmt.For f) {
          names(f.target(), out);
        } else if (s instanceof Stmt.With w) {
          w.items().forEach(i -> names(i.target(), out));
        } else if (s instanceof Stmt.Try t) {
          t.handlers().stream().filter(h -> h.name() != null).forEach(h -> out.add(h.name()));
        }
        dev.novatrace.index.StatementWalker.children(s).forEach(b -> bound(b, false, out));
      }
    }
  }

  static void names(Expr target, Set<String> out) {
    if (target instanceof Expr.Name n) {
      out.add(n.id());
    } else if (target instanceof Expr.Sequence seq) {
      seq.elements().forEach(e -> names(e, out));
    } else if (target instanceof Expr.Starred st) {
      names(st.value(), out);
    }
  }
}
