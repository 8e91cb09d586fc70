package dev.novatrace.trace;

import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A client module's calls on its client library ({@link TraceProfile.ClientModule}): {@code
 * neutron.update_port(...)}, {@code cinderclient(ctx).attachments.create(...)}, glance's
 * {@code getattr(controller, method)(...)}, placement's {@code self._client.get(url)}. Each is
 * a request to the module's service, labelled with the client method it calls; an HTTP verb
 * says its path ({@code GET /allocations/{consumer_uuid}}).
 */
final class ClientRequests {
  private static final Set<String> HTTP_VERBS =
      Set.of("get", "put", "post", "delete", "patch", "head");
  /** How deep a local holding a client is looked through ({@code client = get_client(ctx)}). */
  private static final int LOCAL_DEPTH = 3;

  private final TraceProfile.ClientModule module;
  private final CallContext cx;
  private final Function<Expr, Optional<String>> strings;

  private ClientRequests(TraceProfile.ClientModule module, CallContext cx,
      Function<Expr, Optional<String>> strings) {
    this.module = module;
    this.cx = cx;
    this.strings = strings;
  }

  /**
   * The label of {@code c} if it is a request of {@code module}'s client: {@code strings} says
   * what an expression holds where the call is made (a method name a caller passed).
   */
  static Optional<String> label(Expr.Call c, TraceProfile.ClientModule module, CallContext cx,
      Function<Expr, Optional<String>> strings) {
    return new ClientRequests(module, cx, strings).label(c);
  }

  /** Whether {@code e} is {@code module}'s client object where {@code cx} reads it. */
  static boolean isClient(Expr e, TraceProfile.ClientModule module, CallContext cx) {
    return new ClientRequests(module, cx, x -> Optional.empty()).root(e, LOCAL_DEPTH);
  }

  /** Whether the label is an HTTP request that only reads (a GET). */
  static boolean isHttpRead(String label) {
    return label.startsWith("GET ") || label.startsWith("HEAD ");
  }

  private Optional<String> label(Expr.Call c) {
    if (c.func() instanceof Expr.Call lookup && isGetattr(lookup) && lookup.args().size() >= 2
        && client(lookup.args().get(0).value(), LOCAL_DEPTH)) {
      return Optional.of(controller(lookup.args().get(0).value())
          + name(lookup.args().get(1).value()));
    }
    if (!(c.func() instanceof Expr.Attribute a) || !client(a.value(), LOCAL_DEPTH)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Expr e = c.func();
    while (e instanceof Expr.Attribute at && !root(e, LOCAL_DEPTH)) {
      names.add(at.attr());
      e = at.value();
    }
    Collections.reverse(names);
    String method = String.join(".", names);
    return Optional.of(HTTP_VERBS.contains(method) ? http(method, c) : method);
  }

  /**
   * {@code GET /allocations/{consumer_uuid}}: the verb, then the path its first argument holds;
   * the method alone where that is no path built from a string ({@code session.delete(ctx, id)}).
   */
  private String http(String verb, Expr.Call c) {
    Expr first = c.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).findFirst()
        .map(Arg::value).orElse(null);
    String path = first == null ? null : PathTemplates.of(first, cx.scope(), cx.templates());
    return path == null ? verb : verb.toUpperCase(Locale.ROOT) + " " + path;
  }

  /**
   * The part of the client a method looked up by name belongs to, with a dot ({@code
   * images.}): a local bound to {@code getattr(client, name)} says it.
   */
  private String controller(Expr e) {
    if (!(e instanceof Expr.Name n)) {
      return "";
    }
    // A parameter may be rebound to it (glance's controller), which the scope keeps no local of.
    Expr.Call[] part = new Expr.Call[1];
    StatementWalker.forEach(cx.function().ast().body(), st -> {
      if (st instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name t && t.id().equals(n.id())
          && a.value() instanceof Expr.Call call && isGetattr(call) && call.args().size() >= 2) {
        part[0] = call;
      }
    });
    if (part[0] == null) {
      return "";
    }
    // A part not known where the call is made is left unsaid (the method still says the call).
    String named = name(part[0].args().get(1).value());
    return named.startsWith("{") ? "" : named + ".";
  }

  /**
   * A name a method or part is looked up by: the string it holds where the call is made, the
   * names a loop tries in turn, else the expression itself, in braces.
   */
  private String name(Expr e) {
    Optional<String> known = strings.apply(e);
    if (known.isPresent()) {
      return known.get();
    }
    String tried = e instanceof Expr.Name n
        ? PathTemplates.triedInTurn(n.id(), cx.function(), cx.scope()) : null;
    if (tried == null && e instanceof Expr.Name p) {
      tried = cx.templates().get(p.id());
    }
    return tried != null ? tried : "{" + cx.text(e) + "}";
  }

  /** Whether {@code e} holds a client object, or a part of one ({@code client.volumes}). */
  private boolean client(Expr e, int depth) {
    if (root(e, depth)) {
      return true;
    }
    return e instanceof Expr.Attribute a && client(a.value(), depth);
  }

  /** A client object itself: a factory's result, a holder, or a local bound to either. */
  private boolean root(Expr e, int depth) {
    if (e instanceof Expr.Call call) {
      return call.func() instanceof Expr.Name f && module.factories().contains(f.id())
          || isGetattr(call) && !call.args().isEmpty()
              && client(call.args().get(0).value(), depth);
    }
    if (e instanceof Expr.Attribute a) {
      return a.value() instanceof Expr.Name self && self.id().equals(cx.scope().selfName())
          && module.holders().contains(a.attr());
    }
    if (!(e instanceof Expr.Name n)) {
      return false;
    }
    if (module.holders().contains(n.id())) {
      return true;
    }
    Expr local = cx.scope().param(n.id()) == null ? cx.scope().local(n.id()) : null;
    return local != null && depth > 0 && client(local, depth - 1);
  }

  private static boolean isGetattr(Expr.Call call) {
    return call.func() instanceof Expr.Name g && g.id().equals("getattr");
  }
}
