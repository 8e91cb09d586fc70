package dev.novatrace.cinder;

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
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.TaskFlowLibrary;
import dev.novatrace.project.TypeTables;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TaskFlows;
import dev.novatrace.trace.TypeHints;
import dev.novatrace.trace.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Cinder-specific the tracer and the detail policies need, kept as data and composed
 * here as {@link dev.novatrace.nova.NovaProfile} does for Nova: where code runs
 * ({@link CinderTopology}), what values are ({@link CinderTypeHints}), what standard detail folds
 * ({@link CinderDetailRules}), the notes ({@link CinderNotes}) and the actions
 * ({@link CinderActionDiscovery}).
 */
public final class CinderProfile implements ProjectProfile {

  /** The participant every action starts in: the REST API. */
  public static final String API = CinderTopology.API;

  /** Participants in the order a diagram declares them. */
  public static final List<String> PARTICIPANT_ORDER = CinderTopology.PARTICIPANT_ORDER;

  /** The state a reader follows: a volume's (and a snapshot's, a backup's) status fields. */
  private static final Set<String> STATE_FIELDS =
      Set.of("status", "attach_status", "migration_status");

  /**
   * Helpers an engineer draws as one message rather than following them: the API's lookup of
   * a volume, and the Keystone queries behind quotas and project checks.
   */
  private static final Map<String, Summary> SUMMARIZED = Map.of(
      "cinder.volume.api.API.get", new Summary("database", "Volume.get_by_id", Step.Effect.READ),
      "cinder.quota_utils.get_project_hierarchy",
      new Summary("keystone", "get project hierarchy", Step.Effect.READ),
      "cinder.api.api_utils.get_project",
      new Summary("keystone", "get project", Step.Effect.READ));

  /** Object methods that write although their names could pass for the framework's. */
  private static final Set<String> OBJECT_WRITES =
      Set.of("save", "create", "destroy", "conditional_update");

  private static final CinderDetailRules DETAIL = new CinderDetailRules();

  private final TypeTables hints;

  public CinderProfile(VolumeDriver driver) {
    this.hints = CinderTypeHints.of(driver);
  }

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
    return new CinderActionDiscovery(index, resolver).discover();
  }

  // Where code runs.

  @Override
  public Optional<String> participantOf(ModuleInfo module) {
    return CinderTopology.participantOf(module);
  }

  @Override
  public boolean isDatabase(String participant) {
    return participant.equals("database");
  }

  @Override
  public boolean isEndpoint(String participant) {
    return CinderTopology.isEndpoint(participant);
  }

  @Override
  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return CinderTopology.rpcServer(clientClass);
  }

  @Override
  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    return CinderTopology.rpcParticipant(server, callerParticipant);
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
  public TaskFlows taskFlows() {
    return TaskFlowLibrary.NAMES;
  }

  @Override
  public Optional<ClientModule> clientModule(String modulePath) {
    return CinderTopology.clientModule(modulePath);
  }

  // Endpoints and notes.

  @Override
  public Optional<Summary> summary(FunctionInfo function) {
    return Optional.ofNullable(SUMMARIZED.get(function.qualifiedName()));
  }

  @Override
  public Step.Effect endpointEffect(FunctionInfo fn) {
    return requestEffect(fn.name());
  }

  /**
   * Cinder writes status with a dict: {@code obj.conditional_update(values, expected_values)}
   * (the guard is the second), and the db API's {@code *_update(context, id, values)}.
   */
  @Override
  public java.util.OptionalInt valuesArgument(String method) {
    return method.equals("conditional_update") ? java.util.OptionalInt.of(0)
        : method.endsWith("_update") && !method.startsWith("_") ? java.util.OptionalInt.of(2)
        : java.util.OptionalInt.empty();
  }

  @Override
  public boolean isStateField(String field) {
    return STATE_FIELDS.contains(field);
  }

  @Override
  public boolean isEndpointCall(FunctionInfo fn) {
    if (fn.name().startsWith("_")) {
      return false;
    }
    if (fn.owner() == null && !fn.module().path().startsWith("cinder/db/")) {
      // Module functions of a client wrapper build clients (novaclient, get_remote_image_service).
      return false;
    }
    if (fn.owner() == null && fn.name().endsWith("_filter")) {
      // db.volume_has_snapshots_filter() builds a SQL expression a conditional update tests:
      // no query of its own.
      return false;
    }
    if (fn.owner() != null && fn.owner().name().endsWith("DictCompat")) {
      // volume_type.get('extra_specs', {}): an object read as the dict it once was.
      return false;
    }
    if (fn.module().path().startsWith("cinder/objects/")) {
      // Cinder's objects are not sent over RPC as Nova's are, so few are remotable: a public
      // method of an object (volume.begin_attach, attachment.finish_attach) is a database
      // message whatever its decorators; obj_* are the framework's own helpers.
      // from_primitive and to_primitive only convert what a message carries.
      return !fn.name().startsWith("obj_") && !fn.name().endsWith("_primitive")
          || OBJECT_WRITES.contains(fn.name());
    }
    return true;
  }

  @Override
  public String endpointLabel(FunctionInfo fn, Value receiver) {
    if (fn.owner() != null && fn.module().path().startsWith("cinder/objects/")) {
      // objects.Volume.get_by_id, a classmethod of the base: the class it is called on.
      String owner = receiver instanceof Value.InstanceValue iv ? iv.cls().name()
          : receiver instanceof Value.ClassValue cv ? cv.cls().name() : fn.owner().name();
      return owner + "." + fn.name();
    }
    // The database API's functions and the quota engine's methods say which layer answers:
    // db.volume_update, quota.reserve.
    String path = fn.module().path();
    if (path.startsWith("cinder/db/")) {
      return "db." + fn.name();
    }
    return path.equals("cinder/quota.py") ? "quota." + fn.name() : fn.name();
  }

  @Override
  public Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope,
      Resolver resolver, CallStrings strings) {
    return CinderNotes.noteFor(call, scope, resolver, strings);
  }

  /**
   * A manager method locked per volume ({@code @coordination.synchronized('{volume.id}-...')})
   * runs one at a time: a note, as Nova's state checks are.
   */
  @Override
  public List<String> notesForDecorators(FunctionInfo function, Resolver resolver) {
    for (Expr d : function.decorators()) {
      if ("synchronized".equals(Names.simpleName(d instanceof Expr.Call c ? c.func() : d))) {
        return List.of("lock " + lockName(d, function));
      }
    }
    return List.of();
  }

  private static String lockName(Expr d, FunctionInfo fn) {
    if (d instanceof Expr.Call c && !c.args().isEmpty()
        && Names.string(c.args().get(0).value()) != null) {
      return Names.string(c.args().get(0).value());
    }
    return fn.name();
  }

  /**
   * Diagrams show the current API: the newest microversion is requested, so
   * {@code req_version.matches(mv.X)} holds.
   */
  @Override
  public Optional<Boolean> assumption(Expr.Call call) {
    // The newest microversion is requested, and a cloud runs one release: an RPC client can
    // send its newest version (the pins are for rolling upgrades).
    String name = Names.simpleName(call.func());
    return "matches".equals(name) || "is_supported".equals(name)
        || "can_send_version".equals(name) ? Optional.of(true) : Optional.empty();
  }

  @Override
  public Settings settings(CodeIndex index) {
    // Cinder declares options in the modules that use them, all over the tree.
    // A volume driver's configuration appends its options to the backend's section, read
    // through [backend_defaults] (cinder/volume/configuration.py).
    return Settings.of(OptionReader.readAll(index, "cinder",
        java.util.Map.of("append_config_values", "backend_defaults")));
  }

  @Override
  public Policies policies(CodeIndex index) {
    // Cinder registers its rules from cinder/policies/, listed by its list_rules().
    return Policies.read(index, "cinder.policies");
  }

  @Override
  public Optional<String> settingsGroup(Expr receiver) {
    // self.configuration, self.driver.configuration: the backend's own section.
    boolean configuration = receiver instanceof Expr.Attribute a && a.attr().equals("configuration")
        || receiver instanceof Expr.Name n && n.id().equals("configuration");
    return configuration ? Optional.of("backend_defaults") : Optional.empty();
  }

  @Override
  public Optional<String> policyCheckMethod() {
    return Optional.of("authorize"); // context.authorize(rule, ...)
  }

  @Override
  public boolean isSettings(String name) {
    return name.equals("CONF");
  }

  @Override
  public boolean isSpawner(Expr.Call call) {
    String name = Names.simpleName(call.func());
    return name != null && (name.startsWith("spawn") || name.equals("submit"));
  }

  /** A volume built with its status is stored by {@code create()}, which writes those fields. */
  @Override
  public boolean writesFields(String method) {
    return method.equals("save") || method.equals("create");
  }

}
