package dev.novatrace.trace;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which expression each parameter of a callee receives from one call. */
final class Arguments {
  private Arguments() {}

  /**
   * The parameters the call's own positional and keyword arguments bind (caller's code).
   * {@code offset}: 1 when the receiver fills the first parameter.
   */
  static Map<String, Expr> passed(List<Param> params, int offset, Expr.Call c) {
    Map<String, Expr> bound = new LinkedHashMap<>();
    int position = 0;
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD) {
        bound.put(a.keyword(), a.value());
      } else if (a.kind() == Arg.Kind.POSITIONAL) {
        int i = offset + position++;
        if (i < params.size() && params.get(i).kind() != Param.Kind.VAR_POSITIONAL) {
          bound.put(params.get(i).name(), a.value());
        }
      }
    }
    return bound;
  }

  /**
   * The parameters the call binds, with {@code **kwargs} spread when {@code kwargs} is a local
   * the caller built as {@code dict(name=value, ...)} or {@code {'name': value, ...}}: compute's
   * rebuild hands its closures to the driver, or to its default implementation, that way.
   */
  static Map<String, Expr> passed(List<Param> params, int offset, Expr.Call c, Scope scope) {
    Map<String, Expr> bound = passed(params, offset, c);
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.DOUBLE_STAR && a.value() instanceof Expr.Name n
          && scope.param(n.id()) == null) {
        spread(scope.local(n.id()), bound);
      }
    }
    return bound;
  }

  /** The keyword arguments of a call, {@code **kwargs} spread as {@link #passed} does. */
  static Map<String, Expr> keywords(Expr.Call c, Scope scope) {
    return passed(List.of(), 0, c, scope);
  }

  private static void spread(Expr built, Map<String, Expr> bound) {
    if (built instanceof Expr.Call call && call.func() instanceof Expr.Name f
        && f.id().equals("dict")) {
      call.args().stream().filter(x -> x.kind() == Arg.Kind.KEYWORD)
          .forEach(x -> bound.putIfAbsent(x.keyword(), x.value()));
    } else if (built instanceof Expr.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) instanceof Expr.Constant k && k.kind() == Expr.ConstKind.STRING) {
          bound.putIfAbsent(k.value(), d.values().get(i));
        }
      }
    }
  }

  /**
   * The defaults (callee's code) of the parameters the call leaves out. With {@code *args} or
   * {@code **kwargs} in the call what it leaves out is not known, so none.
   */
  static Map<String, Expr> defaults(List<Param> params, int offset, Expr.Call c) {
    if (c.args().stream().anyMatch(a -> a.kind() == Arg.Kind.STAR
        || a.kind() == Arg.Kind.DOUBLE_STAR)) {
      return Map.of();
    }
    Map<String, Expr> passed = passed(params, offset, c);
    Map<String, Expr> out = new LinkedHashMap<>();
    for (int i = offset; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.defaultValue() != null && !passed.containsKey(p.name())) {
        out.put(p.name(), p.defaultValue());
      }
    }
    return out;
  }
}
