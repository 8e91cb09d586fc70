package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import java.util.Map;

/**
 * The path a string expression builds, with what is only known at run time as a placeholder:
 * {@code '/allocations/%s' % consumer_uuid} is {@code /allocations/{consumer_uuid}}. A client
 * module's HTTP request is labelled with it ({@link ClientRequests}).
 */
final class PathTemplates {
  /** How deep locals and nested formats are read. */
  private static final int DEPTH = 4;

  private PathTemplates() {}

  /**
   * The template {@code e} builds where {@code scope} reads it, or null when it is no string
   * built from a literal. {@code known}: what the enclosing call's parameters hold.
   */
  static String of(Expr e, Scope scope, Map<String, String> known) {
    return of(e, scope, known, DEPTH);
  }

  private static String of(Expr e, Scope scope, Map<String, String> known, int depth) {
    if (depth < 0) {
      return null;
    }
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      return c.value();
    }
    if (e instanceof Expr.Name n) {
      if (known.containsKey(n.id())) {
        return known.get(n.id());
      }
      Expr local = scope.param(n.id()) == null ? scope.local(n.id()) : null;
      return local == null ? null : of(local, scope, known, depth - 1);
    }
    if (!(e instanceof Expr.Operation op) || op.operands().size() != 2) {
      return null;
    }
    String left = of(op.operands().get(0), scope, known, depth - 1);
    if (left == null) {
      return null;
    }
    if (op.op().equals("%")) {
      return PercentFormat.apply(left, op.operands().get(1),
          item -> new Value.StringValue(part(item, scope, known, depth - 1)));
    }
    return op.op().equals("+") ? left + part(op.operands().get(1), scope, known, depth - 1)
        : null;
  }

  /**
   * {@code for method in ('add_image_location', 'add_location')}: the names a loop variable of
   * {@code fn} takes in turn, "a or b", or null.
   */
  static String triedInTurn(String variable, dev.novatrace.index.FunctionInfo fn, Scope scope) {
    String[] names = {null};
    dev.novatrace.index.StatementWalker.forEach(fn.ast().body(), st -> {
      if (st instanceof dev.novatrace.python.ast.Stmt.For f && f.target() instanceof Expr.Name t
          && t.id().equals(variable)) {
        Expr iter = f.iter() instanceof Expr.Name local ? scope.local(local.id()) : f.iter();
        if (iter instanceof Expr.Sequence seq && !seq.elements().isEmpty()
            && seq.elements().stream().allMatch(x -> x instanceof Expr.Constant k
                && k.kind() == Expr.ConstKind.STRING)) {
          names[0] = String.join(" or ", seq.elements().stream()
              .map(x -> ((Expr.Constant) x).value()).toList());
        }
      }
    });
    return names[0];
  }

  /** A formatted part: its template, else a placeholder naming it. */
  private static String part(Expr e, Scope scope, Map<String, String> known, int depth) {
    String text = of(e, scope, known, depth);
    if (text != null) {
      return text;
    }
    String name = e instanceof Expr.Name n ? n.id()
        : e instanceof Expr.Attribute a ? a.attr()
        : e instanceof Expr.Call c && c.func() instanceof Expr.Attribute f ? f.attr()
        : e instanceof Expr.Call c2 && c2.func() instanceof Expr.Name g ? g.id() : "...";
    return "{" + name + "}";
  }
}
