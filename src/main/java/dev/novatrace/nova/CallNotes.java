package dev.novatrace.nova;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Calls that an engineer draws as a note over the service doing them rather than followed:
 * policy checks, notifications and instance-action records.
 */
final class CallNotes {
  private CallNotes() {}

  static Optional<String> noteFor(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    String name = Names.simpleName(call.func());
    if (name == null) {
      return Optional.empty();
    }
    if (name.equals("can") && call.func() instanceof Expr.Attribute a && isContext(a.value())) {
      return Optional.of("check policy: " + policyName(call, scope, resolver));
    }
    if ((name.equals("authorize") || name.endsWith("_authorize")) && isPolicyCheck(call)) {
      return Optional.of("check policy: " + policyName(call, scope, resolver));
    }
    if (name.startsWith("notify_about_") || name.startsWith("_notify_about_")) {
      return Optional.of("notify: " + notification(call, scope, strings));
    }
    if (name.equals("_record_action_start") || name.equals("action_start")) {
      return Optional.of("record action: " + lastString(call, strings).orElse("?"));
    }
    return Optional.empty();
  }

  /**
   * An old-style policy check passes the context ({@code authorize(context, action=...)},
   * {@code policy.authorize(...)}); a console token's {@code authorize(ttl)} is no policy check.
   */
  private static boolean isPolicyCheck(Expr.Call call) {
    if (call.func() instanceof Expr.Attribute a && Names.simpleName(a.value()) != null
        && Names.simpleName(a.value()).contains("polic")) {
      return true;
    }
    return call.args().stream().anyMatch(arg -> "action".equals(arg.keyword())
        || arg.kind() == Arg.Kind.POSITIONAL && arg.value() instanceof Expr.Name n && isContext(n));
  }

  private static boolean isContext(Expr receiver) {
    String n = Names.simpleName(receiver);
    return n != null && (n.contains("context") || n.contains("ctxt"));
  }

  private static String policyName(Expr.Call call, Scope scope, Resolver resolver) {
    for (Arg a : call.args()) {
      if ("action".equals(a.keyword())) {
        return text(a.value(), scope, resolver);
      }
    }
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.POSITIONAL) {
        Expr first = a.value();
        // Old-style authorize(context, ...): the context is first, the rule may follow.
        if (first instanceof Expr.Name n && isContext(n)) {
          continue;
        }
        return text(first, scope, resolver);
      }
    }
    return "default rule";
  }

  /**
   * {@code action=fields.NotificationAction.PAUSE, phase=...START} → pause.start; a phase
   * without an action names the event after the function ({@code notify_about_volume_swap(...,
   * fields.NotificationPhase.START)} → volume_swap.start); a legacy notification is the event
   * string it is given ({@code 'resize.revert.%s' % phase} with the phase its caller passes).
   */
  private static String notification(Expr.Call call, Scope scope, CallStrings strings) {
    String action = null;
    String phase = null;
    for (Arg a : call.args()) {
      if ("action".equals(a.keyword())) {
        action = ConstText.of(a.value(), scope.module().ast()).toLowerCase(Locale.ROOT);
      } else if ("phase".equals(a.keyword()) || a.kind() == Arg.Kind.POSITIONAL
          && a.value() instanceof Expr.Attribute at
          && "NotificationPhase".equals(Names.simpleName(at.value()))) {
        phase = ConstText.of(a.value(), scope.module().ast()).toLowerCase(Locale.ROOT);
      }
    }
    String named = Names.simpleName(call.func()).replaceFirst("^_?notify_about_", "");
    if (action == null && phase != null) {
      action = named.replaceFirst("^instance_", "");
    }
    if (action != null) {
      return phase == null ? action : action + "." + phase;
    }
    return lastString(call, strings).orElseGet(() -> named.replace('_', ' '));
  }

  private static Optional<String> lastString(Expr.Call call, CallStrings strings) {
    List<Arg> args = call.args();
    for (int i = args.size() - 1; i >= 0; i--) {
      Arg a = args.get(i);
      if (a.kind() == Arg.Kind.POSITIONAL || "action".equals(a.keyword())
          || "event_suffix".equals(a.keyword())) {
        Optional<String> s = strings.of(a.value());
        if (s.isPresent()) {
          return s;
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Expr e, Scope scope, Resolver resolver) {
    Value v = resolver.valueOf(e, scope);
    if (v instanceof Value.StringValue s) {
      return s.value();
    }
    return ConstText.shorten(scope.module().ast().text(e.pos()));
  }
}
