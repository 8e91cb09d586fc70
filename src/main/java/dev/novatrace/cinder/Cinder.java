package dev.novatrace.cinder;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.project.OpenStackProject;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.UnreadFiles;
import dev.novatrace.util.UserError;
import java.util.List;
import java.util.Optional;

/** Cinder: traced down to a volume driver (LVM unless told otherwise). */
public final class Cinder implements OpenStackProject {

  /** Drawing needs only the profile's static vocabulary: no driver is followed any more. */
  private static final ProjectProfile DRAWING = new CinderProfile(
      new VolumeDriver(VolumeDriver.DEFAULT, Optional.empty()));

  @Override
  public String name() {
    return "cinder";
  }

  @Override
  public String marker() {
    return "volume";
  }

  @Override
  public String defaultDriver() {
    return VolumeDriver.DEFAULT;
  }

  @Override
  public String driverKind() {
    return "volume driver";
  }

  /** A volume driver is a module or a package of cinder/volume/drivers. */
  @Override
  public ProjectProfile profile(SourceTree tree, CodeIndex index, String name,
      UnreadFiles unread) {
    List<String> drivers = VolumeDriver.available(index);
    String folder = "cinder/volume/drivers/" + name;
    if (!drivers.contains(name) && !unread.holds(folder + ".py")
        && !unread.holds(folder + "/__init__.py") && unread.under(folder).isEmpty()) {
      throw new UserError("no volume driver '" + name + "' in " + tree.label()
          + "; available: " + String.join(", ", drivers));
    }
    return new CinderProfile(VolumeDriver.find(index, name));
  }

  @Override
  public ProjectProfile drawing() {
    return DRAWING;
  }

  /** The services outside Cinder that Cinder calls. */
  @Override
  public List<String> externalServices() {
    return List.of("nova", "glance", "keystone");
  }

  @Override
  public boolean isService(String participant) {
    return participant.startsWith("cinder_");
  }

  /** A migration's destination backend is cinder_volume. */
  @Override
  public String service(String participant) {
    return participant.equals(CinderTopology.VOLUME_DEST) ? CinderTopology.VOLUME : participant;
  }

  @Override
  public List<String> rpcClassesOf(String participant) {
    return CinderTopology.rpcClassesOf(participant);
  }
}
