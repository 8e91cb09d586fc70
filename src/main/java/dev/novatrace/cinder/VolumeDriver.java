package dev.novatrace.cinder;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.TypeHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The volume driver a Cinder trace goes down to ({@code --driver lvm}): a module or package
 * under {@code cinder/volume/drivers/}, and its driver class, found in the tree as the first
 * class there that derives from Cinder's {@code BaseVD}. The volume manager loads it by
 * configuration ({@code volume_driver}), which the code cannot tell; LVM is the reference one.
 */
public record VolumeDriver(String name, Optional<String> driverClass) {

  public static final String DEFAULT = "lvm";
  static final String PACKAGE = "cinder.volume.drivers";

  /**
   * The class the manager's {@code driver} holds, by dotted name. A driver whose module did not
   * parse has no class to name; a name in its module still sends the resolver there, and that
   * miss marks the routes that needed the driver partial.
   */
  public String typeName() {
    return driverClass.orElse(PACKAGE + "." + name + ".<unparsed>");
  }

  /** Drivers present in the tree: the modules and packages of cinder/volume/drivers, sorted. */
  public static List<String> available(CodeIndex index) {
    TreeSet<String> names = new TreeSet<>();
    for (ModuleInfo m : index.modulesUnder(PACKAGE)) {
      String rest = m.name().substring(Math.min(m.name().length(), PACKAGE.length() + 1));
      if (!rest.isEmpty()) {
        names.add(rest.split("\\.")[0]);
      }
    }
    return new ArrayList<>(names);
  }

  /** Finds the driver class of {@code name} in the tree. */
  public static VolumeDriver find(CodeIndex index, String name) {
    Resolver resolver = new Resolver(index, TypeHints.NONE);
    List<ModuleInfo> modules = new ArrayList<>(index.modulesUnder(PACKAGE + "." + name));
    index.module(PACKAGE + "." + name).ifPresent(m -> modules.add(0, m));
    for (ModuleInfo m : modules) {
      for (ClassInfo c : m.classes().values()) {
        for (ClassInfo base : resolver.mro(c)) {
          if (base != c && base.name().equals("BaseVD") && c.name().endsWith("Driver")) {
            return new VolumeDriver(name, Optional.of(c.qualifiedName()));
          }
        }
      }
    }
    return new VolumeDriver(name, Optional.empty());
  }
}
