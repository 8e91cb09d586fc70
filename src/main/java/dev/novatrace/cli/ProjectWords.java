package dev.novatrace.cli;

import dev.novatrace.project.OpenStackProject;
import dev.novatrace.project.Projects;
import java.util.stream.Collectors;

/**
 * The help texts that list the registered projects: picocli reads them as {@code ${sys:KEY}}
 * variables of the option annotations, which cannot call code. Set before any command line is
 * built.
 */
final class ProjectWords {
  /** {@code nova|cinder}: the values of {@code --project}. */
  static final String PROJECTS = "novatrace.projects";
  /** Each project's driver kind and default, for {@code --driver}. */
  static final String DRIVERS = "novatrace.drivers";

  private ProjectWords() {}

  static void define() {
    System.setProperty(PROJECTS, String.join("|", Projects.NAMES));
    System.setProperty(DRIVERS, Projects.all().stream().map(ProjectWords::driver)
        .collect(Collectors.joining(", ")));
  }

  /** {@code Nova's virt driver (default: libvirt)}. */
  private static String driver(OpenStackProject p) {
    return Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1) + "'s "
        + p.driverKind() + " (default: " + p.defaultDriver() + ")";
  }
}
