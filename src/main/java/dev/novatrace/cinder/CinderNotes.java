package dev.novatrace.cinder;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.List;
import java.util.Optional;

/**
 * Calls that a Cinder engineer draws as a note over the service doing them rather than followed:
 * policy checks ({@code context.authorize(vol_action_policy.EXTEND_POLICY, target_obj=volume)})
 * and notifications ({@code notify_about_volume_usage(context, volume, 'create.start')}).
 */
final class CinderNotes {
  private CinderNotes() {}

  static Optional<String> noteFor(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    String name = Names.simpleName(call.func());
    if (name == null) {
      return Optional.empty();
    }
    if (name.equals("authorize") && call.func() instanceof Expr.Attribute a
        && (isContext(a.value()) || "policy".equals(Names.simpleName(a.value())))) {
      return Optional.of("check policy: " + policyName(call, scope, resolver));
    }
    if (name.equals("check_policy") || name.equals("check_volume_policy")) {
      return Optional.of("check policy: " + lastString(call, strings).orElse("default rule"));
    }
    if (name.startsWith("notify_about_") || name.startsWith("_notify_about_")) {
      return Optional.of("notify: " + lastString(call, strings).orElseGet(() ->
          name.replaceFirst("^_?notify_about_", "").replace('_', ' ')));
    }
    return Optional.empty();
  }

  private static boolean isContext(Expr receiver) {
    String n = Names.simpleName(receiver);
    return n != null && (n.contains("context") || n.contains("ctxt"));
  }

  /** The rule: the first positional argument that is not the context. */
  private static String policyName(Expr.Call call, Scope scope, Resolver resolver) {
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.POSITIONAL && !(a.value() instanceof Expr.Name n && isContext(n))) {
        Value v = resolver.valueOf(a.value(), scope);
        if (v instanceof Value.StringValue s) {
          return s.value();
        }
        return ConstText.shorten(scope.module().ast().text(a.value().pos()));
      }
    }
    return "default rule";
  }

  /** The last string argument ({@code 'create.start'}), as the event a notification names. */
  private static Optional<String> lastString(Expr.Call call, CallStrings strings) {
    List<Arg> args = call.args();
    for (int i = args.size() - 1; i >= 0; i--) {
      Arg a = args.get(i);
      if (a.kind() == Arg.Kind.POSITIONAL || "event_suffix".equals(a.keyword())) {
        Optional<String> s = strings.of(a.value());
        if (s.isPresent()) {
          return s;
        }
      }
    }
    return Optional.empty();
  }
}
