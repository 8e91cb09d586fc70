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
      out.add(a.value());
    } else if (e instanceof Expr.Call c) {
      out.add(c.func());
      for (Arg a : c.args()) {
        out.add(a.value());
      }
    } else if (e instanceof Expr.Subscript s) {
      out.add(s.value());
      out.add(s.index());
    } else if (e instanceof Expr.Sequence s) {
      out.addAll(s.elements());
    } else if (e instanceof Expr.Dict d) {
      for (int i = 0; i < d.values().size(); i++) {
        if (d.keys().get(i) != null) {
          out.add(d.keys().get(i));
        }
        out.add(d.values().get(i));
      }
    } else if (e instanceof Expr.Starred s) {
      out.add(s.value());
    } else if (e instanceof Expr.IfExp i) {
      out.add(i.test());
      out.add(i.body());
      out.add(i.orElse());
    } else if (e instanceof Expr.Operation o) {
      out.addAll(o.operands());
    } else if (e instanceof Expr.Await a) {
      out.add(a.value());
    } else if (e instanceof Expr.Yield y && y.value() != null) {
      out.add(y.value());
    } else if (e instanceof Expr.NamedExpr n) {
      out.add(n.value());
    } else if (e instanceof Expr.Comprehension c) {
      out.addAll(c.clauses());
      out.add(c.element());
    } else if (e instanceof Expr.Other o) {
      out.addAll(o.children());
    }
    out.removeIf(x -> x == null);
    return out;
  }

  /** The expressions a statement evaluates itself (not those of the statements it holds). */
  public static List<Expr> of(Stmt s) {
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
}
