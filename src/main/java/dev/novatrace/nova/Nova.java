package dev.novatrace.nova;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.project.OpenStackProject;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.UnreadFiles;
import dev.novatrace.trace.ParticipantId;
import dev.novatrace.util.UserError;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Nova, the default project: traced down to a virt driver (libvirt unless told otherwise). */
public final class Nova implements OpenStackProject {

  /** Drawing needs only the profile's static vocabulary: no driver is followed any more. */
  private static final ProjectProfile DRAWING = new NovaProfile(
      new VirtDriver(VirtDriver.DEFAULT, Optional.empty()));

  @Override
  public String name() {
    return "nova";
  }

  @Override
  public String marker() {
    return "compute";
  }

  @Override
  public String defaultDriver() {
    return VirtDriver.DEFAULT;
  }

  @Override
  public String driverKind() {
    return "virt driver";
  }

  @Override
  public ProjectProfile profile(SourceTree tree, CodeIndex index, String name,
      UnreadFiles unread) {
    List<String> drivers = VirtDriver.available(index);
    if (!drivers.contains(name) && !unread.holds(new VirtDriver(name, Optional.empty()).file())) {
      Set<String> known = new TreeSet<>(drivers);
      unread.under("nova/virt").stream().map(p -> p.split("/"))
          .filter(p -> p.length == 4 && p[3].equals("driver.py")).forEach(p -> known.add(p[2]));
      throw new UserError("no virt driver '" + name + "' in " + tree.label()
          + "; available: " + String.join(", ", known));
    }
    return new NovaProfile(VirtDriver.find(index, name));
  }

  @Override
  public ProjectProfile drawing() {
    return DRAWING;
  }

  /** The services outside Nova that Nova calls. */
  @Override
  public List<String> externalServices() {
    return List.of("placement", "neutron", "glance", "cinder");
  }

  @Override
  public boolean isService(String participant) {
    return participant.startsWith("nova_");
  }

  /**
   * The two compute hosts of a migration are both nova_compute, which is where RPC messages to
   * either go.
   */
  @Override
  public String service(String participant) {
    return ParticipantId.serviceOf(participant);
  }

  /** Empty for participants that are no RPC server (nova_api, database). */
  @Override
  public List<String> rpcClassesOf(String participant) {
    return NovaTopology.rpcClassesOf(participant);
  }

  @Override
  public Optional<RoleNames> roleNames() {
    return Optional.of(NovaRoles::participant);
  }
}
