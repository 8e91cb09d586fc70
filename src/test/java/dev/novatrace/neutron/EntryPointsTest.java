package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stevedore's names for plugins and drivers, read from a package's entry_points.txt. */
class EntryPointsTest {
  private static final String TEXT = """
      [console_scripts]
      neutron-server = neutron.cmd.eventlet.server:main

      [neutron.ml2.mechanism_drivers]
      ovn = neutron.plugins.ml2.drivers.ovn.mech_driver.mech_driver:OVNMechanismDriver
      # a comment = not.an:Entry
      openvswitch = neutron.plugins.ml2.drivers.openvswitch.mech_driver.mech_openvswitch:OpenvswitchMechanismDriver
      """;

  @Test
  void aNameIsTheClassItsEntryPointLoads() {
    EntryPoints e = EntryPoints.parse(TEXT);
    assertEquals(Optional.of("neutron.plugins.ml2.drivers.ovn.mech_driver.mech_driver"
        + ".OVNMechanismDriver"), e.className("neutron.ml2.mechanism_drivers", "ovn"));
    assertEquals(List.of("openvswitch", "ovn"), e.names("neutron.ml2.mechanism_drivers"));
    // Neutron's loader imports a class path it is given instead of a name.
    assertEquals(Optional.of("acme.plugin.Plugin"),
        e.className("neutron.core_plugins", "acme.plugin.Plugin"));
    assertEquals(Optional.empty(), e.className("neutron.core_plugins", "ml2"));
  }

  @Test
  void theFileIsReadFromThePackagesMetadataFolderOnly(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("neutron-1.0.egg-info"));
    Files.writeString(root.resolve("neutron-1.0.egg-info/entry_points.txt"), TEXT);
    assertEquals(List.of("openvswitch", "ovn"),
        EntryPoints.read(root, "neutron").names("neutron.ml2.mechanism_drivers"));
    assertEquals(List.of(), EntryPoints.read(root, "nova").names("neutron.ml2.mechanism_drivers"));
    // A metadata folder that is a link is not followed out of the tree.
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("entry_points.txt"), TEXT);
    Path linked = Files.createDirectories(root.resolve("linked"));
    Files.createSymbolicLink(linked.resolve("neutron-2.0.dist-info"), elsewhere);
    assertEquals(List.of(), EntryPoints.read(linked, "neutron").names(
        "neutron.ml2.mechanism_drivers"));
  }
}
