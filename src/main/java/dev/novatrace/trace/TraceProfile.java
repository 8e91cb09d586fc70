package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Optional;

/**
 * Everything project-specific the generic tracer asks: where code runs, which participants are
 * endpoints, how RPC clients map to servers, and which calls and decorators become notes.
 * Each registered project's profile implements it.
 */
public interface TraceProfile extends TypeHints {

  /** The participant a module's code runs in, or empty when it runs in its caller's. */
  Optional<String> participantOf(ModuleInfo module);

  /** A helper drawn as one message to an endpoint instead of being followed, if it is one. */
  Optional<Summary> summary(FunctionInfo function);

  /**
   * Whether a function defined where an endpoint's code lives runs in its caller's process all
   * the same (Nova: an object's classmethod that is no remote call, such as
   * {@code ImageMeta.from_image_ref}), so that the calls it makes are followed.
   */
  default boolean runsInCaller(FunctionInfo function) {
    return false;
  }

  /**
   * How a client module reaches its service, if the module at {@code modulePath} is one: code
   * that runs in its
   * caller's process ({@link #participantOf} is empty for it) and reaches the service through a
   * client library the tree does not hold (Nova's {@code network/neutron.py}). A call it makes on
   * that library's objects is a request to the service ({@link ClientRequests}); the rest of its
   * code, database writes included, is its caller's.
   */
  default Optional<ClientModule> clientModule(String modulePath) {
    return Optional.empty();
  }

  /**
   * Whether the deployment traced runs {@code participant} (an OVN deployment runs none of
   * Neutron's L2, DHCP and L3 agents): an RPC message to a service it does not run has no
   * consumer and is not drawn. True by default.
   */
  default boolean isDeployed(String participant) {
    return true;
  }

  /** True for participants drawn as endpoints: a message to them is not followed inside. */
  boolean isEndpoint(String participant);

  /** Whether a call into an endpoint function is worth a message (remotable DB methods...). */
  boolean isEndpointCall(FunctionInfo function);

  /** The label of a message to an endpoint function. */
  String endpointLabel(FunctionInfo function, Value receiver);

  /** The server side of an RPC client class, if it is one. */
  Optional<RpcServer> rpcServer(ClassInfo clientClass);

  /**
   * The participant an RPC message to {@code server} goes to. Lets a profile tell two hosts of
   * the same service apart ({@code nova_compute_src}, {@code nova_compute_dest}).
   */
  String rpcParticipant(RpcServer server, String method, String callerParticipant);

  /**
   * A note for a call, or empty when the call is traced normally. {@code strings}: what its
   * arguments hold where it is made (a notification's event name).
   */
  Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope, Resolver resolver,
      CallStrings strings);

  /** Notes for a function's decorators (checks that run before its body). */
  List<String> notesForDecorators(FunctionInfo function, Resolver resolver);

  /**
   * A call whose truth the profile assumes when it decides a branch (Nova: the newest API
   * microversion is in use, so {@code is_supported(req, '2.x')} holds).
   */
  Optional<Boolean> assumption(Expr.Call call);

  /**
   * Whether code of {@code module} reads the request a client sent (the REST API's): an
   * optional field read with a default there ({@code params.get('error', False)}) holds the
   * default on the path drawn, which is the plain request.
   */
  default boolean readsRequest(ModuleInfo module) {
    return false;
  }

  /** Code that runs only where a policy rule admits the caller (see {@link Gate}). */
  default List<Gate> gates() {
    return List.of();
  }

  /**
   * The method of a request context that checks a policy rule ({@code can} in Nova's
   * {@code context.can(rule, ...)}, {@code authorize} in Cinder's), if the project has one.
   */
  default Optional<String> policyCheckMethod() {
    return Optional.empty();
  }

  /**
   * The rule a policy check that only asks names ({@code context.can(rule, fatal=False)}): its
   * answer is a value the code branches on, where a failing check that raises is not.
   */
  default Optional<Expr> askedPolicy(Expr.Call call) {
    return policyCheckMethod().flatMap(m -> AskedPolicy.of(call, m));
  }

  /** The rule a policy check that raises for a caller it does not admit names. */
  default Optional<Expr> enforcedPolicy(Expr.Call call) {
    return policyCheckMethod().flatMap(m -> AskedPolicy.enforced(call, m));
  }

  /**
   * Whether a module-level name holds the deployment's configuration (Nova: {@code CONF}): code
   * behind {@code if CONF.x <= 0: return} runs only where the setting allows it, so it is drawn
   * as optional rather than as the main flow.
   */
  default boolean isSettings(String name) {
    return false;
  }

  /**
   * The group of settings an expression other than the configuration object stands for (Cinder:
   * a volume driver's {@code self.configuration} holds its backend's section, whose options
   * are declared in {@code [backend_defaults]}), if any.
   */
  default Optional<String> settingsGroup(Expr receiver) {
    return Optional.empty();
  }

  /** Whether a call runs the functions passed to it (spawn, executor submit). */
  boolean isSpawner(Expr.Call call);

  /** Whether a call on an unknown receiver ({@code x.save()}) is a database write. */
  Optional<String> unknownReceiverDatabaseCall(Expr.Call call);

  /** What a message to an endpoint function does (a read, a write). */
  Step.Effect endpointEffect(FunctionInfo function);

  /**
   * What a client module's request does, by the name of the client method it calls
   * ({@code list_ports} reads, {@code update_port} writes).
   */
  default Step.Effect requestEffect(String method) {
    return Step.Effect.WRITE;
  }

  /**
   * Whether a method of an object writes the fields assigned on it since it was built or last
   * written ({@code save}; in Cinder, {@code create} too, of a volume built with
   * {@code status='creating'}): its message is labelled with them.
   */
  default boolean writesFields(String method) {
    return method.equals("save");
  }

  /**
   * The position of the argument holding the values a database method writes, if it takes them
   * as a dict (Cinder: {@code volume.conditional_update(values, expected)} at 0,
   * {@code db.volume_update(ctx, volume_id, values)} at 2); a keyword {@code values} also
   * counts. Its string keys are the fields the message writes.
   */
  default java.util.OptionalInt valuesArgument(String method) {
    return java.util.OptionalInt.empty();
  }

  /**
   * Whether a method of a persistent object creates or removes its record ({@code create},
   * {@code destroy}): a change of state wherever database steps are drawn.
   */
  default boolean isRecordLifecycle(String method) {
    return method.equals("create") || method.equals("destroy");
  }

  /** Whether a field written by a save is a state a reader follows (vm_state, task_state). */
  boolean isStateField(String field);

  /**
   * Whether work a spawner starts in {@code participant} runs beside the request that started
   * it, whose reply does not wait for it: the requests it sends are drawn asynchronous.
   */
  default boolean spawnsBesideTheRequest(String participant) {
    return false;
  }

  /**
   * Whether {@code fn} can run in the deployment traced: false for the code of a driver it does
   * not load, whose writes and calls then tell nothing of what the deployment does.
   */
  default boolean runs(FunctionInfo fn) {
    return true;
  }

  /** Whether an endpoint participant is the database (other endpoints are services). */
  boolean isDatabase(String participant);

  /**
   * The participant a row of a mapped class writes itself to ({@link Rows}: {@code
   * network.update(...)} on a row a query gave), if the project's rows are drawn. Empty by
   * default.
   */
  default Optional<String> rowDatabase() {
    return Optional.empty();
  }

  /**
   * The functions a call runs that its code does not name, looked up by a framework at run time:
   * an event bus's subscribers, the drivers a manager loops over by their configured names. Each
   * runs in the caller's process and is traced there as a helper on an instance of its class,
   * in order, instead of the call. Empty (the default) for a call traced as it reads.
   * {@code strings}: what the call's arguments hold where it is made.
   */
  default List<Dispatch> dispatched(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    return List.of();
  }

  /**
   * Whether a loop runs its body exactly once in the deployment traced (a manager's loop over
   * the drivers configured, when one is): its body is then drawn as the main line, no loop
   * around it. False by default.
   */
  default boolean runsOnce(dev.novatrace.python.ast.Stmt.For loop, Scope scope) {
    return false;
  }

  /**
   * Whether a call keeps the functions it is handed for later instead of running them (an event
   * bus's {@code subscribe} and {@code unsubscribe}): they are not traced there. False by
   * default.
   */
  default boolean keepsCallbacks(Expr.Call call) {
    return false;
  }

  /**
   * Whether a call that dispatches ({@link #dispatched}) reaches no one here: an event
   * published to a key no subscriber of the deployment listens to draws nothing, not even a
   * note of the bus's function. False by default.
   */
  default boolean reachesNobody(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    return false;
  }

  /**
   * The functions assigning {@code target} runs, in order, where an object-relational mapper
   * listens to the attribute (SQLAlchemy's {@code set} events, and the {@code after_update} ones
   * of the flush that writes it): each is traced as a helper on an instance of its class, right
   * after the assignment. Empty by default.
   */
  default List<Dispatch> onAssign(Expr.Attribute target, Scope scope, Resolver resolver) {
    return List.of();
  }

  /**
   * The row an assignment to {@code target} changes, where the object is a mapped row the
   * session writes ({@code port.status = status} in a writer transaction): its participant and
   * model ({@code Port}), drawn as a message {@code Port.status = VALUE} of the summary's
   * effect. Empty by default.
   */
  default Optional<Summary> rowWritten(Expr.Attribute target, Scope scope, Resolver resolver) {
    return Optional.empty();
  }

  /**
   * Work another service starts later, once a message of the trace has had its effect (an OVN
   * northbound port row is set up when the port is wired, and the server's monitor of that
   * table runs a handler; an agent that was told of a port reports it wired by RPC). Each is
   * drawn once, after the request's reply, as a cast to the handler's participant. Empty by
   * default.
   */
  default List<Continuation> continuations() {
    return List.of();
  }

  /**
   * A handler that runs later in {@code participant}, on an instance of {@code self}, when the
   * trace sends a message or a cast labelled with one of {@code labels} to {@code trigger}:
   * drawn as a cast {@code from} → {@code participant} labelled {@code label}, unless
   * {@code fires} says the message cannot start it (a row written without what the handler's
   * event requires). Continuations of one {@code group} are alternatives ({@link Continuations}).
   * {@code literals}: what the handler's parameters are known to hold, as a dispatch binds them
   * ({@code row.up}: {@code []}, the column a new row's writer leaves to another service).
   */
  record Continuation(String group, String trigger, java.util.Set<String> labels, String from,
      String label, FunctionInfo entry, ClassInfo self, String participant,
      java.util.function.Predicate<Step.Message> fires, java.util.Map<String, String> literals) {
    public Continuation {
      labels = java.util.Set.copyOf(labels);
      literals = java.util.Map.copyOf(literals);
    }

    /** Started by every message of its labels, its handler's parameters not known. */
    public Continuation(String group, String trigger, java.util.Set<String> labels, String from,
        String label, FunctionInfo entry, ClassInfo self, String participant) {
      this(group, trigger, labels, from, label, entry, self, participant, m -> true,
          java.util.Map.of());
    }
  }

  /**
   * One function a call dispatches to, the class of the instance it runs on (or null), and its
   * parameters the dispatch binds to a literal's text (a callback's resource and event names).
   */
  record Dispatch(FunctionInfo function, ClassInfo self, java.util.Map<String, String> literals,
      java.util.Map<String, Value> types) {
    public Dispatch {
      literals = java.util.Map.copyOf(literals);
      types = java.util.Map.copyOf(types);
    }

    public Dispatch(FunctionInfo function, ClassInfo self, java.util.Map<String, String> literals) {
      this(function, self, literals, java.util.Map.of());
    }

    public Dispatch(FunctionInfo function, ClassInfo self) {
      this(function, self, java.util.Map.of());
    }
  }

  /**
   * The call that waits, over a with-block, for events other services send ({@code
   * wait_for_instance_event} in Nova), if the project has one: the events are drawn as messages
   * to the waiting service where the block ends ({@link EventWaits}).
   */
  default Optional<EventWait> eventWait() {
    return Optional.empty();
  }

  /** The participant that sends an event of this name, if the name tells. */
  default Optional<String> eventSender(String eventName) {
    return Optional.empty();
  }

  /**
   * How a project waits for external events: the method, its parameter holding the events (and
   * that parameter's position among the arguments), the service that receives them (on the
   * waiter's host), and the participant drawn as the sender when an event's name tells none.
   */
  record EventWait(String method, String eventsParameter, int eventsPosition, String receiver,
      String relay) {}

  /**
   * How a client module reaches its service: {@code factories}, the functions whose result is a
   * client object ({@code get_client}, {@code cinderclient}); {@code holders}, the names that
   * hold one where it is used (a parameter {@code port_client}, the attribute
   * {@code self._client}, glance's {@code controller}). A call on a client object is a request.
   */
  record ClientModule(String service, java.util.Set<String> factories,
      java.util.Set<String> holders) {

    /** The same client, also held by {@code name} (a parameter it was handed in). */
    public ClientModule heldBy(String name) {
      java.util.Set<String> all = new java.util.TreeSet<>(holders);
      all.add(name);
      return new ClientModule(service, factories, all);
    }
  }

  /** One message that stands for a whole helper. */
  record Summary(String participant, String label, Step.Effect effect) {}

  /** Where an RPC cast/call goes: the manager class and the participant it runs in. */
  record RpcServer(String managerClass, String participant) {}
}
