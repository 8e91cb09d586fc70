package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a call is ({@link CallSite}): a note, an RPC message, a message to an endpoint, a
 * call into another service, a helper, a flow of tasks... The rules are the profile's; the order
 * in which they are asked is here, and only here, so that the tracer and the call graph agree.
 */
public final class CallClassifier {
  private final Resolver resolver;
  private final TraceProfile profile;
  private final LiteralFlags flags;
  private final Placement placement;
  private final Map<Stmt.FunctionDef, FunctionInfo> nested = new IdentityHashMap<>();
  /** Whether a client wrapper's method makes a request, by method ({@link #reachesOut}). */
  private final Map<FunctionInfo, Boolean> reachingOut = new IdentityHashMap<>();

  public CallClassifier(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
    this.flags = new LiteralFlags(profile, resolver);
    this.placement = new Placement(profile);
  }

  LiteralFlags flags() {
    return flags;
  }

  Placement placement() {
    return placement;
  }

  /** What {@code c}, whose callee resolves to {@code callee}, is. */
  CallSite classify(Expr.Call c, Value callee, CallContext cx, boolean statementLevel) {
    Optional<String> note = profile.noteForCall(c, callee, cx.scope(), resolver,
        e -> stringOf(e, cx));
    if (note.isPresent()) {
      return new CallSite.Noted(note.get());
    }
    Optional<CallSite> special = rpc(c, cx).or(() -> rowWrite(c, cx))
        .or(() -> fieldUpdate(c, cx)).or(() -> flowRun(c, cx));
    if (special.isPresent()) {
      return special.get();
    }
    Handed local = localCallable(c.func(), cx);
    if (local != null) {
      return new CallSite.HandedCall(local);
    }
    if (callee instanceof Value.FunctionValue fv) {
      return ofFunction(fv, cx, statementLevel);
    }
    if (!(callee instanceof Value.Unknown)) {
      return CallSite.SILENT;
    }
    Optional<CallSite> request = request(c, cx);
    if (request.isPresent()) {
      return request.get();
    }
    Optional<CallSite> lookedUp = lookedUp(c, cx);
    if (lookedUp.isPresent()) {
      return lookedUp.get();
    }
    Optional<String> db = profile.unknownReceiverDatabaseCall(c);
    return db.isPresent() ? new CallSite.UnknownWrite(db.get())
        : new CallSite.Unresolved(whyUnresolved(c.func(), cx));
  }

  /** A client module's call on its client library: a request to its service. */
  private Optional<CallSite> request(Expr.Call c, CallContext cx) {
    return profile.clientModule(cx.function().module().path()).or(() -> handedClient(c, cx))
        .flatMap(m -> ClientRequests.label(c, m, cx, e -> stringOf(e, cx))
            .map(label -> new CallSite.Request(m.service(), label,
                ClientRequests.isHttpRead(label) ? Step.Effect.READ
                    : profile.requestEffect(label.substring(label.lastIndexOf('.') + 1)))));
  }

  /**
   * The client a parameter holds, where a client module handed it in ({@code ovn.pg_acl_add(...)}
   * in {@code acl.py}, {@code ovn} being the OVN client's {@code self._nb_idl}).
   */
  private Optional<TraceProfile.ClientModule> handedClient(Expr.Call c, CallContext cx) {
    Expr root = c.func() instanceof Expr.Attribute a ? Names.root(a) : null;
    return root instanceof Expr.Name n && cx.scope().param(n.id()) != null
        && resolver.valueOf(n, cx.scope()) instanceof Value.ClientValue cv
        ? Optional.of(cv.client().heldBy(n.id())) : Optional.empty();
  }

  /** What {@link CallStrings} says of {@code e} where {@code cx} makes a call. */
  Optional<String> stringOf(Expr e, CallContext cx) {
    if (resolver.valueOf(e, cx.scope()) instanceof Value.StringValue s && !s.value().contains("...")) {
      return Optional.of(s.value());
    }
    String bound = e instanceof Expr.Name n ? cx.literals().get(n.id())
        : e instanceof Expr.Attribute a && a.value() instanceof Expr.Name self
            && self.id().equals("self") ? cx.selfField().apply(a.attr()) : null;
    if (bound != null) {
      return ConstText.unquoted(bound);
    }
    if (e instanceof Expr.Operation op && op.op().equals("%") && op.operands().size() == 2) {
      Optional<String> fmt = stringOf(op.operands().get(0), cx);
      if (fmt.isEmpty()) {
        return Optional.empty();
      }
      String out = PercentFormat.apply(fmt.get(), op.operands().get(1), item -> stringOf(item, cx)
          .<Value>map(Value.StringValue::new).orElse(Value.UNKNOWN));
      return out.contains("...") ? Optional.empty() : Optional.of(out);
    }
    return Optional.empty();
  }

  /** What a call of a function of the tree is: a summary, an endpoint, another service, a helper. */
  CallSite ofFunction(Value.FunctionValue fv, CallContext cx, boolean statementLevel) {
    FunctionInfo fn = fv.function();
    Optional<TraceProfile.Summary> summary = profile.summary(fn);
    if (summary.isPresent()) {
      return new CallSite.Summarised(summary.get());
    }
    if (!profile.factoryTypes(fn.qualifiedName()).isEmpty()) {
      // A factory builds a client object where it is called (cinder.backup.API()): no
      // message to the service the object will talk to.
      return CallSite.SILENT;
    }
    String target = placement.of(fv, cx.participant());
    if (profile.isEndpoint(target)) {
      return !target.equals(cx.participant()) && profile.isEndpointCall(fn)
          && (profile.isDatabase(target) || reachesOut(fn))
          ? new CallSite.Endpoint(target, fv) : CallSite.SILENT;
    }
    if (Calls.doesNothing(fn)) {
      // A method that returns what its caller has (a driver's default host id) or nothing
      // draws nothing anywhere: no message, no note. (An endpoint's method is a request
      // whatever its body: a remotable save runs where the object is stored.)
      return CallSite.SILENT;
    }
    if (!ParticipantId.sameService(target, cx.participant())) {
      return new CallSite.Crossing(target, fv);
    }
    // Endpoint code that runs in its caller (an object's constructor) is drawn for what it
    // reaches, never as a note of its own; nor is an RPC client's method, whose cast no
    // service of the deployment consumes when it draws nothing.
    return new CallSite.Helper(fv, statementLevel && !profile.runsInCaller(fn)
        && !rpcClientMethod(fv));
  }

  /** A method of an RPC client class, or inherited by the one it is called on. */
  private boolean rpcClientMethod(Value.FunctionValue fv) {
    ClassInfo owner = fv.function().owner();
    return owner != null && rpcServer(owner,
        fv.receiver() instanceof Value.InstanceValue iv ? iv.cls() : null).isPresent();
  }

  /**
   * The server of the RPC client class that defines a method, else of the class of the object
   * it runs on ({@code receiver}, or null): a mixin's method sends on the client inheriting it.
   */
  private Optional<TraceProfile.RpcServer> rpcServer(ClassInfo owner, ClassInfo receiver) {
    Optional<TraceProfile.RpcServer> own = profile.rpcServer(owner);
    return own.isPresent() || receiver == null ? own : profile.rpcServer(receiver);
  }

  /**
   * An RPC client's {@code cctxt.cast(ctxt, 'method', ...)} or {@code .call(...)}, in a method of
   * a class the profile maps to an RPC server, or inherited by one: a mixin's method sends on
   * the client of the object it runs on ({@code AgentNotifierApi}'s
   * {@code security_groups_rule_updated}, written in {@code SecurityGroupAgentRpcApiMixin}).
   */
  private Optional<CallSite> rpc(Expr.Call c, CallContext cx) {
    ClassInfo owner = cx.function().owner();
    if (owner == null) {
      return Optional.empty();
    }
    List<CallSite.Verb> verbs = RpcMessages.verbs(c.func(), cx, flags);
    if (verbs.isEmpty()) {
      return Optional.empty();
    }
    Optional<TraceProfile.RpcServer> server = rpcServer(owner, cx.scope().selfClass());
    String method = server.isEmpty() ? null
        : RpcMessages.methodName(c, cx.scope(), resolver, e -> stringOf(e, cx)).orElse(null);
    if (method == null) {
      return Optional.empty();
    }
    String target = profile.rpcParticipant(server.get(), method, cx.participant());
    Optional<ClassInfo> manager = resolver.classNamed(server.get().managerClass());
    Optional<FunctionInfo> handler = manager
        .flatMap(mgr -> Optional.ofNullable(resolver.lookupMethod(mgr, method, null)));
    return Optional.of(new CallSite.Rpc(server.get(), method, target, verbs, handler,
        manager.orElse(null)));
  }

  /**
   * A row of a mapped class writing itself ({@code network.update(...)}), if rows are drawn; a
   * row read in the session added to it again writes nothing itself (its fields were written
   * as they were set).
   */
  private Optional<CallSite> rowWrite(Expr.Call c, CallContext cx) {
    if (profile.rowDatabase().isPresent() && c.func() instanceof Expr.Attribute a
        && a.attr().equals("add") && c.args().size() == 1
        && profile.unknownReceiverDatabaseCall(c).isPresent()
        && resolver.valueOf(c.args().get(0).value(), cx.scope())
            instanceof Value.InstanceValue row && row.loaded()) {
      return Optional.of(CallSite.SILENT);
    }
    return profile.rowDatabase().flatMap(db -> resolver.rows().rowWrite(c, cx.scope())
        .map(model -> new CallSite.RowWrite(db, model.name() + "."
            + ((Expr.Attribute) c.func()).attr())));
  }

  /**
   * {@code obj.update({'vm_state': ...})} or {@code obj.update(**{...})}, the dict written there
   * or in a local: its string keys are fields assigned on {@code obj}, as if set one by one.
   */
  private static Optional<CallSite> fieldUpdate(Expr.Call c, CallContext cx) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("update")
        || c.args().size() != 1 || c.args().get(0).kind() == Arg.Kind.KEYWORD
        || c.args().get(0).kind() == Arg.Kind.STAR) {
      return Optional.empty();
    }
    Expr arg = c.args().get(0).value();
    if (arg instanceof Expr.Name n && cx.scope().param(n.id()) == null) {
      arg = cx.scope().local(n.id());
    }
    String receiver = Names.dotted(a.value());
    if (!(arg instanceof Expr.Dict dict) || receiver == null
        || dict.keys().stream().anyMatch(k -> Names.string(k) == null)) {
      return Optional.empty();
    }
    return Optional.of(new CallSite.FieldUpdate(receiver, dict));
  }

  /**
   * A call that runs a flow of tasks ({@link TaskFlows}: {@code engines.run(flow)}, {@code
   * engine.run()}): each task's method, in order.
   */
  private Optional<CallSite> flowRun(Expr.Call c, CallContext cx) {
    TaskFlows flows = resolver.hints().taskFlows();
    Value flow = Value.UNKNOWN;
    String imported = resolver.importedName(c.func(), cx.scope());
    if (imported != null && flows.runFunctions().contains(imported) && !c.args().isEmpty()) {
      flow = resolver.valueOf(c.args().get(0).value(), cx.scope());
    } else if (c.func() instanceof Expr.Attribute a && a.attr().equals(flows.runMethod())) {
      flow = resolver.valueOf(a.value(), cx.scope());
    }
    if (!(flow instanceof Value.FlowValue run)) {
      return Optional.empty();
    }
    List<ClassInfo> reversed = new ArrayList<>(run.tasks());
    Collections.reverse(reversed);
    return Optional.of(new CallSite.FlowRun(methods(run.tasks(), flows.taskMethod()),
        flows.revertMethod().isEmpty() ? List.of() : methods(reversed, flows.revertMethod())));
  }

  /** The method {@code name} of each task that has one, in the tasks' order. */
  private List<Value.FunctionValue> methods(List<ClassInfo> tasks, String name) {
    List<Value.FunctionValue> out = new ArrayList<>();
    for (ClassInfo task : tasks) {
      FunctionInfo method = resolver.lookupMethod(task, name, null);
      if (method != null) {
        out.add(new Value.FunctionValue(method, new Value.InstanceValue(task)));
      }
    }
    return out;
  }

  /**
   * A call through a function looked up in a dict of literals ({@code handler =
   * self.handlers[protocol]; handler(...)}): the function of a literal key, or all of them.
   */
  private Optional<CallSite> lookedUp(Expr.Call c, CallContext cx) {
    Optional<DictLookup> lookup = DictLookup.of(c.func(), cx.scope(), resolver);
    if (lookup.isEmpty()) {
      return Optional.empty();
    }
    String key = resolver.valueOf(lookup.get().key(), cx.scope()) instanceof Value.StringValue sv
        ? sv.value() : null;
    List<DictLookup.Entry> entries = lookup.get().entries().stream()
        .filter(e -> key == null || key.equals(e.key())).toList();
    return entries.isEmpty() ? Optional.empty()
        : Optional.of(new CallSite.LookedUp(cx.text(lookup.get().key()), entries));
  }

  /** A function called by a name this frame binds to one: a nested def, or one handed over. */
  Handed localCallable(Expr func, CallContext cx) {
    FunctionInfo nestedDef = nestedFunction(func, cx);
    if (nestedDef != null) {
      // A closure calls what its enclosing call was handed (fetch_func_sync's fetch_func).
      return new Handed(new Value.FunctionValue(nestedDef, null), cx.participant(),
          cx.callables());
    }
    if (func instanceof Expr.Attribute a && a.value() instanceof Expr.Name n
        && n.id().equals("self")) {
      return cx.callables().get(HeldCallables.SELF + a.attr()); // one self was built with
    }
    return func instanceof Expr.Name n ? cx.callables().get(n.id()) : null;
  }

  /** The function a name defined by a {@code def} in an enclosing function's body stands for. */
  FunctionInfo nestedFunction(Expr e, CallContext cx) {
    if (!(e instanceof Expr.Name n)) {
      return null;
    }
    for (Scope s = cx.scope(); s != null; s = s.enclosing()) {
      Stmt.FunctionDef def = s.nestedDef(n.id());
      if (def != null && s.param(n.id()) == null) {
        Scope owner = s;
        return nested.computeIfAbsent(def, d -> {
          FunctionInfo fi = new FunctionInfo(d.name(), cx.function().module(), null, d);
          resolver.nestedScope(fi, owner);
          return fi;
        });
      }
    }
    return null;
  }

  /** How many functions of its own service a wrapper method is looked into for a request. */
  private static final int REACH_DEPTH = 4;

  /**
   * Whether a client wrapper's method makes a request: a call the tree cannot follow on an
   * object it holds or builds ({@code cinderclient(ctx).volumes.get(...)},
   * {@code self._client.get(...)}, {@code getattr(controller, method)(...)}), itself or in a
   * function of the same service it calls. A method that only checks or formats what it is given
   * ({@code check_availability_zone}, {@code generate_image_url}) asks the service nothing.
   */
  private boolean reachesOut(FunctionInfo fn) {
    // Asked at every call of a wrapper method: the answer depends on the method alone.
    return reachingOut.computeIfAbsent(fn, m -> reachesOut(m, REACH_DEPTH));
  }

  private boolean reachesOut(FunctionInfo fn, int depth) {
    Scope scope = resolver.scopeOf(fn);
    List<Expr.Call> calls = new ArrayList<>();
    CallSites.inFunction(resolver, fn, site -> calls.add(site.call()));
    for (Expr.Call call : calls) {
      Value v = resolver.valueOf(call.func(), scope);
      if (v instanceof Value.FunctionValue next) {
        if (depth > 0 && next.function() != fn
            && profile.participantOf(next.function().module())
                .equals(profile.participantOf(fn.module()))
            && reachesOut(next.function(), depth - 1)) {
          return true;
        }
      } else if (!(v instanceof Value.ClassValue) && request(call.func(), scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A callee the tree cannot follow that is a request: a call's result called, or a method of a
   * parameter, a local or {@code self}'s attribute; not a module-level name ({@code LOG.debug},
   * {@code jsonutils.dumps}) nor a plain function ({@code _()}, {@code next()}).
   */
  private static boolean request(Expr func, Scope scope) {
    if (func instanceof Expr.Call) {
      return true;
    }
    if (!(func instanceof Expr.Attribute)) {
      return false;
    }
    Expr root = Names.root(func);
    if (root instanceof Expr.Name n) {
      return n.id().equals(scope.selfName()) || scope.param(n.id()) != null
          || scope.local(n.id()) != null;
    }
    return root instanceof Expr.Call || root instanceof Expr.Subscript;
  }

  /** Why a callee could not be resolved, for --explain. */
  private CallSite.Unresolved.Why whyUnresolved(Expr func, CallContext cx) {
    if (func instanceof Expr.Attribute a) {
      Value receiver = resolver.valueOf(a.value(), cx.scope());
      return receiver instanceof Value.Unknown ? CallSite.Unresolved.Why.UNKNOWN_TYPE
          : CallSite.Unresolved.Why.NO_ATTRIBUTE;
    }
    return func instanceof Expr.Name ? CallSite.Unresolved.Why.NOT_DEFINED
        : CallSite.Unresolved.Why.COMPUTED;
  }
}
