package dev.novatrace.trace;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** The sub-expressions of an expression, in evaluation order (lambda bodies excluded). */
final class ExprChildren {
  private ExprChildren() {}

  static List<Expr> of(Expr e) {
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
}
