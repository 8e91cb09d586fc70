package dev.novatrace.python;

import dev.novatrace.python.ast.Expr;

/**
 * What may stand left of {@code =}, after {@code for}, {@code del} or {@code as}. The grammar
 * parses targets as expressions (cheap to predict); this rejects the ones Python rejects.
 */
final class Targets {

  private Targets() {}

  /** Names, attributes, subscripts, and lists/tuples (with one starred element) of those. */
  static Expr checked(Expr target, String action) {
    if (target instanceof Expr.Sequence seq
        && (seq.kind() == Expr.SeqKind.TUPLE || seq.kind() == Expr.SeqKind.LIST)) {
      for (Expr e : seq.elements()) {
        checked(e instanceof Expr.Starred s ? s.value() : e, action);
      }
    } else if (target instanceof Expr.Starred s) {
      checked(s.value(), action);
    } else if (!isSingle(target)) {
      throw new SyntaxProblem(target.pos(), "cannot " + action + " " + describe(target));
    }
    return target;
  }

  /** Augmented and annotated assignment take exactly one name, attribute or subscript. */
  static Expr single(Expr target, String what) {
    if (!isSingle(target)) {
      throw new SyntaxProblem(target.pos(), "'" + describe(target) + "' is an illegal expression for " + what);
    }
    return target;
  }

  private static boolean isSingle(Expr e) {
    return e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript;
  }

  private static String describe(Expr e) {
    if (e instanceof Expr.Call) {
      return "function call";
    } else if (e instanceof Expr.Constant) {
      return "literal";
    } else if (e instanceof Expr.Comprehension) {
      return "comprehension";
    } else if (e instanceof Expr.Lambda) {
      return "lambda";
    } else if (e instanceof Expr.Sequence s) {
      return s.kind() == Expr.SeqKind.SET ? "set display" : "tuple";
    } else if (e instanceof Expr.Dict) {
      return "dict literal";
    } else if (e instanceof Expr.Await) {
      return "await expression";
    } else if (e instanceof Expr.Yield) {
      return "yield expression";
    } else if (e instanceof Expr.IfExp) {
      return "conditional expression";
    } else if (e instanceof Expr.NamedExpr) {
      return "named expression";
    }
    return "expression";
  }
}
