package dev.novatrace.cinder;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.Participants;
import dev.novatrace.project.Topology;
import dev.novatrace.trace.TraceProfile.ClientModule;
import dev.novatrace.trace.TraceProfile.RpcServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where Cinder's code runs, as data: the participant of each module, the endpoints, and the RPC
 * clients with the managers that serve them.
 */
final class CinderTopology {
  /** Participants in the order a diagram declares them: the request's path, then the others. */
  static final List<String> PARTICIPANT_ORDER = List.of(
      "client", "cinder_api", "keystone", "cinder_scheduler", "cinder_volume",
      "cinder_volume_dest", "driver", "cinder_backup", "backup_driver", "database", "nova",
      "glance", "swift");

  static final String API = "cinder_api";
  static final String VOLUME = "cinder_volume";
  /** The other backend of a volume-to-volume message (a migration's destination). */
  static final String VOLUME_DEST = "cinder_volume_dest";

  /**
   * Module path prefix → participant; the longest matching prefix wins, and
   * {@link Participants#INHERIT} means the code runs in its caller's process: the RPC clients,
   * shared utilities, and the service APIs ({@code cinder/volume/api.py} and its create flow,
   * {@code cinder/backup/api.py}), which the REST controllers call in cinder_api and the volume
   * manager calls in cinder_volume (a restore from backup asks the backup API there).
   */
  private static final Map<String, String> PARTICIPANTS = Map.ofEntries(
      Map.entry("cinder/api/", API),
      Map.entry("cinder/volume/api.py", Participants.INHERIT),
      Map.entry("cinder/backup/api.py", Participants.INHERIT),
      Map.entry("cinder/volume/flows/manager/", "cinder_volume"),
      Map.entry("cinder/volume/manager.py", "cinder_volume"),
      Map.entry("cinder/volume/volume_migration.py", "cinder_volume"),
      Map.entry("cinder/manager.py", Participants.INHERIT),
      // The configured volume driver, its base classes and what it drives (iSCSI targets, LVM).
      Map.entry("cinder/volume/driver.py", "driver"),
      Map.entry("cinder/volume/drivers/", "driver"),
      Map.entry("cinder/volume/targets/", "driver"),
      Map.entry("cinder/brick/", "driver"),
      Map.entry("cinder/scheduler/", "cinder_scheduler"),
      Map.entry("cinder/scheduler/rpcapi.py", Participants.INHERIT),
      Map.entry("cinder/backup/", "cinder_backup"),
      Map.entry("cinder/backup/rpcapi.py", Participants.INHERIT),
      // The configured backup driver (backup_driver, Swift by default) and its bases.
      Map.entry("cinder/backup/driver.py", "backup_driver"),
      Map.entry("cinder/backup/chunkeddriver.py", "backup_driver"),
      Map.entry("cinder/backup/drivers/", "backup_driver"),
      Map.entry("cinder/objects/", "database"),
      Map.entry("cinder/db/", "database"),
      Map.entry("cinder/quota.py", "database"),
      Map.entry("cinder/compute/nova.py", Participants.INHERIT),
      Map.entry("cinder/image/glance.py", Participants.INHERIT));

  /**
   * Client modules ({@link ClientModule}): cinder's code, run in its caller, whose calls on
   * novaclient and glanceclient are the requests.
   */
  private static final Map<String, ClientModule> CLIENTS = Map.of(
      "cinder/compute/nova.py",
      new ClientModule("nova", Set.of("novaclient"), Set.of("nova")),
      // GlanceClientWrapper.call: getattr(controller, method)(*args, **kwargs).
      "cinder/image/glance.py", new ClientModule("glance", Set.of(), Set.of("controller")),
      // The Swift backup driver (the default backup_driver): its swiftclient connection.
      "cinder/backup/drivers/swift.py", new ClientModule("swift", Set.of(), Set.of("conn")));

  /** Participants drawn as endpoints: a call into them is one message, not followed inside. */
  private static final Set<String> ENDPOINTS = Set.of("database", "nova", "glance", "keystone",
      "swift");

  /** RPC client class → the manager class that serves it and the service it runs in. */
  private static final Map<String, RpcServer> RPC = Map.of(
      "cinder.scheduler.rpcapi.SchedulerAPI",
      new RpcServer("cinder.scheduler.manager.SchedulerManager", "cinder_scheduler"),
      "cinder.volume.rpcapi.VolumeAPI",
      new RpcServer("cinder.volume.manager.VolumeManager", "cinder_volume"),
      "cinder.backup.rpcapi.BackupAPI",
      new RpcServer("cinder.backup.manager.BackupManager", "cinder_backup"));

  private static final Topology TABLES = new Topology(PARTICIPANTS, CLIENTS, ENDPOINTS, RPC);

  private CinderTopology() {}

  /** The RPC client and manager classes a service participant answers with, sorted. */
  static List<String> rpcClassesOf(String participant) {
    return TABLES.rpcClassesOf(participant.equals(VOLUME_DEST) ? VOLUME : participant);
  }

  static Optional<String> participantOf(ModuleInfo module) {
    return TABLES.participantOf(module.path());
  }

  static Optional<ClientModule> clientModule(String path) {
    return TABLES.clientModule(path);
  }

  static boolean isEndpoint(String participant) {
    return TABLES.isEndpoint(participant);
  }

  static Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return TABLES.rpcServer(clientClass);
  }

  /**
   * A message from a volume service to a volume service goes to the other backend (migration's
   * source asks the destination to create the new volume and connect it, and the destination
   * answers the source): cinder_volume and cinder_volume_dest. Every other message goes to the
   * service's one participant.
   */
  static String rpcParticipant(RpcServer server, String callerParticipant) {
    if (server.participant().equals(VOLUME) && callerParticipant.startsWith(VOLUME)) {
      return callerParticipant.equals(VOLUME_DEST) ? VOLUME : VOLUME_DEST;
    }
    return server.participant();
  }
}
