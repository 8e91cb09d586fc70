package dev.novatrace.neutron;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Neutron's API extensions as its loader finds them ({@code neutron/api/extensions.py},
 * {@code _load_all_extensions_from_path}): every {@code neutron/extensions/<m>.py} not starting
 * with {@code _}, in file order, whose class {@code <m>.capitalize()} exists
 * ({@code widgets.py} holds {@code Widgets}, {@code l3agentscheduler.py} holds
 * {@code L3agentscheduler}). The alias is {@code get_alias()}'s answer, which for an
 * {@code APIExtensionDescriptor} is {@code api_definition.ALIAS}.
 */
final class ExtensionDescriptors {
  private static final String PACKAGE = "neutron.extensions";
  private static final String DEFINITIONS = "neutron_lib.api.definitions";

  /** One extension: its alias, module and descriptor class. */
  record Descriptor(String alias, ModuleInfo module, ClassInfo cls) {}

  private final ResourceValues values;
  private final List<Descriptor> descriptors = new ArrayList<>();
  private final Set<String> customChecked = new TreeSet<>();

  ExtensionDescriptors(ResourceValues values) {
    this.values = values;
    List<ModuleInfo> modules = extensionModules(values.resolver().index());
    applyImportedMutations(modules);
    for (ModuleInfo m : modules) {
      String file = m.name().substring(PACKAGE.length() + 1);
      ClassInfo cls = m.classes().get(capitalize(file));
      if (cls != null) {
        String alias = alias(cls);
        if (alias != null) {
          descriptors.add(new Descriptor(alias, m, cls));
        }
      }
      collectCustomChecks(m, m.ast().body());
    }
  }

  /** The extensions, in the loader's order (by file name). */
  List<Descriptor> all() {
    return List.copyOf(descriptors);
  }

  /**
   * Aliases registered with {@code register_custom_supported_check(alias, check)}
   * ({@code sorting}, {@code pagination}, {@code project-id}, {@code quotas}, ...): the loader
   * keeps them whatever the plugins support. Their checks are {@code lambda: True}, or
   * (quota details) true under the default quota driver, so they count as supported.
   */
  Set<String> customChecked() {
    return java.util.Collections.unmodifiableSet(customChecked);
  }

  private static List<ModuleInfo> extensionModules(CodeIndex index) {
    List<ModuleInfo> out = new ArrayList<>();
    for (ModuleInfo m : index.modulesUnder(PACKAGE)) {
      String rest = m.name().substring(Math.min(m.name().length(), PACKAGE.length() + 1));
      if (!m.isPackage() && !rest.isEmpty() && !rest.contains(".") && !rest.startsWith("_")) {
        out.add(m);
      }
    }
    return out;
  }

  /** Python's {@code str.capitalize}: the first letter upper case, the rest lower. */
  static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
        + s.substring(1).toLowerCase(Locale.ROOT);
  }

  private String alias(ClassInfo cls) {
    FunctionInfo getAlias = values.resolver().lookupMethod(cls, "get_alias", null);
    if (getAlias != null && values.returned(getAlias) instanceof String s) {
      return s;
    }
    Object definition = values.attribute(new Value.ClassValue(cls), "api_definition");
    return values.attribute(definition, "ALIAS") instanceof String s ? s : null;
  }

  /**
   * Runs the module-level dict mutations of the extension modules and of the neutron-lib
   * definitions they import (transitively among definitions): importing them is what the
   * loader does first, so {@code extraroute_atomic}'s additions to {@code l3.ACTION_MAP} hold
   * before any {@code get_resources()} reads it.
   */
  private void applyImportedMutations(List<ModuleInfo> extensions) {
    Set<String> seen = new TreeSet<>();
    Deque<ModuleInfo> todo = new ArrayDeque<>(extensions);
    extensions.forEach(m -> seen.add(m.name()));
    while (!todo.isEmpty()) {
      ModuleInfo m = todo.pop();
      for (Binding b : m.bindings().values()) {
        imported(b).filter(i -> i.name().startsWith(DEFINITIONS + "."))
            .filter(i -> seen.add(i.name())).ifPresent(todo::add);
      }
    }
    CodeIndex index = values.resolver().index();
    seen.forEach(name -> index.module(name).ifPresent(values::applyMutations));
  }

  private Optional<ModuleInfo> imported(Binding b) {
    CodeIndex index = values.resolver().index();
    if (b instanceof Binding.FromImport fi) {
      Optional<ModuleInfo> sub = index.module(fi.module() + "." + fi.symbol());
      return sub.isPresent() ? sub : index.module(fi.module());
    }
    return b instanceof Binding.ModuleImport mi ? index.module(mi.module()) : Optional.empty();
  }

  /** {@code extensions.register_custom_supported_check(ALIAS, ...)} at top or class level. */
  private void collectCustomChecks(ModuleInfo module, List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.ClassDef c) {
        collectCustomChecks(module, c.body());
      } else if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call
          && "register_custom_supported_check".equals(Names.simpleName(call.func()))
          && !call.args().isEmpty() && values.eval(call.args().get(0).value(),
              ResourceValues.Frame.of(module)) instanceof String alias) {
        customChecked.add(alias);
      }
    }
  }
}
