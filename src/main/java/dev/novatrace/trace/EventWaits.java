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
 * none can be read, the message says {@code external event}; a name that tells no sender is the
 * profile's relay's (Nova: the API's caller).
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
   * The messages of the events {@code w} waits for, drawn where its block ends; {@code reached}:
   * what each local was assigned on the path ({@code events = []} where the flags say no vif is
   * plugged); {@code host}: the participant that called into the waiter's service (a compute
   * host calling its driver), or null.
   */
  List<Step> after(Stmt.With w, CallContext cx, Map<String, List<Expr>> reached, String host,
      Step.Origin origin) {
    if (profile.eventWait().isEmpty()) {
      return List.of();
    }
    TraceProfile.EventWait wait = profile.eventWait().get();
    List<Step> out = new ArrayList<>();
    for (Stmt.WithItem item : w.items()) {
      if (item.context() instanceof Expr.Call c
          && wait.method().equals(Names.simpleName(c.func()))) {
        Reading events = new Reading(cx, reached);
        Expr arg = eventsArgument(c, wait);
        if (arg == null) {
          events.unknown = true;
        } else {
          events.names(arg, cx.scope(), cx.function(), DEPTH);
        }
        List<Step> messages = messages(events, wait, receiver(wait, cx.participant(), host),
            origin);
        if (events.empty && !events.names.isEmpty()) {
          // On some paths the list is empty and nothing is waited for: the events may not come.
          out.add(new Step.Block(Step.BlockKind.OPT,
              List.of(new Step.Branch(cx.text(arg), messages)), origin));
        } else {
          out.addAll(messages);
        }
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

  /**
   * One message per sender, in the order the names are written; none when the list is known
   * to be empty on the path (the block then waits for nothing).
   */
  private List<Step> messages(Reading events, TraceProfile.EventWait wait, String receiver,
      Step.Origin origin) {
    Map<String, List<String>> bySender = new LinkedHashMap<>();
    for (String name : events.names) {
      bySender.computeIfAbsent(profile.eventSender(name).orElse(wait.relay()),
          k -> new ArrayList<>()).add(name);
    }
    if (bySender.isEmpty() && events.unknown) {
      bySender.put(wait.relay(), List.of(UNKNOWN));
    }
    List<Step> out = new ArrayList<>();
    bySender.forEach((sender, labels) -> out.add(new Step.Message(sender, receiver,
        String.join("\n", labels), Step.Kind.SERVICE, Step.Effect.WRITE, origin, List.of())));
    return out;
  }

  /** The call's events argument, by keyword or position, or null. */
  private static Expr eventsArgument(Expr.Call c, TraceProfile.EventWait wait) {
    int positional = 0;
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && wait.eventsParameter().equals(a.keyword())
          || a.kind() == Arg.Kind.POSITIONAL && positional++ == wait.eventsPosition()) {
        return a.value();
      }
    }
    return null;
  }

  /** Literals that stand for no events at all. */
  private static final Set<String> EMPTY = Set.of("None", "[]", "()");

  /** The event names an expression can hold, and whether some of it could not be read. */
  private final class Reading {
    private final CallContext cx;
    private final Map<String, List<Expr>> reached;
    final Set<String> names = new LinkedHashSet<>();
    boolean unknown;
    /** Whether on some path the list is empty (events = [] in the other branch). */
    boolean empty;
    private final Set<String> seen = new java.util.HashSet<>();

    Reading(CallContext cx, Map<String, List<Expr>> reached) {
      this.cx = cx;
      this.reached = reached;
    }

    void names(Expr e, Scope scope, FunctionInfo fn, int depth) {
      if (e instanceof Expr.Comprehension c) {
        names(c.element(), scope, fn, depth);
      } else if (e instanceof Expr.Sequence seq) {
        if (!seq.elements().isEmpty() && seq.elements().get(0) instanceof Expr.Constant k
            && k.kind() == Expr.ConstKind.STRING) {
          names.add(k.value()); // ('network-vif-plugged', vif['id']): one event
        } else if (seq.elements().isEmpty()) {
          empty = true;
        } else {
          seq.elements().forEach(x -> names(x, scope, fn, depth));
        }
      } else if (e instanceof Expr.IfExp i) {
        // given if given else built(): the first only when it holds something.
        if (!(i.test() instanceof Expr.Name t && i.body() instanceof Expr.Name b
            && t.id().equals(b.id()))) {
          names(i.body(), scope, fn, depth);
        }
        names(i.orElse(), scope, fn, depth);
      } else if (e instanceof Expr.Operation op && !op.op().equals("not")) {
        op.operands().forEach(x -> names(x, scope, fn, depth));
      } else if (e instanceof Expr.Constant k && k.kind() == Expr.ConstKind.NONE) {
        empty = true; // None: no events
      } else if (e instanceof Expr.Name n) {
        name(n, scope, fn, depth);
      } else if (e instanceof Expr.Call c && depth > 0
          && resolver.valueOf(c.func(), scope) instanceof Value.FunctionValue fv) {
        FunctionInfo builder = fv.function();
        Scope inner = resolver.scopeOf(builder);
        StatementWalker.forEach(builder.ast().body(), st -> {
          if (st instanceof Stmt.Return r && r.value() != null) {
            names(r.value(), inner, builder, depth - 1);
          }
        });
      } else {
        unknown = true;
      }
    }

    /**
     * A parameter holds what the caller bound it to (a literal None is no events); a local what
     * it was assigned: on the path, in the waiting function, or anywhere in a helper.
     */
    private void name(Expr.Name n, Scope scope, FunctionInfo fn, int depth) {
      if (fn == null || !seen.add(fn.qualifiedName() + "@" + fn.ast().pos().start() + ":"
          + n.id())) {
        return;
      }
      boolean waiting = fn == cx.function();
      if (scope.param(n.id()) != null) {
        String literal = waiting ? cx.literals().get(n.id()) : null;
        unknown |= literal == null || !EMPTY.contains(literal);
        empty |= literal != null && EMPTY.contains(literal);
        return;
      }
      List<Expr> values = waiting && reached.containsKey(n.id()) ? reached.get(n.id())
          : assigned(n.id(), fn);
      if (values.isEmpty()) {
        unknown = true;
      }
      values.forEach(v -> names(v, scope, fn, depth));
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
