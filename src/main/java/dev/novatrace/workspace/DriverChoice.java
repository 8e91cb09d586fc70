package dev.novatrace.workspace;

import dev.novatrace.cinder.CinderProfile;
import dev.novatrace.cinder.VolumeDriver;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.nova.NovaProfile;
import dev.novatrace.nova.NovaTree;
import dev.novatrace.nova.Project;
import dev.novatrace.nova.ProjectProfile;
import dev.novatrace.nova.VirtDriver;
import dev.novatrace.util.UserError;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The driver a tree is traced down to, and so its profile. A driver whose module did not parse,
 * or whose folder could not be read, is still the one followed: its routes are drawn as far as
 * they go and say they are partial, rather than the whole run failing with "no such driver".
 */
final class DriverChoice {
  private DriverChoice() {}

  /** The profile of the tree's project, following the driver asked for (null: the default). */
  static ProjectProfile profile(NovaTree tree, CodeIndex index, String driverName,
      BrokenFiles broken) {
    if (tree.project().equals(Project.CINDER)) {
      return cinder(tree, index, driverName == null ? VolumeDriver.DEFAULT : driverName, broken);
    }
    return nova(tree, index, driverName == null ? VirtDriver.DEFAULT : driverName, broken);
  }

  private static ProjectProfile nova(NovaTree tree, CodeIndex index, String name,
      BrokenFiles broken) {
    List<String> drivers = VirtDriver.available(index);
    if (!drivers.contains(name)
        && broken.holding(new VirtDriver(name, Optional.empty()).file()).isEmpty()) {
      Set<String> known = new TreeSet<>(drivers);
      broken.under("nova/virt").stream().map(p -> p.split("/"))
          .filter(p -> p.length == 4 && p[3].equals("driver.py")).forEach(p -> known.add(p[2]));
      throw new UserError("no virt driver '" + name + "' in " + tree.label()
          + "; available: " + String.join(", ", known));
    }
    return new NovaProfile(VirtDriver.find(index, name));
  }

  /** A volume driver is a module or a package of cinder/volume/drivers. */
  private static ProjectProfile cinder(NovaTree tree, CodeIndex index, String name,
      BrokenFiles broken) {
    List<String> drivers = VolumeDriver.available(index);
    String folder = "cinder/volume/drivers/" + name;
    if (!drivers.contains(name) && broken.holding(folder + ".py").isEmpty()
        && broken.holding(folder + "/__init__.py").isEmpty() && broken.under(folder).isEmpty()) {
      throw new UserError("no volume driver '" + name + "' in " + tree.label()
          + "; available: " + String.join(", ", drivers));
    }
    return new CinderProfile(VolumeDriver.find(index, name));
  }
}
