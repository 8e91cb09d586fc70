package dev.novatrace.trace;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.Optional;

/**
 * A policy check that asks rather than enforces: {@code context.can(rule, fatal=False)} (Nova),
 * {@code context.authorize(rule, fatal=False)} (Cinder). It answers True or False where the
 * enforcing form raises, so the code branches on it.
 */
public final class AskedPolicy {
  private AskedPolicy() {}

  /** The rule {@code call} asks about, when it is {@code <context>.method(rule, fatal=False)}. */
  public static Optional<Expr> of(Expr.Call call, String method) {
    return check(call, method).filter(c -> asks(call)).map(c -> c);
  }

  /**
   * The rule {@code call} enforces, when it is {@code <context>.method(rule, ...)} without
   * {@code fatal=False}: it raises for a caller the rule does not admit.
   */
  public static Optional<Expr> enforced(Expr.Call call, String method) {
    return check(call, method).filter(c -> !asks(call));
  }

  private static Optional<Expr> check(Expr.Call call, String method) {
    if (!(call.func() instanceof Expr.Attribute a) || !a.attr().equals(method)) {
      return Optional.empty();
    }
    String receiver = Names.simpleName(a.value());
    if (receiver == null || !receiver.contains("context") && !receiver.contains("ctxt")) {
      return Optional.empty();
    }
    return call.args().stream().filter(arg -> arg.kind() == Arg.Kind.POSITIONAL).findFirst()
        .or(() -> call.args().stream().filter(arg -> "action".equals(arg.keyword())).findFirst())
        .map(Arg::value);
  }

  private static boolean asks(Expr.Call call) {
    return call.args().stream().anyMatch(arg -> "fatal".equals(arg.keyword())
        && arg.value() instanceof Expr.Constant k && k.kind() == Expr.ConstKind.FALSE);
  }
}
