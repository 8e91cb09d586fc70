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
