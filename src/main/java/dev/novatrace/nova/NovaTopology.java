package dev.novatrace.nova;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.Participants;
import dev.novatrace.project.Topology;
import dev.novatrace.trace.ParticipantId;
import dev.novatrace.trace.TraceProfile.ClientModule;
import dev.novatrace.trace.TraceProfile.RpcServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where Nova's code runs, as data: the participant of each module, the endpoints, the RPC
 * clients with the managers that serve them, and which compute host a method runs on.
 */
final class NovaTopology {
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
      Map.entry("nova/objects/", "database"),
      Map.entry("nova/db/", "database"),
      Map.entry("nova/network/neutron.py", Participants.INHERIT),
      Map.entry("nova/network/neutronv2/", Participants.INHERIT),
      Map.entry("nova/volume/cinder.py", Participants.INHERIT),
      Map.entry("nova/image/", Participants.INHERIT));

  /**
   * Client modules ({@link ClientModule}): module path prefix → how the code there reaches its
   * service. They run in their caller; only their calls on the client library are messages.
   */
  private static final Map<String, ClientModule> CLIENTS = Map.of(
      // get_client() wraps neutronclient; helpers take it as neutron, client, port_client...
      "nova/network/neutron.py", neutron(),
      "nova/network/neutronv2/", neutron(),
      "nova/volume/cinder.py", new ClientModule("cinder", Set.of("cinderclient"), Set.of()),
      // GlanceClientWrapper.call: getattr(controller, method)(*args, **kwargs).
      "nova/image/", new ClientModule("glance", Set.of(), Set.of("session", "controller")),
      // The report client's get/put/post/delete go through a keystoneauth adapter.
      "nova/scheduler/client/report.py",
      new ClientModule("placement", Set.of(), Set.of("_client")));

  private static ClientModule neutron() {
    return new ClientModule("neutron", Set.of("get_client"), Set.of("neutron", "client",
        "port_client", "neutron_client", "admin_client", "neutron_admin"));
  }

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

  private static final Topology TABLES = new Topology(PARTICIPANTS, CLIENTS, ENDPOINTS, RPC);

  /**
   * The RPC client and manager classes a service participant answers RPC messages with
   * ({@code nova_compute_dest} → ComputeAPI and ComputeManager), sorted; empty for participants
   * that are no RPC server (nova_api, database).
   */
  public static List<String> rpcClassesOf(String participant) {
    return TABLES.rpcClassesOf(participant.startsWith("nova_compute") ? "nova_compute"
        : participant);
  }

  /**
   * Compute manager methods that run on the destination host when a service other than compute
   * asks for them (compute-to-compute messages always go to the other host).
   */
  private static final Set<String> DESTINATION_METHODS = Set.of(
      "prep_resize", "check_can_live_migrate_destination", "revert_resize",
      "prep_snapshot_based_resize_at_dest", "finish_snapshot_based_resize_at_dest",
      "revert_snapshot_based_resize_at_dest", "rebuild_instance");

  private final VirtDriver driver;

  NovaTopology(VirtDriver driver) {
    this.driver = driver;
  }

  public Optional<String> participantOf(ModuleInfo module) {
    if (driver.covers(module.path())) {
      return Optional.of(driver.participant());
    }
    return TABLES.participantOf(module.path());
  }

  public Optional<ClientModule> clientModule(String path) {
    return TABLES.clientModule(path);
  }

  public boolean isDatabase(String participant) {
    return participant.equals("database");
  }

  public boolean isEndpoint(String participant) {
    return TABLES.isEndpoint(participant);
  }

  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return TABLES.rpcServer(clientClass);
  }

  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    String service = server.participant();
    if (!service.equals("nova_compute")) {
      return service;
    }
    ParticipantId caller = ParticipantId.parse(callerParticipant);
    // Compute to compute goes to the other host; from elsewhere, the method says which host.
    String role = caller.service().equals(service)
        ? caller.hostRole().filter(ParticipantId.DESTINATION::equals).isPresent()
            ? ParticipantId.SOURCE : ParticipantId.DESTINATION
        : DESTINATION_METHODS.contains(method) ? ParticipantId.DESTINATION : ParticipantId.SOURCE;
    return ParticipantId.onHost(service, role);
  }
}
