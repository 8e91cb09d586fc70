package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@link CallGraph} of an entry function: each reachable function's regions built by
 * {@link Regions}, each call in them read by the same {@link CallClassifier} the tracer uses,
 * and an edge for every call that leads into a function of the tree.
 */
public final class CallGraphBuilder {
  private final Resolver resolver;
  private final CallClassifier classifier;
  private final HandOffs handOffs;
  private final Callables callableArgs;
  private final TraceProfile profile;

  public CallGraphBuilder(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
    this.classifier = new CallClassifier(resolver, profile);
    this.handOffs = new HandOffs(resolver, profile, classifier);
    this.callableArgs = new Callables(resolver, classifier);
  }

  /**
   * A function to read, where it runs, on what, with which types its caller's arguments tell
   * ({@code driver_bdm.attach(..., self.driver)}: {@code virt_driver.attach_volume} inside is
   * the driver's) and which functions they hand over (called inside, they are read there, as a
   * trace draws them where they run).
   */
  private record Visit(FunctionInfo fn, String participant, ClassInfo self,
      Map<String, Value> passed, Map<String, Handed> callables) {
    Visit(FunctionInfo fn, String participant, ClassInfo self) {
      this(fn, participant, self, Map.of(), Map.of());
    }

    String id() {
      StringBuilder sb = new StringBuilder(participant).append(' ')
          .append(Step.Origin.of(fn).anchorText());
      if (self != null && self != fn.owner()) {
        sb.append(" on ").append(self.qualifiedName());
      }
      new TreeMap<>(passed).forEach((name, v) -> sb.append(" with ").append(name).append(": ")
          .append(Value.typeText(v)));
      new TreeMap<>(callables).forEach((name, h) -> sb.append(" with ").append(name).append(": ")
          .append(h.fn().function().qualifiedName()).append(" in ").append(h.participant()));
      return sb.toString();
    }
  }

  /** The graph of every function {@code entry}, run in {@code participant}, can reach. */
  public CallGraph of(FunctionInfo entry, String participant) {
    return of(entry, participant, new java.util.HashSet<>());
  }

  /**
   * Like {@link #of(FunctionInfo, String)}, without the functions in {@code seen} (run there on
   * the same receiver, with the same arguments' types), which are read already and so is all
   * they reach; each function read is added to it. Several entries' graphs read so (what a
   * server's start-up runs) read each function once, not once per entry reaching it.
   */
  public CallGraph of(FunctionInfo entry, String participant, java.util.Set<String> seen) {
    Visit first = new Visit(entry, participant, null);
    List<CallGraph.Node> order = new ArrayList<>();
    List<CallGraph.Edge> edges = new ArrayList<>();
    Deque<Visit> queue = new ArrayDeque<>(List.of(first));
    while (!queue.isEmpty()) {
      Visit v = queue.removeFirst();
      if (!seen.add(v.id())) {
        continue;
      }
      List<Visit> next = new ArrayList<>();
      CallGraph.Node node = read(v, next, edges);
      order.add(node);
      queue.addAll(next);
    }
    return new CallGraph(first.id(), order, edges);
  }

  private CallGraph.Node read(Visit v, List<Visit> next, List<CallGraph.Edge> edges) {
    Scope scope = resolver.scopeOf(v.fn()).withSelf(v.self()).withPassed(v.passed());
    CallContext cx = new CallContext(v.fn(), scope, v.participant(), Map.of(), v.callables());
    Region body = Regions.of(v.fn(), c -> {
      // What the call dispatches to at run time (a manager's configured drivers, an event's
      // subscribers) is reached from it as the trace reaches it.
      for (TraceProfile.Dispatch d : profile.dispatched(c, scope, resolver,
          e -> classifier.stringOf(e, cx))) {
        link(v, new Visit(d.function(), v.participant(), d.self()), "dispatch", c, next, edges);
      }
      Value callee = resolver.valueOf(c.func(), scope);
      CallSite site = classifier.classify(c, callee, cx, false);
      List<Visit> to = new ArrayList<>();
      String kind = targets(site, c, cx, to);
      for (HandOffs.Callback cb : handOffs.runningAtCall(c, callee, cx)) {
        link(v, new Visit(cb.function(), v.participant(), cb.self()), "callback", c, next, edges);
      }
      to.forEach(t -> link(v, t, kind, c, next, edges));
      return site;
    });
    ClassInfo receiver = v.self() != null ? v.self() : v.fn().owner();
    return new CallGraph.Node(v.id(), Step.Origin.of(v.fn()), v.participant(),
        receiver == null ? "" : receiver.qualifiedName(), body);
  }

  private static void link(Visit from, Visit to, String kind, Expr.Call c, List<Visit> next,
      List<CallGraph.Edge> edges) {
    edges.add(new CallGraph.Edge(from.id(), to.id(), kind, c.pos().line()));
    next.add(to);
  }

  /** The functions a call leads into, and the kind of edge; null when it leads nowhere. */
  private String targets(CallSite site, Expr.Call c, CallContext cx, List<Visit> to) {
    if (site instanceof CallSite.Rpc r) {
      r.handler().ifPresent(h -> to.add(new Visit(h, r.target(), r.manager())));
      return "rpc " + String.join("|", r.verbs().stream().map(CallSite.Verb::verb).toList());
    }
    if (site instanceof CallSite.FlowRun run) {
      run.tasks().forEach(t -> to.add(
          new Visit(t.function(), cx.participant(), t.instanceClass())));
      return "task";
    }
    if (site instanceof CallSite.HandedCall h) {
      Visit called = visit(h.handed().fn(), h.handed().participant(), c, cx);
      to.add(new Visit(called.fn(), called.participant(), called.self(), called.passed(),
          h.handed().withClosure(called.callables())));
      return "handed";
    }
    if (site instanceof CallSite.LookedUp l) {
      for (DictLookup.Entry e : l.entries()) {
        targets(classifier.ofFunction(e.function(), cx, false), c, cx, to);
      }
      return "lookup";
    }
    if (site instanceof CallSite.Crossing x) {
      to.add(visit(x.callee(), x.target(), c, cx));
      return "crossing";
    }
    if (site instanceof CallSite.Helper h) {
      to.add(visit(h.callee(), cx.participant(), c, cx));
      return "helper";
    }
    return null;
  }

  /** A function called, with the types and the functions the call's arguments bind. */
  private Visit visit(Value.FunctionValue fv, String participant, Expr.Call c, CallContext cx) {
    Map<String, Value> passed = new HashMap<>();
    Map<String, Handed> callables = new HashMap<>();
    Arguments.passed(fv.function().ast().params(), fv.receiverOffset(), c, cx.scope())
        .forEach((name, arg) -> {
          Value value = resolver.valueOf(arg, cx.scope());
          if (value instanceof Value.InstanceValue || value instanceof Value.ClassValue
              || value instanceof Value.FlowValue) {
            passed.put(name, value);
          }
          Handed handed = callableArgs.of(arg, cx);
          if (handed != null) {
            callables.put(name, handed);
          }
        });
    return new Visit(fv.function(), participant, fv.instanceClass(), passed, callables);
  }

}
