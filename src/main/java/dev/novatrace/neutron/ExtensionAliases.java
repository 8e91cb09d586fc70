package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Value;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extension aliases the loaded plugins support, as
 * {@code PluginAwareExtensionManager.get_plugin_supported_extension_aliases} collects them: the
 * plugin object's {@code supported_extension_aliases}, united with the class-level lists of
 * that name along its MRO (a property there is skipped, as Python's {@code TypeError} is).
 *
 * <p>The object's value is the class-level list, or, where it is a property (ML2,
 * {@code L3RouterPlugin}, {@code OVNL3RouterPlugin}), the {@code _supported_extension_aliases}
 * it starts from. For the core plugin, ML2's property adds each extension driver's
 * {@code _supported_extension_alias(es)} and (29.0.0, {@code _filter_extensions_by_mech_driver})
 * keeps only what every mechanism driver's {@code supported_extensions(extensions)} returns
 * ({@code set(ML2_SUPPORTED_API_EXTENSIONS) & extensions} for OVN,
 * {@code extensions - self._explicitly_not_supported_extensions} for the agent drivers).
 * Aliases the property removes by configuration ({@code vlan-transparent}, {@code qinq}) declare
 * no collections, and are not removed here.
 */
final class ExtensionAliases {
  private static final String ALIASES = "supported_extension_aliases";
  private static final String BASE_ALIASES = "_supported_extension_aliases";
  private static final String MECH_FILTER = "_filter_extensions_by_mech_driver";

  private final ResourceValues values;

  ExtensionAliases(ResourceValues values) {
    this.values = values;
  }

  /** Every alias some loaded plugin supports, sorted. */
  Set<String> supported(Plugins plugins) {
    Set<String> out = new TreeSet<>();
    Set<String> core = objectAliases(plugins.core());
    for (ClassInfo driver : plugins.extensionDrivers()) {
      core.addAll(strings(values.attribute(cls(driver), "_supported_extension_alias")));
      core.addAll(strings(values.attribute(cls(driver), BASE_ALIASES)));
    }
    if (values.resolver().lookupMethod(plugins.core(), MECH_FILTER, null) != null) {
      for (ClassInfo driver : plugins.mechanismDrivers()) {
        core = filtered(driver, core);
      }
    }
    out.addAll(core);
    out.addAll(classLevel(plugins.core()));
    for (ClassInfo service : plugins.services().values()) {
      out.addAll(objectAliases(service));
      out.addAll(classLevel(service));
    }
    return out;
  }

  /** The plugin object's {@code supported_extension_aliases}, before ML2's drivers. */
  private Set<String> objectAliases(ClassInfo plugin) {
    for (ClassInfo c : values.resolver().mro(plugin)) {
      if (c.classAttribute(ALIASES) != null) {
        return strings(values.attribute(cls(c), ALIASES));
      }
      if (c.methods().containsKey(ALIASES)) {
        return strings(values.attribute(cls(plugin), BASE_ALIASES));
      }
    }
    return new LinkedHashSet<>();
  }

  private Set<String> classLevel(ClassInfo plugin) {
    Set<String> out = new LinkedHashSet<>();
    for (ClassInfo c : values.resolver().mro(plugin)) {
      if (c.classAttribute(ALIASES) != null) {
        out.addAll(strings(values.eval(c.classAttribute(ALIASES),
            ResourceValues.Frame.of(c.module()))));
      }
    }
    return out;
  }

  /**
   * What {@code driver.supported_extensions(aliases)} returns, read from its last
   * {@code return}; the aliases unchanged when that cannot be told.
   */
  private Set<String> filtered(ClassInfo driver, Set<String> aliases) {
    FunctionInfo f = values.resolver().lookupMethod(driver, "supported_extensions", null);
    if (f == null || f.ast().params().size() < 2) {
      return aliases;
    }
    List<Param> params = f.ast().params();
    Stmt.Return last = null;
    for (Stmt s : f.ast().body()) {
      if (s instanceof Stmt.Return r) {
        last = r;
      }
    }
    if (last == null) {
      return aliases;
    }
    Map<String, Object> locals = new HashMap<>();
    locals.put(params.get(0).name(), new Value.InstanceValue(driver));
    locals.put(params.get(1).name(), new LinkedHashSet<Object>(aliases));
    Object kept = values.eval(last.value(), new ResourceValues.Frame(f.module(), locals));
    return kept instanceof Collection<?> ? strings(kept) : aliases;
  }

  private static Value.ClassValue cls(ClassInfo c) {
    return new Value.ClassValue(c);
  }

  private static Set<String> strings(Object v) {
    Set<String> out = new LinkedHashSet<>();
    if (v instanceof String s) {
      out.add(s);
    } else if (v instanceof Collection<?> c) {
      c.forEach(x -> {
        if (x instanceof String s) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
