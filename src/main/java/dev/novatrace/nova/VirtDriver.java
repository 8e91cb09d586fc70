package dev.novatrace.nova;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.TypeHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The virt driver a trace goes down to ({@code --driver libvirt}): its package under
 * {@code nova/virt/}, the participant its code runs in, and its driver class, found in the tree
 * as the class of {@code nova/virt/NAME/driver.py} that derives from {@code ComputeDriver}.
 */
public record VirtDriver(String name, Optional<String> driverClass) {

  public static final String DEFAULT = "libvirt";

  public String participant() {
    return name;
  }

  /** The module that defines the driver class ({@code nova.virt.libvirt.driver}). */
  public String module() {
    return "nova.virt." + name + ".driver";
  }

  /**
   * The class a {@code driver} attribute holds, by dotted name. A driver whose module did not
   * parse has no class to name; a name in its module still sends the resolver there, and that
   * miss marks the routes that needed the driver partial.
   */
  public String typeName() {
    return driverClass.orElse(module() + ".<unparsed>");
  }

  /** The file of {@link #module()}, relative to the tree. */
  public String file() {
    return module().replace('.', '/') + ".py";
  }

  public boolean covers(String modulePath) {
    return modulePath.startsWith("nova/virt/" + name + "/");
  }

  /** Drivers present in the tree: packages of nova/virt holding a driver.py. */
  public static List<String> available(CodeIndex index) {
    List<String> names = new ArrayList<>();
    for (ModuleInfo m : index.modulesUnder("nova.virt")) {
      String[] parts = m.name().split("\\.");
      if (parts.length == 4 && parts[3].equals("driver")) {
        names.add(parts[2]);
      }
    }
    return names;
  }

  /** Finds the driver class of {@code name} in the tree. */
  public static VirtDriver find(CodeIndex index, String name) {
    Optional<ModuleInfo> module = index.module(new VirtDriver(name, Optional.empty()).module());
    if (module.isEmpty()) {
      return new VirtDriver(name, Optional.empty());
    }
    Resolver resolver = new Resolver(index, TypeHints.NONE);
    ClassInfo fallback = null;
    for (ClassInfo c : module.get().classes().values()) {
      for (ClassInfo base : resolver.mro(c)) {
        if (base != c && base.name().equals("ComputeDriver")) {
          return new VirtDriver(name, Optional.of(c.qualifiedName()));
        }
      }
      if (fallback == null && c.name().endsWith("Driver")) {
        fallback = c;
      }
    }
    return new VirtDriver(name, Optional.ofNullable(fallback).map(ClassInfo::qualifiedName));
  }
}
