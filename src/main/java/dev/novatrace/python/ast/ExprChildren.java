package dev.novatrace.python.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * The sub-expressions of an expression, in evaluation order (lambda bodies excluded), and the
 * expressions a statement evaluates itself: what every walk over our AST that looks for calls or
 * names goes through.
 */
public final class ExprChildren {
  private ExprChildren() {}

  public static List<Expr> of(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Attribute a) {
      add(out, a.value());
    } else if (e instanceof Expr.Call c) {
      add(out, c.func());
      for (Arg a : c.args()) {
        add(out, a.value());
      }
    } else if (e instanceof Expr.Subscript s) {
      add(out, s.value());
      add(out, s.index());
    } else if (e instanceof Expr.Sequence s) {
      addAll(out, s.elements());
    } else if (e instanceof Expr.Dict d) {
      for (int i = 0; i < d.values().size(); i++) {
        if (d.keys().get(i) != null) {
          add(out, d.keys().get(i));
        }
        add(out, d.values().get(i));
      }
    } else if (e instanceof Expr.Starred s) {
      add(out, s.value());
    } else if (e instanceof Expr.IfExp i) {
      add(out, i.test());
      add(out, i.body());
      add(out, i.orElse());
    } else if (e instanceof Expr.Operation o) {
      addAll(out, o.operands());
    } else if (e instanceof Expr.Await a) {
      add(out, a.value());
    } else if (e instanceof Expr.Yield y && y.value() != null) {
      add(out, y.value());
    } else if (e instanceof Expr.NamedExpr n) {
      add(out, n.value());
    } else if (e instanceof Expr.Comprehension c) {
      addAll(out, c.clauses());
      add(out, c.element());
    } else if (e instanceof Expr.Other o) {
      addAll(out, o.children());
    }
    return out;
  }

  /** The expressions a statement evaluates itself (not those of the statements it holds). */
  public static List<Expr> of(Stmt s) {
    List<Expr> out = new ArrayList<>();
    if (s instanceof Stmt.Assign a) {
      add(out, a.value());
      addAll(out, a.targets());
    } else if (s instanceof Stmt.AugAssign a) {
      add(out, a.value());
    } else if (s instanceof Stmt.AnnAssign a) {
      add(out, a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      add(out, e.value());
    } else if (s instanceof Stmt.Return r) {
      add(out, r.value());
    } else if (s instanceof Stmt.Raise r) {
      add(out, r.exc());
      add(out, r.cause());
    } else if (s instanceof Stmt.If i) {
      add(out, i.test());
    } else if (s instanceof Stmt.For f) {
      add(out, f.iter());
    } else if (s instanceof Stmt.While w) {
      add(out, w.test());
    } else if (s instanceof Stmt.With w) {
      for (Stmt.WithItem item : w.items()) {
        add(out, item.context());
      }
    } else if (s instanceof Stmt.Match m) {
      add(out, m.subject());
    } else if (s instanceof Stmt.Simple simple) {
      addAll(out, simple.exprs());
    }
    return out;
  }

  /** Adds {@code e} unless it is absent (a bare return, a dict's ** entry). */
  private static void add(List<Expr> out, Expr e) {
    if (e != null) {
      out.add(e);
    }
  }

  private static void addAll(List<Expr> out, List<? extends Expr> all) {
    for (Expr e : all) {
      add(out, e);
    }
  }
}
