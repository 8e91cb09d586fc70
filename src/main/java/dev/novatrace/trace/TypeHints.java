package dev.novatrace.trace;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Optional;

/**
 * What a project profile tells the resolver where the code alone cannot: types of well-known
 * parameters, attributes bound dynamically (a driver loaded by name), factories that import a
 * class by configuration, and packages whose classes are registered at run time.
 * Every value is a dotted class name (module path plus class name).
 */
public interface TypeHints {

  /** Candidate classes a parameter of this name conventionally holds, first existing wins. */
  List<String> parameterTypes(String parameterName);

  /** The class an attribute holds that its class binds dynamically ({@code ComputeManager.driver}). */
  Optional<String> attributeType(String classQualifiedName, String attribute);

  /** Candidate classes a factory function returns, first existing wins ({@code nova.network.API}). */
  List<String> factoryTypes(String functionQualifiedName);

  /** Packages whose classes are reached as {@code package.ClassName} through run-time registration. */
  List<String> registryPackages();

  /**
   * Whether a module-level name holds the deployment's configuration (Nova: {@code CONF}), whose
   * options the settings a trace assumes give values to.
   */
  /**
   * The dotted class a loader function ({@code loader}, its simple name) gives for an
   * entry-point {@code name} of {@code namespace} ({@code load_class_for_provider(
   * 'neutron.ipam_drivers', cfg.CONF.ipam_driver)}), if the project knows its entry points.
   */
  default java.util.Optional<String> classByAlias(String loader, String namespace, String name) {
    return java.util.Optional.empty();
  }

  /**
   * The class a factory function gives for the string it is called with
   * ({@code directory.get_plugin(plugin_constants.L3)}: the loaded L3 plugin), where that
   * argument decides it; empty to fall back to {@link #factoryTypes}.
   */
  default java.util.Optional<String> factoryTypeFor(String functionQualifiedName, String arg) {
    return java.util.Optional.empty();
  }

  /**
   * Whether a call of a library the tree does not hold gives back an object of its one
   * argument's class (SQLAlchemy's {@code session.merge(row)}: the persistent copy of
   * {@code row}).
   */
  default boolean returnsItsArgument(Expr.Call call) {
    return false;
  }

  default boolean isSettings(String name) {
    return false;
  }

  /**
   * Whether {@code e}, read in {@code module}, is the settings object: a name that holds it
   * ({@link #isSettings}), or oslo.config's global object reached through its module
   * ({@code cfg.CONF}, {@code cfg} imported from {@code oslo_config}), as much of Neutron reads
   * its options.
   */
  default boolean isSettingsObject(Expr e, ModuleInfo module) {
    if (e instanceof Expr.Name n) {
      return isSettings(n.id());
    }
    if (!(e instanceof Expr.Attribute a) || !isSettings(a.attr())
        || !(a.value() instanceof Expr.Name m) || module == null) {
      return false;
    }
    Binding b = module.bindings().get(m.id());
    return b instanceof Binding.FromImport f && f.module().equals("oslo_config")
        && f.symbol().equals("cfg")
        || b instanceof Binding.ModuleImport i && i.module().equals("oslo_config.cfg");
  }

  /** The names of the task-flow library the project composes work with, if any. */
  default TaskFlows taskFlows() {
    return TaskFlows.NONE;
  }

  TypeHints NONE = new TypeHints() {
    @Override
    public List<String> parameterTypes(String parameterName) {
      return List.of();
    }

    @Override
    public Optional<String> attributeType(String classQualifiedName, String attribute) {
      return Optional.empty();
    }

    @Override
    public List<String> factoryTypes(String functionQualifiedName) {
      return List.of();
    }

    @Override
    public List<String> registryPackages() {
      return List.of();
    }
  };
}
