package dev.novatrace.nova;

import dev.novatrace.config.OptionReader;
import dev.novatrace.config.Policies;
import dev.novatrace.config.Settings;
import dev.novatrace.detail.DetailRules;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.Participants;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.TaskFlowLibrary;
import dev.novatrace.project.TypeTables;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.ParticipantId;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TaskFlows;
import dev.novatrace.trace.TypeHints;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything Nova-specific the tracer and the detail policies need, kept as data and composed
 * here: where code runs ({@link NovaTopology}), what values are ({@link NovaTypeHints}), what
 * standard detail folds ({@link NovaDetailRules}), and, in this class, the calls and decorators
 * that become notes and what an endpoint call does. Another OpenStack project gets a profile
 * like this.
 */
public final class NovaProfile implements ProjectProfile {

  /** Participants in the order a diagram declares them (the hand-drawn collection's order). */
  public static final List<String> PARTICIPANT_ORDER = NovaTopology.PARTICIPANT_ORDER;

  /**
   * Helpers an engineer draws as one database message rather than following their cell and
   * mapping lookups: qualified function name → label.
   */
  private static final Map<String, String> SUMMARIZED = Map.of(
      "nova.api.openstack.common.get_instance", "Instance.get_by_uuid",
      "nova.compute.api.API.get", "Instance.get_by_uuid");

  private static final NovaDetailRules DETAIL = new NovaDetailRules();

  private final VirtDriver driver;
  private final NovaTopology topology;
  private final TypeTables hints;

  public NovaProfile(VirtDriver driver) {
    this.driver = driver;
    this.topology = new NovaTopology(driver);
    this.hints = NovaTypeHints.of(driver);
  }

  /** The participant every action starts in: the REST API. */
  public static final String API = "nova_api";

  @Override
  public String apiParticipant() {
    return API;
  }

  @Override
  public List<String> participantOrder() {
    return PARTICIPANT_ORDER;
  }

  @Override
  public List<ApiAction> discoverActions(CodeIndex index, Resolver resolver) {
    return new ActionDiscovery(index, resolver).discover();
  }

  /** One compute host needs no role: nova_compute_src/_dest only when both appear. */
  @Override
  public UnaryOperator<String> drawnNames(Set<String> used) {
    if (used.contains("nova_compute_src") && used.contains("nova_compute_dest")) {
      return UnaryOperator.identity();
    }
    return ParticipantId::serviceOf;
  }

  // Where code runs: the topology's.

  @Override
  public Optional<String> participantOf(ModuleInfo module) {
    return topology.participantOf(module);
  }

  @Override
  public boolean isDatabase(String participant) {
    return topology.isDatabase(participant);
  }

  @Override
  public boolean isEndpoint(String participant) {
    return topology.isEndpoint(participant);
  }

  @Override
  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return topology.rpcServer(clientClass);
  }

  @Override
  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    return topology.rpcParticipant(server, method, callerParticipant);
  }

  // What values are and what standard detail folds.

  @Override
  public TypeHints typeHints() {
    return hints;
  }

  @Override
  public DetailRules detailRules() {
    return DETAIL;
  }

  @Override
  public Optional<Summary> summary(FunctionInfo function) {
    String label = SUMMARIZED.get(function.qualifiedName());
    return label == null ? Optional.empty()
        : Optional.of(new Summary("database", label, Step.Effect.READ));
  }

  @Override
  public Step.Effect endpointEffect(FunctionInfo fn) {
    return requestEffect(fn.name());
  }

  /** An object built with its fields is stored by {@code create()}, which writes those fields. */
  @Override
  public boolean writesFields(String method) {
    return method.equals("save") || method.equals("create");
  }

  @Override
  public Optional<ClientModule> clientModule(String modulePath) {
    return topology.clientModule(modulePath);
  }

  @Override
  public boolean isStateField(String field) {
    return field.endsWith("_state") || field.equals("status");
  }

  /**
   * An object's classmethod that is not remotable builds the object where it is called, and
   * may ask a service on the way ({@code ImageMeta.from_image_ref} gets the image from glance).
   */
  @Override
  public boolean runsInCaller(FunctionInfo fn) {
    return fn.module().path().startsWith("nova/objects/") && fn.owner() != null
        && fn.hasDecoratorNamed("classmethod") && !remotable(fn);
  }

  @Override
  public boolean isEndpointCall(FunctionInfo fn) {
    if (fn.name().startsWith("_")) {
      return false;
    }
    if (fn.owner() == null && !fn.module().path().startsWith("nova/db/")) {
      // Module functions of a client wrapper build clients (get_client, *_singleton).
      return false;
    }
    if (fn.module().path().startsWith("nova/objects/")) {
      // Only remotable methods reach the database; the rest are local helpers on the object.
      return remotable(fn) || Set.of("save", "create", "destroy").contains(fn.name());
    }
    return true;
  }

  /** A remotable object method: it runs where the database is (through the conductor). */
  private static boolean remotable(FunctionInfo fn) {
    return fn.hasDecoratorNamed("remotable") || fn.hasDecoratorNamed("remotable_classmethod");
  }

  @Override
  public String endpointLabel(FunctionInfo fn, Value receiver) {
    if (fn.owner() != null && fn.module().path().startsWith("nova/objects/")) {
      return fn.owner().name() + "." + fn.name();
    }
    // The database API's functions name their table; "db." says which layer answers.
    return fn.module().path().startsWith("nova/db/") ? "db." + fn.name() : fn.name();
  }

  @Override
  public Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope,
      Resolver resolver, CallStrings strings) {
    return CallNotes.noteFor(call, scope, resolver, strings);
  }

  @Override
  public List<String> notesForDecorators(FunctionInfo function, Resolver resolver) {
    List<String> notes = new ArrayList<>();
    for (Expr d : function.decorators()) {
      String name = Names.simpleName(d);
      if (name != null && (name.startsWith("check_") || name.startsWith("reject_"))) {
        decoratorNote(name, d, function).ifPresent(notes::add);
      }
    }
    return notes;
  }

  /**
   * The note of a check decorator, with the states it checks. A state given as None is not
   * checked ({@code check_instance_state(vm_state=None, task_state=None)} checks nothing, and
   * says nothing).
   */
  private static Optional<String> decoratorNote(String name, Expr d, FunctionInfo fn) {
    List<String> conditions = new ArrayList<>();
    boolean disabled = false;
    if (d instanceof Expr.Call c) {
      for (Arg a : c.args()) {
        if (a.keyword() == null || !a.keyword().endsWith("state")) {
          continue;
        }
        if (a.value() instanceof Expr.Constant k && k.kind() == Expr.ConstKind.NONE) {
          disabled = true;
        } else {
          conditions.add(a.keyword() + " in " + ConstText.of(a.value(), fn.module().ast()));
        }
      }
    }
    if (name.equals("check_instance_state")) {
      if (conditions.size() == 1 && conditions.get(0).startsWith("vm_state in ")) {
        return Optional.of("ensure instance state in "
            + conditions.get(0).substring("vm_state in ".length()));
      }
      if (conditions.isEmpty()) {
        return disabled ? Optional.empty() : Optional.of("ensure instance state");
      }
      return Optional.of("ensure instance state: " + String.join(", ", conditions));
    }
    String human = name.replace('_', ' ');
    return Optional.of(conditions.isEmpty() ? human
        : human + ": " + String.join(", ", conditions));
  }

  @Override
  public Optional<Boolean> assumption(Expr.Call call) {
    // Diagrams show the current API: the newest microversion is requested. A cloud runs one
    // release: an RPC client can send its newest version (the pins are for rolling upgrades).
    String name = Names.simpleName(call.func());
    return "is_supported".equals(name) || "can_send_version".equals(name) ? Optional.of(true)
        : Optional.empty();
  }

  @Override
  public Settings settings(CodeIndex index) {
    // Nova declares its options under nova/conf/, each module registering its own groups.
    return Settings.of(OptionReader.read(index, "nova.conf"));
  }

  @Override
  public List<dev.novatrace.trace.Gate> gates() {
    // Cross-cell resize: policy compute:servers:resize:cross_cell, nobody by default, decides
    // allow_cross_cell_move, which keeps the scheduler to the instance's cell, which makes the
    // conductor's cross-cell task unreachable (nova/policies/servers.py, compute/api.py
    // _allow_cross_cell_resize, conductor/tasks/migrate.py _restrict_request_spec_to_cell).
    return List.of(new dev.novatrace.trace.Gate("nova.conductor.tasks.cross_cell_migrate",
        "compute:servers:resize:cross_cell"));
  }

  @Override
  public Optional<String> policyCheckMethod() {
    return Optional.of("can"); // context.can(rule, ...)
  }

  @Override
  public Policies policies(CodeIndex index) {
    // Nova registers its rules from nova/policies/, listed by its list_rules().
    return Policies.read(index, "nova.policies");
  }

  @Override
  public boolean isSettings(String name) {
    return name.equals("CONF");
  }

  @Override
  public boolean isSpawner(Expr.Call call) {
    String name = Names.simpleName(call.func());
    return name != null && (name.startsWith("spawn") || name.equals("submit")
        || name.equals("pass_context"));
  }

  @Override
  public Optional<String> unknownReceiverDatabaseCall(Expr.Call call) {
    if (ProjectProfile.savesItself(call)) {
      return Optional.of("database");
    }
    if (call.func() instanceof Expr.Attribute a
        && !(a.value() instanceof Expr.Name n && n.id().equals("self"))) {
      String receiver = Names.simpleName(a.value());
      // instance = build_request.get_new_instance(ctx); instance.create(): a name that holds
      // a Nova object by convention is that object whatever built it.
      if (receiver != null && isRecordLifecycle(a.attr())
          && !parameterTypes(receiver).isEmpty()) {
        return Optional.of("database");
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<EventWait> eventWait() {
    return Optional.of(ExternalEvents.WAIT);
  }

  @Override
  public Optional<String> eventSender(String eventName) {
    return ExternalEvents.sender(eventName);
  }

  @Override
  public TaskFlows taskFlows() {
    return TaskFlowLibrary.NAMES;
  }
}
