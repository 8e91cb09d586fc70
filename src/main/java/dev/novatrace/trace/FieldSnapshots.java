package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fields an object is given back: a helper that returns what a parameter's fields held before
 * it changed them ({@code cleaned = dict(key_data=instance.key_data, ...); instance.key_data =
 * None; return cleaned}) and a helper that updates a parameter with such a dict ({@code
 * instance.update(keys)}). Set and then restored before the save, the fields are no change.
 */
final class FieldSnapshots {
  private FieldSnapshots() {}

  /** The parameter whose fields a function returns as they were, and those fields. */
  record Snapshot(String param, Set<String> fields) {}

  /** The parameters of {@code obj.update(values)}, both a function's own. */
  record Restore(String object, String values) {}

  static Optional<Snapshot> of(FunctionInfo fn) {
    List<Stmt> body = fn.ast().body();
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Return r)
        || r.value() == null) {
      return Optional.empty();
    }
    Expr returned = r.value();
    if (returned instanceof Expr.Name n) {
      returned = null;
      for (Stmt s : body) {
        if (s instanceof Stmt.Assign a && a.targets().size() == 1
            && a.targets().get(0) instanceof Expr.Name t && t.id().equals(n.id())) {
          returned = a.value();
          break; // the first binding: what the fields held before the function changed them
        }
      }
    }
    return returned == null ? Optional.empty() : snapshot(returned, params(fn));
  }

  static Optional<Restore> restore(FunctionInfo fn) {
    Set<String> params = params(fn);
    for (Stmt s : fn.ast().body()) {
      if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && a.attr().equals("update")
          && a.value() instanceof Expr.Name obj && params.contains(obj.id())
          && c.args().size() == 1 && c.args().get(0).kind() == Arg.Kind.POSITIONAL
          && c.args().get(0).value() instanceof Expr.Name values
          && params.contains(values.id())) {
        return Optional.of(new Restore(obj.id(), values.id()));
      }
    }
    return Optional.empty();
  }

  /** {@code dict(k=p.k, ...)} or {@code {'k': p.k, ...}} of one parameter {@code p}. */
  private static Optional<Snapshot> snapshot(Expr e, Set<String> params) {
    Set<String> fields = new LinkedHashSet<>();
    String param = null;
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Name d && d.id().equals("dict")) {
      for (Arg a : c.args()) {
        if (a.kind() != Arg.Kind.KEYWORD) {
          return Optional.empty();
        }
        String p = fieldOf(a.value(), a.keyword(), params);
        if (p == null || param != null && !param.equals(p)) {
          return Optional.empty();
        }
        param = p;
        fields.add(a.keyword());
      }
    } else if (e instanceof Expr.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (!(d.keys().get(i) instanceof Expr.Constant k) || k.kind() != Expr.ConstKind.STRING) {
          return Optional.empty();
        }
        String p = fieldOf(d.values().get(i), k.value(), params);
        if (p == null || param != null && !param.equals(p)) {
          return Optional.empty();
        }
        param = p;
        fields.add(k.value());
      }
    }
    return param == null ? Optional.empty() : Optional.of(new Snapshot(param, fields));
  }

  /** The parameter whose field {@code name} the expression reads ({@code instance.key_data}). */
  private static String fieldOf(Expr value, String name, Set<String> params) {
    return value instanceof Expr.Attribute a && a.attr().equals(name)
        && a.value() instanceof Expr.Name p && params.contains(p.id()) ? p.id() : null;
  }

  private static Set<String> params(FunctionInfo fn) {
    Set<String> out = new LinkedHashSet<>();
    for (Param p : fn.ast().params()) {
      out.add(p.name());
    }
    return out;
  }
}
