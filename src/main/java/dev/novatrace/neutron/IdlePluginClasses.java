package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.trace.Resolver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes only plugins the deployment does not load are made of: the mixins of the
 * reference L3 plugin ({@code L3_NAT_with_dvr_db_mixin}, the L3 agent schedulers) when the OVN
 * router plugin is loaded instead. Their methods never run, so what only they write (a port's
 * {@code DEVICE_OWNER_DVR_INTERFACE}) no object holds.
 */
final class IdlePluginClasses {
  static final IdlePluginClasses NONE = new IdlePluginClasses(Set.of());

  private static final List<String> SECTIONS = List.of("neutron.core_plugins",
      "neutron.service_plugins");

  private final Set<ClassInfo> idle;

  private IdlePluginClasses(Set<ClassInfo> idle) {
    this.idle = Set.copyOf(idle);
  }

  /**
   * The classes in the MRO of a plugin {@code names} offers and in that of none of {@code
   * loaded}'s plugins.
   */
  static IdlePluginClasses of(EntryPoints names, Plugins loaded, Resolver resolver) {
    Set<ClassInfo> running = new HashSet<>(resolver.mro(loaded.core()));
    loaded.services().values().forEach(c -> running.addAll(resolver.mro(c)));
    Set<ClassInfo> idle = new HashSet<>();
    for (String section : SECTIONS) {
      for (String name : names.names(section)) {
        names.className(section, name).flatMap(resolver::classNamed)
            .ifPresent(c -> resolver.mro(c).stream().filter(m -> !running.contains(m))
                .forEach(idle::add));
      }
    }
    return new IdlePluginClasses(idle);
  }

  /** Whether {@code fn} is a method of a class only unloaded plugins are made of. */
  boolean isIdle(FunctionInfo fn) {
    return fn.owner() != null && idle.contains(fn.owner());
  }
}
