package dev.novatrace.neutron;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stevedore's names for a package's plugins and drivers: the {@code entry_points.txt} in its
 * {@code *.egg-info} or {@code *.dist-info} folder beside the package (as Debian installs it and
 * the snapshots keep it). A deployment names its core plugin, service plugins and ML2 drivers by
 * these names ({@code ovn-router}); a class path given instead is taken as it is. Only a regular
 * file inside the tree is read, never through a link, and never a large one.
 */
final class EntryPoints {
  private static final long MAX_BYTES = 1 << 20;

  /** Section → name → {@code module:Class}. */
  private final Map<String, Map<String, String>> sections;

  private EntryPoints(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  static final EntryPoints NONE = new EntryPoints(Map.of());

  /**
   * The names the baselines use, as Neutron's own {@code setup.cfg} registers them (the same in
   * 17.2.1 and 29.0.0): for a tree that carries no metadata, a git tree of the source.
   */
  static final EntryPoints IN_TREE = parse("""
      [neutron.core_plugins]
      ml2 = neutron.plugins.ml2.plugin:Ml2Plugin
      [neutron.service_plugins]
      router = neutron.services.l3_router.l3_router_plugin:L3RouterPlugin
      ovn-router = neutron.services.ovn_l3.plugin:OVNL3RouterPlugin
      auto_allocate = neutron.services.auto_allocate.plugin:Plugin
      tag = neutron.services.tag.tag_plugin:TagPlugin
      timestamp = neutron.services.timestamp.timestamp_plugin:TimeStampPlugin
      network_ip_availability = neutron.services.network_ip_availability.plugin:NetworkIPAvailabilityPlugin
      flavors = neutron.services.flavors.flavors_plugin:FlavorsPlugin
      revisions = neutron.services.revisions.revision_plugin:RevisionPlugin
      [neutron.ml2.mechanism_drivers]
      ovn = neutron.plugins.ml2.drivers.ovn.mech_driver.mech_driver:OVNMechanismDriver
      openvswitch = neutron.plugins.ml2.drivers.openvswitch.mech_driver.mech_openvswitch:OpenvswitchMechanismDriver
      [neutron.ml2.type_drivers]
      flat = neutron.plugins.ml2.drivers.type_flat:FlatTypeDriver
      geneve = neutron.plugins.ml2.drivers.type_geneve:GeneveTypeDriver
      vlan = neutron.plugins.ml2.drivers.type_vlan:VlanTypeDriver
      vxlan = neutron.plugins.ml2.drivers.type_vxlan:VxlanTypeDriver
      [neutron.ml2.extension_drivers]
      port_security = neutron.plugins.ml2.extensions.port_security:PortSecurityExtensionDriver
      [neutron.ipam_drivers]
      internal = neutron.ipam.drivers.neutrondb_ipam.driver:NeutronDbPool
      """);

  /** Whether no name is known. */
  boolean isEmpty() {
    return sections.isEmpty();
  }

  /** The entry points of {@code project} installed beside it in {@code root}, if any. */
  static EntryPoints read(Path root, String project) {
    for (String kind : new String[] {"egg-info", "dist-info"}) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, project + "-*." + kind)) {
        for (Path dir : dirs) {
          Path file = dir.resolve("entry_points.txt");
          if (!Files.isSymbolicLink(dir) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && Files.size(file) <= MAX_BYTES) {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException | RuntimeException e) {
        // Unreadable metadata names nothing: plugins are then named by class path only.
      }
    }
    return NONE;
  }

  /** The INI-like text: {@code [section]} headers and {@code name = module:Class} lines. */
  static EntryPoints parse(String text) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    Map<String, String> current = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        current = out.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
            k -> new LinkedHashMap<>());
      } else if (current != null && line.contains("=") && !line.startsWith("#")) {
        int eq = line.indexOf('=');
        current.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return new EntryPoints(out);
  }

  /**
   * The dotted class an entry-point {@code name} of {@code section} loads
   * ({@code neutron.services.ovn_l3.plugin.OVNL3RouterPlugin}), or {@code name} itself when it
   * is a class path, as Neutron's loader falls back to importing it.
   */
  Optional<String> className(String section, String name) {
    String target = sections.getOrDefault(section, Map.of()).get(name);
    if (target != null) {
      return Optional.of(target.replace(':', '.'));
    }
    return name.contains(".") ? Optional.of(name) : Optional.empty();
  }

  /** The names a section offers, sorted. */
  java.util.List<String> names(String section) {
    return sections.getOrDefault(section, Map.of()).keySet().stream().sorted().toList();
  }
}
