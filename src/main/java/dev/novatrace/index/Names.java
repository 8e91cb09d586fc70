package dev.novatrace.index;

import dev.novatrace.python.ast.Expr;

/** Small helpers for reading names out of expressions. */
public final class Names {
  private Names() {}

  /**
   * The dotted text of a name chain ({@code a.b.c}), seeing through a call's callee, or null
   * when the expression is not such a chain.
   */
  public static String dotted(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Attribute a) {
      String left = dotted(a.value());
      return left == null ? null : left + "." + a.attr();
    }
    return null;
  }

  /** What an attribute chain starts from: {@code CONF} in {@code CONF.cinder.x}, else itself. */
  public static Expr root(Expr e) {
    Expr root = e;
    while (root instanceof Expr.Attribute a) {
      root = a.value();
    }
    return root;
  }

  /** The last name of a chain or of a call's callee: {@code wsgi.action('x')} gives "action". */
  public static String simpleName(Expr e) {
    if (e instanceof Expr.Call c) {
      return simpleName(c.func());
    }
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Attribute a) {
      return a.attr();
    }
    return null;
  }

  /** The string value of a plain string literal, else null. */
  public static String string(Expr e) {
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      return c.value();
    }
    return null;
  }
}
