package dev.novatrace.nova;

import dev.novatrace.detail.DetailRules;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TaskFlows;
import dev.novatrace.trace.TraceProfile;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything Nova-specific the tracer needs, kept as data: where each module's code runs, which
 * participants are endpoints, RPC clients and their managers, the virt driver, type hints, and
 * the calls and decorators that become notes. Another OpenStack project gets a profile like this.
 */
public final class NovaProfile implements TraceProfile, DetailRules {

  /** Participants in the order a diagram declares them (the hand-drawn collection's order). */
  public static final List<String> PARTICIPANT_ORDER = List.of(
      "client", "nova_api", "nova_conductor", "nova_scheduler", "placement",
      "nova_compute", "nova_compute_src", "nova_compute_dest", "libvirt",
      "database", "neutron", "glance", "cinder");

  /**
   * Module path prefix → participant; the longest matching prefix wins, and {@link #INHERIT}
   * means the code runs in its caller's process (API-side clients, shared utilities).
   */
  private static final Map<String, String> PARTICIPANTS = Map.ofEntries(
      Map.entry("nova/api/", "nova_api"),
      Map.entry("nova/compute/api.py", "nova_api"),
      Map.entry("nova/compute/manager.py", "nova_compute"),
      Map.entry("nova/compute/resource_tracker.py", "nova_compute"),
      Map.entry("nova/compute/claims.py", "nova_compute"),
      Map.entry("nova/conductor/", "nova_conductor"),
      Map.entry("nova/conductor/api.py", Participants.INHERIT),
      Map.entry("nova/conductor/rpcapi.py", Participants.INHERIT),
      Map.entry("nova/scheduler/", "nova_scheduler"),
      Map.entry("nova/scheduler/rpcapi.py", Participants.INHERIT),
      Map.entry("nova/scheduler/utils.py", Participants.INHERIT),
      Map.entry("nova/scheduler/client/", Participants.INHERIT),
      Map.entry("nova/scheduler/client/report.py", "placement"),
      Map.entry("nova/objects/", "database"),
      Map.entry("nova/db/", "database"),
      Map.entry("nova/network/neutron.py", "neutron"),
      Map.entry("nova/network/neutronv2/", "neutron"),
      Map.entry("nova/volume/cinder.py", "cinder"),
      Map.entry("nova/image/", "glance"));

  /** Participants drawn as endpoints: a call into them is one message, not followed inside. */
  private static final Set<String> ENDPOINTS =
      Set.of("database", "neutron", "glance", "cinder", "placement");

  /** RPC client class → the manager class that serves it and the service it runs in. */
  private static final Map<String, RpcServer> RPC = Map.of(
      "nova.compute.rpcapi.ComputeAPI",
      new RpcServer("nova.compute.manager.ComputeManager", "nova_compute"),
      "nova.conductor.rpcapi.ComputeTaskAPI",
      new RpcServer("nova.conductor.manager.ComputeTaskManager", "nova_conductor"),
      "nova.conductor.rpcapi.ConductorAPI",
      new RpcServer("nova.conductor.manager.ConductorManager", "nova_conductor"),
      "nova.scheduler.rpcapi.SchedulerAPI",
      new RpcServer("nova.scheduler.manager.SchedulerManager", "nova_scheduler"));

  /**
   * The RPC client and manager classes a service participant answers RPC messages with
   * ({@code nova_compute_dest} → ComputeAPI and ComputeManager), sorted; empty for participants
   * that are no RPC server (nova_api, database).
   */
  public static List<String> rpcClassesOf(String participant) {
    String service = participant.startsWith("nova_compute") ? "nova_compute" : participant;
    List<String> classes = new ArrayList<>();
    RPC.forEach((client, server) -> {
      if (server.participant().equals(service)) {
        classes.add(client);
        classes.add(server.managerClass());
      }
    });
    classes.sort(null);
    return classes;
  }

  /**
   * Compute manager methods that run on the destination host when a service other than compute
   * asks for them (compute-to-compute messages always go to the other host).
   */
  private static final Set<String> DESTINATION_METHODS = Set.of(
      "prep_resize", "check_can_live_migrate_destination", "revert_resize",
      "prep_snapshot_based_resize_at_dest", "finish_snapshot_based_resize_at_dest",
      "revert_snapshot_based_resize_at_dest", "rebuild_instance");

  /**
   * Conventional parameter names and what each holds: Nova objects, and the service clients
   * handed to task classes ({@code LiveMigrationTask(..., compute_rpcapi, query_client)}).
   * Candidates are tried in order, so one table serves old and new trees.
   */
  private static final Map<String, List<String>> PARAMETER_TYPES = Map.ofEntries(
      Map.entry("instance", List.of("nova.objects.instance.Instance")),
      Map.entry("migration", List.of("nova.objects.migration.Migration")),
      Map.entry("request_spec", List.of("nova.objects.request_spec.RequestSpec")),
      Map.entry("bdm", List.of("nova.objects.block_device.BlockDeviceMapping")),
      Map.entry("instance_mapping", List.of("nova.objects.instance_mapping.InstanceMapping")),
      Map.entry("compute_api", List.of("nova.compute.api.API")),
      Map.entry("compute_rpcapi", List.of("nova.compute.rpcapi.ComputeAPI")),
      Map.entry("scheduler_rpcapi", List.of("nova.scheduler.rpcapi.SchedulerAPI")),
      Map.entry("query_client", List.of("nova.scheduler.client.query.SchedulerQueryClient")),
      Map.entry("scheduler_client", List.of("nova.scheduler.client.SchedulerClient")),
      Map.entry("report_client", List.of("nova.scheduler.client.report.SchedulerReportClient")),
      Map.entry("reportclient", List.of("nova.scheduler.client.report.SchedulerReportClient")),
      Map.entry("network_api", List.of("nova.network.neutron.API",
          "nova.network.neutronv2.api.API")),
      Map.entry("volume_api", List.of("nova.volume.cinder.API")),
      Map.entry("image_api", List.of("nova.image.glance.API", "nova.image.api.API")));

  /** Factories that load a class by configuration in older releases. */
  private static final Map<String, List<String>> FACTORIES = Map.of(
      "nova.compute.API", List.of("nova.compute.api.API"),
      // Before Pike these chose a local (in-process) variant by configuration; the RPC one is
      // what a deployment runs.
      "nova.conductor.API", List.of("nova.conductor.api.API"),
      "nova.conductor.ComputeTaskAPI", List.of("nova.conductor.api.ComputeTaskAPI"),
      "nova.network.API", List.of("nova.network.neutronv2.api.API", "nova.network.neutron.API",
          "nova.network.api.API"),
      "nova.volume.API", List.of("nova.volume.cinder.API"),
      "nova.image.API", List.of("nova.image.api.API", "nova.image.glance.API"),
      // The driver BDM of a volume BDM object (the first of a list built through partials).
      "nova.virt.block_device.convert_volume",
      List.of("nova.virt.block_device.DriverVolumeBlockDevice"));

  /**
   * Helpers an engineer draws as one database message rather than following their cell and
   * mapping lookups: qualified function name → label.
   */
  private static final Map<String, String> SUMMARIZED = Map.of(
      "nova.api.openstack.common.get_instance", "get instance by uuid",
      "nova.compute.api.API.get", "get instance by uuid");

  /**
   * Names of endpoint methods that only read: object lookups ({@code get_by_uuid}), listings,
   * and the service clients' show/get/list/has_* queries.
   */
  private static final Pattern READS = Pattern.compile(
      "(get|list|show|count|find|has|is|check|validate|obj_load_attr|refresh)(_|$)");

  /**
   * Modules whose helpers a person draws as one note at standard detail (module path prefix →
   * what to call them): the resource tracker's claims and provider-tree bookkeeping.
   */
  private static final Map<String, String> FOLDED = Map.of(
      "nova/compute/resource_tracker.py", "resource tracker",
      "nova/compute/claims.py", "resource claim");

  /**
   * Helpers drawn as one note at standard detail wherever they are: error paths (roll back,
   * error out), the API's local-delete fallback for an instance no compute host owns, and the
   * compute host's refresh of its resource inventory (the resource tracker's business).
   */
  private static final Pattern FOLDED_HELPERS = Pattern.compile(
      "_*(rollback|revert_allocation|error_out|set_instance_obj_error_state|cleanup_allocated"
          + "|local_delete|local_cleanup|update_available_resource)");

  /** Driver calls that only fetch data (checks and validations are no queries). */
  private static final Pattern QUERIES = Pattern.compile("(get|list|show)_");

  /** Attributes bound through lazy loaders by class name: class → attribute → class. */
  private static final Map<String, Map<String, String>> ATTRIBUTE_TYPES = Map.of(
      // Before Yoga the scheduler driver was loaded by name; the filter scheduler is the one.
      "nova.scheduler.manager.SchedulerManager", Map.of(
          "driver", "nova.scheduler.filter_scheduler.FilterScheduler"),
      "nova.scheduler.client.SchedulerClient", Map.of(
          "queryclient", "nova.scheduler.client.query.SchedulerQueryClient",
          "reportclient", "nova.scheduler.client.report.SchedulerReportClient"));

  /** Classes whose {@code driver} attribute is the virt driver, loaded by name at run time. */
  private static final List<String> DRIVER_HOLDERS = List.of(
      "nova.compute.manager.ComputeManager", "nova.compute.resource_tracker.ResourceTracker");

  private final VirtDriver driver;

  public NovaProfile(VirtDriver driver) {
    this.driver = driver;
  }

  @Override
  public Optional<String> participantOf(ModuleInfo module) {
    if (driver.covers(module.path())) {
      return Optional.of(driver.participant());
    }
    return Participants.byLongestPrefix(PARTICIPANTS, module.path());
  }

  @Override
  public Optional<Summary> summary(FunctionInfo function) {
    String label = SUMMARIZED.get(function.qualifiedName());
    return label == null ? Optional.empty()
        : Optional.of(new Summary("database", label, Step.Effect.READ));
  }

  @Override
  public Step.Effect endpointEffect(FunctionInfo fn) {
    return READS.matcher(fn.name()).lookingAt() ? Step.Effect.READ : Step.Effect.WRITE;
  }

  @Override
  public boolean isStateField(String field) {
    return field.endsWith("_state") || field.equals("status");
  }

  @Override
  public Optional<String> foldedAs(Step.Origin callee) {
    String human = callee.function().replaceFirst("^_+", "").replace('_', ' ');
    Optional<String> module = Participants.byLongestPrefix(FOLDED, callee.path());
    if (module.isPresent()) {
      return Optional.of(module.get() + ": " + human);
    }
    return FOLDED_HELPERS.matcher(callee.function()).lookingAt()
        ? Optional.of(human) : Optional.empty();
  }

  @Override
  public boolean isQuery(String label) {
    return QUERIES.matcher(label).lookingAt();
  }

  @Override
  public boolean isDatabase(String participant) {
    return participant.equals("database");
  }

  @Override
  public boolean isEndpoint(String participant) {
    return ENDPOINTS.contains(participant);
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
    return fn.name();
  }

  @Override
  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return Optional.ofNullable(RPC.get(clientClass.qualifiedName()));
  }

  @Override
  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    if (!server.participant().equals("nova_compute")) {
      return server.participant();
    }
    if (callerParticipant.startsWith("nova_compute")) {
      return callerParticipant.endsWith("_dest") ? "nova_compute_src" : "nova_compute_dest";
    }
    return DESTINATION_METHODS.contains(method) ? "nova_compute_dest" : "nova_compute_src";
  }

  @Override
  public Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope,
      Resolver resolver) {
    return CallNotes.noteFor(call, scope, resolver);
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
    // Diagrams show the current API: the newest microversion is requested.
    String name = Names.simpleName(call.func());
    return "is_supported".equals(name) ? Optional.of(true) : Optional.empty();
  }

  @Override
  public boolean isSpawner(Expr.Call call) {
    String name = Names.simpleName(call.func());
    return name != null && (name.startsWith("spawn") || name.equals("submit")
        || name.equals("pass_context"));
  }

  @Override
  public Optional<String> unknownReceiverDatabaseCall(Expr.Call call) {
    if (call.func() instanceof Expr.Attribute a && a.attr().equals("save")
        && !(a.value() instanceof Expr.Name n && n.id().equals("self"))) {
      String receiver = Names.simpleName(a.value());
      if (receiver != null && !receiver.toLowerCase(Locale.ROOT).contains("api")) {
        return Optional.of("database");
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> parameterTypes(String parameterName) {
    return PARAMETER_TYPES.getOrDefault(parameterName, List.of());
  }

  @Override
  public Optional<String> attributeType(String classQualifiedName, String attribute) {
    if (attribute.equals("driver") && DRIVER_HOLDERS.contains(classQualifiedName)) {
      return driver.driverClass();
    }
    return Optional.ofNullable(
        ATTRIBUTE_TYPES.getOrDefault(classQualifiedName, Map.of()).get(attribute));
  }

  @Override
  public List<String> factoryTypes(String functionQualifiedName) {
    return FACTORIES.getOrDefault(functionQualifiedName, List.of());
  }

  @Override
  public List<String> registryPackages() {
    return List.of("nova.objects");
  }

  @Override
  public TaskFlows taskFlows() {
    return TASKFLOW;
  }

  /**
   * OpenStack's TaskFlow library: Nova itself runs its conductor tasks by hand (a task's
   * {@code execute()}), but code that composes tasks with TaskFlow, as Cinder's volume create
   * does, is followed through these names. Unordered and graph flows are drawn in the order
   * their tasks were added.
   */
  private static final TaskFlows TASKFLOW = new TaskFlows(
      Set.of("taskflow.patterns.linear_flow.Flow", "taskflow.patterns.unordered_flow.Flow",
          "taskflow.patterns.graph_flow.Flow"),
      "add",
      Set.of("taskflow.engines.run", "taskflow.engines.helpers.run"),
      Set.of("taskflow.engines.load", "taskflow.engines.helpers.load"),
      "run", "execute");
}
