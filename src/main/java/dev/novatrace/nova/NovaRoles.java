package dev.novatrace.nova;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names people give Nova's participants in diagrams they draw, onto ours: Nova's own
 * documentation writes roles ({@code API}, {@code Conductor}, {@code Source}, {@code Destination},
 * {@code libvirt-driver}, {@code cinder-api}), the hand-drawn collection service names
 * ({@code nova-api}, {@code nova-compute}). Names are compared without case, punctuation or a
 * leading "nova", so {@code Compute.api}, {@code nova-api} and {@code nova_api} are one.
 */
public final class NovaRoles {

  private static final Map<String, String> ROLES = Map.ofEntries(
      Map.entry("client", "client"), Map.entry("user", "client"), Map.entry("cli", "client"),
      Map.entry("novaclient", "client"),
      Map.entry("api", "nova_api"), Map.entry("computeapi", "nova_api"),
      Map.entry("osapi", "nova_api"), Map.entry("osapicompute", "nova_api"),
      Map.entry("conductor", "nova_conductor"), Map.entry("superconductor", "nova_conductor"),
      Map.entry("cellconductor", "nova_conductor"), Map.entry("computetaskmanager", "nova_conductor"),
      Map.entry("scheduler", "nova_scheduler"),
      Map.entry("compute", "nova_compute"), Map.entry("computemanager", "nova_compute"),
      Map.entry("source", "nova_compute_src"), Map.entry("src", "nova_compute_src"),
      Map.entry("sourcecompute", "nova_compute_src"), Map.entry("sourcehost", "nova_compute_src"),
      Map.entry("computesrc", "nova_compute_src"), Map.entry("computesource", "nova_compute_src"),
      Map.entry("destination", "nova_compute_dest"), Map.entry("dest", "nova_compute_dest"),
      Map.entry("destcompute", "nova_compute_dest"), Map.entry("destinationcompute", "nova_compute_dest"),
      Map.entry("desthost", "nova_compute_dest"), Map.entry("destinationhost", "nova_compute_dest"),
      Map.entry("computedest", "nova_compute_dest"), Map.entry("computedestination", "nova_compute_dest"),
      Map.entry("libvirt", "libvirt"), Map.entry("libvirtdriver", "libvirt"),
      Map.entry("virtdriver", "libvirt"), Map.entry("driver", "libvirt"),
      Map.entry("hypervisor", "libvirt"),
      Map.entry("database", "database"), Map.entry("db", "database"),
      Map.entry("neutron", "neutron"), Map.entry("neutronapi", "neutron"),
      Map.entry("neutronserver", "neutron"), Map.entry("network", "neutron"),
      Map.entry("cinder", "cinder"), Map.entry("cinderapi", "cinder"),
      Map.entry("volume", "cinder"), Map.entry("glance", "glance"), Map.entry("glanceapi", "glance"),
      Map.entry("image", "glance"), Map.entry("placement", "placement"),
      Map.entry("placementapi", "placement"));

  private NovaRoles() {}

  /**
   * Our participant for a diagram's participant, by its name and else by its label
   * ({@code api [label = "Compute.api"]}); empty when neither names a role.
   */
  public static Optional<String> participant(String name, String label) {
    return role(name).or(() -> role(label));
  }

  private static Optional<String> role(String text) {
    String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (ROLES.containsKey(key)) {
      return Optional.of(ROLES.get(key));
    }
    // nova-compute, nova_conductor, NovaScheduler: the service without the project's name.
    return key.startsWith("nova") && key.length() > 4
        ? Optional.ofNullable(ROLES.get(key.substring(4))) : Optional.empty();
  }
}
