package dev.novatrace.project;

import dev.novatrace.index.CodeIndex;
import java.util.List;
import java.util.Optional;

/**
 * One OpenStack project novatrace reads: what the rest of the tool asks of a project without
 * naming it. A project is its own package (Nova's {@code nova}, Cinder's {@code cinder}) holding
 * one class that implements this, registered by one line in
 * {@code META-INF/services/dev.novatrace.project.OpenStackProject}, as PMD registers a language
 * module. {@link Projects} reads the registry.
 */
public interface OpenStackProject {

  /** The project's name, which is also its Python package at a tree's root ({@code nova}). */
  String name();

  /**
   * A sub-package every release of the project has ({@code compute}): it tells a tree of the
   * project apart from a stray folder of that name.
   */
  String marker();

  /**
   * The other top-level Python packages a tree of the project is read with, where it holds them:
   * libraries of the project's own that its code imports and its API is defined in (as a
   * snapshot carries them beside the project's package). They are parsed and indexed with it,
   * their tests left out. None for most projects.
   */
  default List<String> companionPackages() {
    return List.of();
  }

  /** The driver a trace follows unless told otherwise ({@code libvirt}). */
  String defaultDriver();

  /** What the project's drivers drive, for help texts: {@code virt driver}, {@code volume driver}. */
  String driverKind();

  /**
   * The option, as {@code group.name}, whose value names the driver a trace follows where the
   * deployment sets it ({@code --set ml2.mechanism_drivers=openvswitch} is
   * {@code --driver openvswitch}), if the project's drivers are named so. None by default.
   */
  default java.util.Optional<String> driverOption() {
    return java.util.Optional.empty();
  }

  /**
   * The profile a tree of the project is traced with, following {@code driver}. A driver whose
   * files are among {@code unread} is still the one followed (its routes are drawn as far as they
   * go, and say they are partial); one the tree does not have at all is a user error naming those
   * it has.
   */
  ProjectProfile profile(SourceTree tree, CodeIndex index, String driver, UnreadFiles unread);

  /**
   * The profile's static vocabulary, for drawing a trace already made: participant order and
   * names. No driver is followed.
   */
  ProjectProfile drawing();

  /** The services outside the project that it calls: what a history counts as external calls. */
  List<String> externalServices();

  /** Whether a participant is one of the project's own services, between which messages are RPC. */
  boolean isService(String participant);

  /** The service a participant of the project stands for (both hosts of a migration are one). */
  String service(String participant);

  /** The RPC client and manager classes a service participant answers with; empty for others. */
  List<String> rpcClassesOf(String participant);

  /**
   * How people name the project's participants in diagrams they draw ({@code Conductor},
   * {@code nova-compute}), when drift reads such diagrams with our names; empty when the
   * project's diagrams are read with the names as written.
   */
  default Optional<RoleNames> roleNames() {
    return Optional.empty();
  }

  /** Names people give participants, onto ours. */
  interface RoleNames {
    /** Our participant for a participant drawn as {@code name} with {@code label}, if any. */
    Optional<String> participant(String name, String label);
  }
}
