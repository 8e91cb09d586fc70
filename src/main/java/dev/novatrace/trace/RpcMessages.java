package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an RPC message is written in an oslo.messaging client: the verb it is sent with ({@code
 * cctxt.cast}, {@code cctxt.call}) and the name of the method it asks for. The one place that
 * reads both, for the tracer ({@link CallClassifier}) and for the routes of a whole tree ({@link
 * RpcRoutes}).
 */
final class RpcMessages {
  private RpcMessages() {}

  /**
   * The RPC verb an expression names: {@code cctxt.cast} or {@code cctxt.call}, the two ways an
   * oslo.messaging client sends; the one place that says how an RPC is recognised.
   */
  static Optional<String> verbOf(Expr e) {
    return e instanceof Expr.Attribute a && (a.attr().equals("cast") || a.attr().equals("call"))
        ? Optional.of(a.attr()) : Optional.empty();
  }

  /** The method name argument: the first string among the first two positional arguments. */
  static Optional<String> methodName(Expr.Call c, Scope scope, Resolver resolver) {
    return firstOfTwo(c, e -> resolver.valueOf(e, scope) instanceof Value.StringValue s
        ? Optional.of(s.value()) : Optional.empty());
  }

  /**
   * As {@link #methodName}, else a name among those two the caller bound to a literal:
   * {@code cctxt.cast(context, method, ...)} in a helper its caller handed
   * {@code "port_create_end"} (Neutron's DHCP notifier).
   */
  static Optional<String> methodName(Expr.Call c, Scope scope, Resolver resolver,
      CallStrings bound) {
    return methodName(c, scope, resolver).or(() -> firstOfTwo(c,
        e -> e instanceof Expr.Name ? bound.of(e) : Optional.empty()));
  }

  /** What {@code read} gives of the first of the first two positional arguments it reads. */
  private static Optional<String> firstOfTwo(Expr.Call c,
      java.util.function.Function<Expr, Optional<String>> read) {
    int seen = 0;
    for (Arg a : c.args()) {
      if (a.kind() != Arg.Kind.POSITIONAL) {
        continue;
      }
      Optional<String> s = read.apply(a.value());
      if (s.isPresent()) {
        return s;
      }
      if (++seen == 2) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The RPC verbs ({@code cast}, {@code call}) a callee expression stands for where a call is
   * traced: the attribute itself, or a local bound to one or to a conditional choice between
   * two; a choice a literal flag decides is one verb. Two candidates that agree are one.
   */
  static List<CallSite.Verb> verbs(Expr func, CallContext cx, LiteralFlags flags) {
    Expr e = func;
    if (func instanceof Expr.Name n && cx.scope().param(n.id()) == null
        && cx.scope().local(n.id()) != null) {
      e = cx.scope().local(n.id());
    }
    if (e instanceof Expr.IfExp choice) {
      String a = verb(choice.body());
      String b = verb(choice.orElse());
      if (a == null || b == null) {
        return List.of();
      }
      Boolean known = flags.truth(choice.test(), cx);
      if (known != null || a.equals(b)) {
        return List.of(new CallSite.Verb(known == null || known ? a : b, ""));
      }
      return List.of(new CallSite.Verb(a, cx.text(choice.test())), new CallSite.Verb(b, ""));
    }
    String v = verb(e);
    return v == null ? List.of() : List.of(new CallSite.Verb(v, ""));
  }

  private static String verb(Expr e) {
    return verbOf(e).orElse(null);
  }

  /** The verbs a client method sends with: {@code cctxt.cast(...)}, {@code cctxt.call(...)}. */
  static Set<String> verbsOf(Resolver resolver, FunctionInfo client) {
    Set<String> verbs = new TreeSet<>();
    CallSites.inFunction(resolver, client, site -> {
      verbOf(site.call().func()).ifPresent(verbs::add);
      // method = cctxt.cast if do_cast else cctxt.call; method(ctxt, 'name')
      if (site.call().func() instanceof Expr.Name n
          && site.scope().local(n.id()) instanceof Expr.IfExp choice) {
        verbOf(choice.body()).ifPresent(verbs::add);
        verbOf(choice.orElse()).ifPresent(verbs::add);
      }
    });
    return verbs;
  }

  /** The message names a client method sends: the method name of each verb it calls. */
  static Set<String> namesOf(Resolver resolver, FunctionInfo client) {
    Set<String> names = new TreeSet<>();
    CallSites.inFunction(resolver, client, site -> {
      Expr func = site.call().func();
      if (verbOf(func).isEmpty() && !(func instanceof Expr.Name)) {
        return;
      }
      methodName(site.call(), site.scope(), resolver).ifPresent(names::add);
    });
    return names;
  }
}
