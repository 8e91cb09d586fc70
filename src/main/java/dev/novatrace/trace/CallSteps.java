package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Acts on the calls of an expression, in evaluation order, as {@link CallClassifier} reads them:
 * draws a message, follows a helper, a callback or a flow of tasks into its own frame, or notes
 * the fields a call changes. Following a callee goes back through the {@link Tracer}, which
 * remembers traces and guards against recursion.
 */
final class CallSteps {
  private final Tracer tracer;
  private final Resolver resolver;
  private final TraceProfile profile;
  private final CallClassifier classifier;
  private final LiteralFlags flags;
  private final HandOffs handOffs;
  private final Bindings bindings;
  private final Assignments assignments;
  private final FieldUpdates updates;
  private final Saves saves;
  private final RpcSteps rpcSteps;
  /** Calls that could not be resolved, as {@code path:line: callee} (the tracer's). */
  private final UnresolvedCalls unresolved;

  /** The parts a call is handled with; {@code tracer} follows callees into their frames. */
  record Parts(CallClassifier classifier, HandOffs handOffs, Bindings bindings,
      Assignments assignments, FieldUpdates updates, Saves saves) {}

  CallSteps(Tracer tracer, Resolver resolver, TraceProfile profile, Parts parts,
      UnresolvedCalls unresolved) {
    this.tracer = tracer;
    this.resolver = resolver;
    this.profile = profile;
    this.classifier = parts.classifier();
    this.flags = classifier.flags();
    this.handOffs = parts.handOffs();
    this.bindings = parts.bindings();
    this.assignments = parts.assignments();
    this.updates = parts.updates();
    this.saves = parts.saves();
    this.rpcSteps = new RpcSteps(tracer);
    this.unresolved = unresolved;
  }

  /** Visits an expression in evaluation order, handling each call in it. */
  void expression(Expr e, Frame f, List<Step> out, boolean statementLevel) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    for (Expr child : ExprChildren.of(e)) {
      // A receiver chain (self._host.get_guest(i).pause()) is as much the statement as its end.
      boolean chain = statementLevel && (e instanceof Expr.Call c0 && child == c0.func()
          || e instanceof Expr.Attribute a0 && child == a0.value());
      expression(child, f, out, chain);
    }
    if (e instanceof Expr.Call c) {
      assignments.constructorFields(c, f);
      call(c, f, out, statementLevel);
    }
  }

  /**
   * A call through a local that names a method ({@code db_func = context.session.merge if
   * may_exist else context.session.add}, then {@code db_func(row)}) is a call of that method,
   * the one the flag its caller left decides; otherwise the call as written.
   */
  private Expr.Call unaliased(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Name n) || f.scope.param(n.id()) != null) {
      return c;
    }
    // The local's shape first: most calls of a name are no such alias, and the resolver's
    // answer is asked again by the call itself.
    Expr bound = f.scope.local(n.id());
    if (bound instanceof Expr.IfExp x && x.body() instanceof Expr.Attribute
        && x.orElse() instanceof Expr.Attribute) {
      Boolean taken = flags.truth(x.test(), f.context());
      bound = taken == null ? null : taken ? x.body() : x.orElse();
    }
    if (!(bound instanceof Expr.Attribute a)
        || !(resolver.valueOf(c.func(), f.scope) instanceof Value.Unknown)) {
      return c; // no method alias, or what the local holds is known (the branch that ran)
    }
    return new Expr.Call(a, c.args(), c.pos());
  }

  /** {@code s} with the requests it sends to other services sent in the background. */
  private static Step inBackground(Step s) {
    if (s instanceof Step.Message m) {
      return m.kind() == Step.Kind.SERVICE ? m.inBackground() : m;
    }
    return s.mapChildren(list -> list.stream().map(CallSteps::inBackground).toList());
  }

  /** A function {@code @contextlib.contextmanager} makes a context manager of. */
  private static boolean generatorManager(FunctionInfo fn) {
    return fn.ast().decorators().stream().anyMatch(d ->
        "contextmanager".equals(dev.novatrace.index.Names.simpleName(d)));
  }

  /**
   * A cast no service of the deployment consumes, as no cast to a service it does not deploy
   * is drawn: its server class, which the tree holds, has no such method (the security group
   * fanouts of ML2's AgentNotifierApi, which the OVS agent learns of by the objects pushed to
   * it instead).
   */
  private static boolean unserved(CallSite.Rpc r) {
    return r.manager() != null && r.handler().isEmpty()
        && r.verbs().stream().noneMatch(v -> v.verb().equals("call"));
  }

  /** Acts on what a call is ({@link CallClassifier}): draws it, follows it, or both. */
  void call(Expr.Call call, Frame f, List<Step> out, boolean statementLevel) {
    f.shapes.called(call, f.literals, f.scope); // new_port.setdefault(...): its keys change
    Expr.Call c = unaliased(call, f);
    CallContext cx = f.context();
    List<TraceProfile.Dispatch> handlers = profile.dispatched(c, f.scope, resolver,
        e -> classifier.stringOf(e, cx).or(() -> f.constant(e)));
    if (!handlers.isEmpty()) {
      handlers.forEach(h -> helper(h.function(), c, f, out, false, h.self(), Map.of(),
          new CallBinding(h.literals(), Map.of(), Map.of(), h.types())));
      return;
    }
    if (profile.reachesNobody(c, f.scope, resolver,
        e -> classifier.stringOf(e, cx).or(() -> f.constant(e)))) {
      return;
    }
    Value callee = resolver.valueOf(c.func(), f.scope);
    if (callee instanceof Value.FunctionValue fv && call != f.entered
        && generatorManager(fv.function())) {
      // mgr = delete_port_on_error(...): the call only builds the manager; its code runs in
      // the with block that enters it, and its clean-up only on an error there.
      return;
    }
    CallSite site = classifier.classify(c, callee, cx, statementLevel);
    if (site instanceof CallSite.Noted n) {
      out.add(new Step.Note(f.participant, n.text(), f.origin));
      return;
    }
    if (site instanceof CallSite.Rpc r) {
      if (profile.isDeployed(r.target()) && !unserved(r)) {
        rpcSteps.rpc(r, c, f, out);
      }
      return;
    }
    if (updates.updated(site, c, f)) {
      return;
    }
    if (site instanceof CallSite.FlowRun run) {
      flowRun(run, c, f, out);
      return;
    }
    List<HandOffs.Callback> callbacks = handOffs.runningAtCall(c, callee, cx);
    if (site instanceof CallSite.HandedCall h) {
      handedOver(h.handed(), c, f, out, statementLevel);
    } else if (site instanceof CallSite.LookedUp l) {
      lookedUp(l, c, f, out, statementLevel);
    } else if (site instanceof CallSite.RowWrite w) {
      saves.save(c, f, w.target(), null, w.subject(), Step.Effect.WRITE, out);
    } else if (site instanceof CallSite.UnknownWrite w) {
      saves.save(c, f, w.target(), null, null, Step.Effect.WRITE, out);
    } else if (site instanceof CallSite.Request r) {
      out.add(saves.endpointMessage(f, r.target(), r.label(), r.effect()));
    } else if (site instanceof CallSite.Unresolved u) {
      unresolved.add(f.fn.module(), c, u.why());
    } else {
      int before = out.size();
      function(site, c, f, out);
      callbacks = notRunBy(out.subList(before, out.size()), callbacks);
    }
    for (HandOffs.Callback cb : callbacks) {
      // A nested def closes over its self, and so over the functions self was built with.
      Map<String, Handed> held = cb.function().owner() == null
          ? HeldCallables.heldBySelf(cx.callables()) : Map.of();
      CallBinding closure = held.isEmpty() ? CallBinding.NONE
          : new CallBinding(Map.of(), held, Map.of(), Map.of());
      int at = out.size();
      helper(cb.function(), c, f, out, false, cb.self(), Map.of(), closure);
      if (profile.isSpawner(c) && profile.spawnsBesideTheRequest(f.participant)) {
        for (int i = at; i < out.size(); i++) {
          out.set(i, inBackground(out.get(i)));
        }
      }
    }
  }

  /**
   * The callbacks a callee's steps do not already run: a spawner of the tree that starts its
   * thread with a wrapper of what it is handed ({@code Thread(target=wrapper)}) runs it there,
   * and it is drawn once, where it runs.
   */
  private static List<HandOffs.Callback> notRunBy(List<Step> callee,
      List<HandOffs.Callback> callbacks) {
    if (callbacks.isEmpty() || callee.isEmpty()) {
      return callbacks;
    }
    java.util.Set<Step.Origin> ran = new java.util.HashSet<>();
    Step.walk(callee).forEach(s -> {
      if (s instanceof Step.Local l) {
        ran.add(l.callee());
      }
    });
    return callbacks.stream().filter(cb -> !ran.contains(Step.Origin.of(cb.function()))).toList();
  }

  /** A function of the tree called: a summary, an endpoint, another service, or a helper. */
  private void function(CallSite site, Expr.Call c, Frame f, List<Step> out) {
    if (site instanceof CallSite.Summarised s) {
      out.add(saves.endpointMessage(f, s.summary().participant(), s.summary().label(),
          s.summary().effect()));
    } else if (site instanceof CallSite.Endpoint e) {
      FunctionInfo fn = e.callee().function();
      saves.save(c, f, e.target(), fn, profile.endpointLabel(fn, e.callee().receiver()),
          profile.endpointEffect(fn), out);
    } else if (site instanceof CallSite.Crossing x) {
      crossing(x, c, f, out);
    } else if (site instanceof CallSite.Helper h) {
      helper(h.callee().function(), c, f, out, h.noteWorthy(), h.callee().instanceClass(),
          flags.bound(h.callee(), c, f.context()), bindings.of(h.callee(), c, f));
    }
  }

  /** A synchronous call into another service: its steps are the callee's, traced there. */
  private void crossing(CallSite.Crossing x, Expr.Call c, Frame f, List<Step> out) {
    Value.FunctionValue fv = x.callee();
    FunctionInfo fn = fv.function();
    if (tracer.recursive(fn, fv.instanceClass())) {
      return;
    }
    Map<String, Boolean> bound = flags.bound(fv, c, f.context());
    CallBinding binding = bindings.of(fv, c, f);
    out.add(new Step.Invocation(f.participant, x.target(), fn.name(), Step.Kind.DRIVER,
        tracer.crossedInto(f.participant, fn, x.target(), fv.instanceClass(), bound, binding),
        f.origin));
  }

  /**
   * A flow of tasks run ({@code engines.run(flow)}, {@code engine.run()}): each task's method
   * runs in turn, as if called here. The engine hands each task what its store holds, which the
   * trace cannot know, so no argument is bound.
   */
  private void flowRun(CallSite.FlowRun run, Expr.Call c, Frame f, List<Step> out) {
    Expr.Call unbound = new Expr.Call(c.func(), List.of(), c.pos());
    for (Value.FunctionValue task : run.tasks()) {
      // Not statement level: a task with nothing to draw is no note ("execute" says nothing).
      function(classifier.ofFunction(task, f.context(), false), unbound, f, out);
    }
    flowRevert(run, unbound, f, out);
  }

  /**
   * A flow that fails reverts the tasks that ran, the last first ({@link TaskFlows#revertMethod}):
   * the failure path (FAILURE), which a detail policy draws in full or cuts to what other
   * services see. Only tasks of the tree that define the method are asked.
   */
  private void flowRevert(CallSite.FlowRun run, Expr.Call unbound, Frame f, List<Step> out) {
    List<Step> reverts = new ArrayList<>();
    for (Value.FunctionValue revert : run.reverts()) {
      function(classifier.ofFunction(revert, f.context(), false), unbound, f, reverts);
    }
    if (!reverts.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.FAILURE, List.of(new Step.Branch(
          "a task fails: " + resolver.hints().taskFlows().revertMethod(), reverts)), f.origin));
    }
  }

  /**
   * A call through a function looked up in a dict of literals: the function of a literal key,
   * or a choice between all of them on the key.
   */
  private void lookedUp(CallSite.LookedUp l, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel) {
    List<Step.Branch> branches = new ArrayList<>();
    for (DictLookup.Entry e : l.entries()) {
      List<Step> steps = new ArrayList<>();
      function(classifier.ofFunction(e.function(), f.context(), statementLevel), c, f, steps);
      branches.add(new Step.Branch(l.key() + " == '" + e.key() + "'", steps));
    }
    if (branches.size() == 1) {
      out.addAll(branches.get(0).steps());
    } else {
      Branches.addBranches(branches, f, out);
    }
  }

  /**
   * A function handed over, called here. It runs in the participant it was handed over from: a
   * callback such as the compute manager's {@code _post_live_migration} or its
   * {@code update_task_state} closure runs in nova_compute on that host, even when the driver
   * calls it; a method keeps its receiver.
   */
  private void handedOver(Handed handed, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel) {
    Value.FunctionValue fv = handed.fn();
    FunctionInfo fn = fv.function();
    CallBinding b = bindings.of(fv, c, f).enclosedBy(handed);
    String where = handed.participant();
    // cb(context, instance, local=True): literal flags decide the callee's branches here too.
    Map<String, Boolean> bound = flags.bound(fv, c, f.context());
    if (where.equals(f.participant) && fv.receiver() == null) {
      helper(fn, c, f, out, statementLevel, null, bound, b);
      return;
    }
    if (tracer.recursive(fn, fv.instanceClass()) || tracer.beyondHorizon(f.depth)) {
      return;
    }
    Tracer.Traced traced = tracer.traced(fn, where, f.depth + 1, fv.instanceClass(), bound, b);
    if (!traced.steps().isEmpty()) {
      out.add(new Step.Local(where, Step.Origin.of(fn), false, traced.steps(), f.origin));
    }
  }

  private void helper(FunctionInfo fn, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel, ClassInfo self, Map<String, Boolean> flags, CallBinding binding) {
    // super().m(...) is the rest of the same method, not a helper one level deeper: a subclass
    // that extends its base class's method shows as much of it as the base class itself.
    followed(fn, f, out, self, flags, binding, extendsBase(c),
        statementLevel && !profile.isSpawner(c));
  }

  /**
   * The functions an assignment runs ({@link TraceProfile#onAssign}: an ORM's listeners of the
   * attribute assigned), each as a helper on an instance of its class.
   */
  void listened(dev.novatrace.python.ast.Stmt.Assign a, Frame f, List<Step> out) {
    for (Expr t : a.targets()) {
      if (t instanceof Expr.Attribute target) {
        java.util.Optional<TraceProfile.Summary> listenedRow =
            profile.rowWritten(target, f.scope, resolver);
        listenedRow.ifPresent(row -> {
          String value = f.literal(a.value());
          out.add(new Step.Message(f.participant, row.participant(),
              row.label() + "." + target.attr() + (value == null ? " updated" : " = " + value),
              Step.Kind.DATABASE, row.effect(), f.origin, List.of()));
        });
        if (listenedRow.isEmpty()) {
          rowAssigned(target, f, out);
        }
        for (TraceProfile.Dispatch d : profile.onAssign(target, f.scope, resolver)) {
          followed(d.function(), f, out, d.self(), Map.of(), CallBinding.NONE, false, false);
        }
      }
    }
  }

  /**
   * An attribute set on a row a query read ({@code router.gw_port = None}): the ORM writes it
   * with the session, an update of its record. Assignments in a row are one update.
   */
  private void rowAssigned(Expr.Attribute target, Frame f, List<Step> out) {
    java.util.Optional<String> db = profile.rowDatabase();
    String receiver = dev.novatrace.index.Names.dotted(target.value());
    if (db.isEmpty() || receiver == null
        || !(resolver.valueOf(target.value(), f.scope) instanceof Value.InstanceValue row)
        || !row.loaded() || !resolver.rows().isMapped(row.cls())
        || !resolver.rows().isMappedAttribute(row.cls(), target.attr())) {
      return;
    }
    Map<String, Step.Field> pending = f.assigned.get(receiver);
    Step.Field field = pending == null ? null : pending.remove(target.attr());
    String subject = row.cls().name() + ".update";
    List<Step.Field> fields = new ArrayList<>();
    if (!out.isEmpty() && out.get(out.size() - 1) == f.lastRowWrite
        && receiver.equals(f.lastRowReceiver)) {
      fields.addAll(f.lastRowWrite.fields()); // row.a = x; row.b = y: one update of the row
      out.remove(out.size() - 1);
    }
    fields.add(field != null ? field : new Step.Field(target.attr(), null, false));
    Step.Effect effect = fields.stream().map(Step.Field::name).anyMatch(profile::isStateField)
        ? Step.Effect.STATE : Step.Effect.WRITE;
    f.lastRowWrite = new Step.Message(f.participant, db.get(),
        Step.Field.label(subject, fields, true), Step.Kind.DATABASE, effect, f.origin, fields,
        subject);
    f.lastRowReceiver = receiver;
    out.add(f.lastRowWrite);
  }

  /**
   * {@code fn} followed as a helper of {@code f}: one level deeper, unless it extends the
   * caller's own method ({@code extension}) or is a client module's.
   */
  private void followed(FunctionInfo fn, Frame f, List<Step> out, ClassInfo self,
      Map<String, Boolean> flags, CallBinding binding, boolean extension,
      boolean noteWhenEmpty) {
    // A client module's code is how a request leaves, at whatever depth its caller makes it (an
    // image downloaded twelve helpers below spawn): it adds no level of its own.
    boolean client = profile.clientModule(fn.module().path()).isPresent();
    if (tracer.recursive(fn, self) || !extension && !client && tracer.beyondHorizon(f.depth)) {
      return;
    }
    int depth = f.depth + (extension || client ? 0 : 1);
    Tracer.Traced traced = tracer.traced(fn, f.participant, depth, self, flags, binding);
    updates.afterHelper(traced.unsaved(), fn, binding, f);
    List<Step> steps = traced.steps();
    if (!steps.isEmpty() || noteWhenEmpty) {
      out.add(new Step.Local(f.participant, Step.Origin.of(fn),
          noteWhenEmpty, steps, f.origin));
    }
  }

  /** {@code super().m(...)} or {@code super(Cls, self).m(...)}. */
  private static boolean extendsBase(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Call s
        && s.func() instanceof Expr.Name n && n.id().equals("super");
  }
}
