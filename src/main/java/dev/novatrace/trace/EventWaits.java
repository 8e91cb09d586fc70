package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events another service sends while a with-block waits for them ({@code with
 * virtapi.wait_for_instance_event(instance, events): plug_vifs(); create_guest()}): what the
 * block does triggers them, so each is a message from its sender to the waiting service where
 * the block ends, labelled with its name. The names are the string literals that start the
 * tuples of the events list, read through locals, conditional expressions and the helpers that
 * build the list ({@code [('network-vif-plugged', vif['id']) for vif in network_info]}); when
 * none can be read, the message says {@code external event} and comes through the relay.
 */
final class EventWaits {
  /** How many helpers deep an events list is read. */
  private static final int DEPTH = 3;
  static final String UNKNOWN = "external event";

  private final Resolver resolver;
  private final TraceProfile profile;

  EventWaits(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
  }

  /**
   * The messages of the events {@code w} waits for, drawn where its block ends; {@code host}:
   * the participant that called into the waiter's service (a compute host calling its driver),
   * or null.
   */
  List<Step> after(Stmt.With w, CallContext cx, String host, Step.Origin origin) {
    if (profile.eventWait().isEmpty()) {
      return List.of();
    }
    TraceProfile.EventWait wait = profile.eventWait().get();
    List<Step> out = new ArrayList<>();
    for (Stmt.WithItem item : w.items()) {
      if (item.context() instanceof Expr.Call c
          && wait.method().equals(Names.simpleName(c.func()))) {
        out.addAll(messages(events(c, wait, cx), wait, receiver(wait, cx.participant(), host),
            origin));
      }
    }
    return out;
  }

  /** The receiving service on the waiter's host: its own, or the one that called into it. */
  private static String receiver(TraceProfile.EventWait wait, String participant, String host) {
    if (ParticipantId.sameService(participant, wait.receiver())) {
      return participant;
    }
    return host != null && ParticipantId.sameService(host, wait.receiver()) ? host
        : wait.receiver();
  }

  /** One message per sender, in the order the names are written. */
  private List<Step> messages(Set<String> names, TraceProfile.EventWait wait, String receiver,
      Step.Origin origin) {
    Map<String, List<String>> bySender = new LinkedHashMap<>();
    for (String name : names) {
      bySender.computeIfAbsent(profile.eventSender(name).orElse(wait.relay()),
          k -> new ArrayList<>()).add(name);
    }
    if (bySender.isEmpty()) {
      bySender.put(wait.relay(), List.of(UNKNOWN));
    }
    List<Step> out = new ArrayList<>();
    bySender.forEach((sender, labels) -> out.add(new Step.Message(sender, receiver,
        String.join("\n", labels), Step.Kind.SERVICE, Step.Effect.WRITE, origin, List.of())));
    return out;
  }

  /** The event names the call's events argument can hold. */
  private Set<String> events(Expr.Call c, TraceProfile.EventWait wait, CallContext cx) {
    Expr arg = null;
    int positional = 0;
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && wait.eventsParameter().equals(a.keyword())
          || a.kind() == Arg.Kind.POSITIONAL && positional++ == wait.eventsPosition()) {
        arg = a.value();
      }
    }
    Set<String> names = new LinkedHashSet<>();
    if (arg != null) {
      names(arg, cx.scope(), cx.function(), DEPTH, names, new java.util.HashSet<>());
    }
    return names;
  }

  private void names(Expr e, Scope scope, FunctionInfo fn, int depth, Set<String> out,
      Set<String> seen) {
    if (e instanceof Expr.Comprehension c) {
      names(c.element(), scope, fn, depth, out, seen);
    } else if (e instanceof Expr.Sequence seq && !seq.elements().isEmpty()) {
      if (seq.elements().get(0) instanceof Expr.Constant k && k.kind() == Expr.ConstKind.STRING) {
        out.add(k.value()); // ('network-vif-plugged', vif['id']): one event
      } else {
        seq.elements().forEach(x -> names(x, scope, fn, depth, out, seen));
      }
    } else if (e instanceof Expr.IfExp i) {
      names(i.body(), scope, fn, depth, out, seen);
      names(i.orElse(), scope, fn, depth, out, seen);
    } else if (e instanceof Expr.Operation op) {
      op.operands().forEach(x -> names(x, scope, fn, depth, out, seen));
    } else if (e instanceof Expr.Name n && scope.param(n.id()) == null && fn != null
        && seen.add(fn.qualifiedName() + "@" + fn.ast().pos().start() + ":" + n.id())) {
      assigned(n.id(), fn).forEach(v -> names(v, scope, fn, depth, out, seen));
    } else if (e instanceof Expr.Call c && depth > 0
        && resolver.valueOf(c.func(), scope) instanceof Value.FunctionValue fv) {
      FunctionInfo builder = fv.function();
      Scope inner = resolver.scopeOf(builder);
      StatementWalker.forEach(builder.ast().body(), st -> {
        if (st instanceof Stmt.Return r && r.value() != null) {
          names(r.value(), inner, builder, depth - 1, out, seen);
        }
      });
    }
  }

  /** Every value {@code name} is assigned in {@code fn}, in the order written. */
  private static List<Expr> assigned(String name, FunctionInfo fn) {
    List<Expr> values = new ArrayList<>();
    StatementWalker.forEach(fn.ast().body(), st -> {
      if (st instanceof Stmt.Assign a && a.targets().stream()
          .anyMatch(t -> t instanceof Expr.Name n && n.id().equals(name))) {
        values.add(a.value());
      }
    });
    return values;
  }
}
