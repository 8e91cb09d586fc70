package dev.novatrace.neutron;

import dev.novatrace.files.FolderSources;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.project.OpenStackProject;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.UnreadFiles;
import dev.novatrace.util.UserError;
import java.util.List;

/**
 * Neutron: traced from the API through the core plugin (ML2) and the service plugins to the
 * mechanism driver (OVN unless told otherwise), the agents and the callbacks between them. Its
 * API is defined partly in neutron-lib, read with it.
 */
public final class Neutron implements OpenStackProject {

  private static final ProjectProfile DRAWING = new NeutronProfile(Deployment.of(
      Deployment.DEFAULT), LoadedPlugins.of(Deployment.of(Deployment.DEFAULT), EntryPoints.NONE),
      EntryPoints.NONE);

  @Override
  public String name() {
    return "neutron";
  }

  /** ML2, in-tree in every release since Havana. */
  @Override
  public String marker() {
    return "plugins";
  }

  @Override
  public List<String> companionPackages() {
    return List.of("neutron_lib");
  }

  @Override
  public String defaultDriver() {
    return Deployment.DEFAULT;
  }

  /** {@code [ml2] mechanism_drivers}: its first entry is the driver followed. */
  @Override
  public java.util.Optional<String> driverOption() {
    return java.util.Optional.of("ml2.mechanism_drivers");
  }

  @Override
  public String driverKind() {
    return "mechanism driver";
  }

  @Override
  public ProjectProfile profile(SourceTree tree, CodeIndex index, String driver,
      UnreadFiles unread) {
    Deployment deployment = Deployment.of(driver);
    if (deployment == null) {
      throw new UserError("no baseline for mechanism driver '" + driver + "'; available: "
          + String.join(", ", Deployment.KNOWN));
    }
    EntryPoints installed = tree.sources() instanceof FolderSources folder
        ? EntryPoints.read(folder.root(), "neutron") : EntryPoints.NONE;
    // A git tree carries no installed metadata: the names Neutron's setup.cfg gives.
    EntryPoints names = installed.isEmpty() ? EntryPoints.IN_TREE : installed;
    return new NeutronProfile(deployment, LoadedPlugins.of(deployment, names), names);
  }

  @Override
  public ProjectProfile drawing() {
    return DRAWING;
  }

  /** The services outside Neutron that Neutron calls. */
  @Override
  public List<String> externalServices() {
    return List.of("nova", "placement", "ovn_nb", "ovn_sb");
  }

  @Override
  public boolean isService(String participant) {
    return participant.startsWith("neutron_");
  }

  @Override
  public String service(String participant) {
    return participant;
  }

  @Override
  public List<String> rpcClassesOf(String participant) {
    return NeutronTopology.TABLES.rpcClassesOf(participant);
  }
}
