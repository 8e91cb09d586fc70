package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.TraceProfile.Dispatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ML2's managers call their drivers through stevedore: {@code for driver in
 * self.ordered_mech_drivers: getattr(driver.obj, method_name)(context)} in
 * {@code MechanismManager._call_on_drivers}, the same over the extension drivers, and
 * {@code self.drivers.get(network_type).obj.allocate_tenant_segment(...)} in the
 * {@code TypeManager}. The drivers are the ones the deployment configures, loaded by entry
 * point: a call on a driver's {@code obj} there runs the method of each configured driver
 * class, in configuration order (the project network type's driver for the type manager).
 */
final class DriverDispatch {
  static final String MANAGERS = "neutron/plugins/ml2/managers.py";

  /** Manager class name → the configured drivers it calls. */
  private final Map<String, List<ClassInfo>> drivers;

  /** The names of the configured type drivers' classes and of all their bases. */
  private final java.util.Set<String> typeDriverBases;

  /**
   * The files that define the configured drivers' classes: asked of every call into client code
   * standard detail shapes, so read once.
   */
  private final java.util.Set<String> files;

  /** The configured mechanism drivers' classes and all their bases, by qualified name. */
  private final java.util.Set<String> mechanismClasses;
  private final Resolver resolver;
  /** Whether a class's code runs: asked for every write and call a reading counts. */
  private final Map<ClassInfo, Boolean> runs = new java.util.concurrent.ConcurrentHashMap<>();

  DriverDispatch(Map<String, List<ClassInfo>> drivers, Resolver resolver) {
    this.drivers = Map.copyOf(drivers);
    this.resolver = resolver;
    java.util.Set<String> mechanisms = new java.util.HashSet<>();
    drivers.getOrDefault("MechanismManager", List.of())
        .forEach(d -> resolver.mro(d).forEach(c -> mechanisms.add(c.qualifiedName())));
    this.mechanismClasses = mechanisms;
    java.util.Set<String> bases = new java.util.TreeSet<>();
    drivers.getOrDefault("TypeManager", List.of())
        .forEach(d -> resolver.mro(d).forEach(c -> bases.add(c.name())));
    this.typeDriverBases = bases;
    java.util.Set<String> paths = new java.util.TreeSet<>();
    drivers.values().forEach(list -> list.forEach(c -> paths.add(c.module().path())));
    this.files = java.util.Set.copyOf(paths);
  }

  /**
   * Whether {@code fn} can run: not a method of a mechanism driver (a class ML2's
   * {@code MechanismDriver} is a base of) the deployment does not configure, nor of a base only
   * such drivers have (SR-IOV's {@code bind_port} under OVN).
   */
  boolean runs(FunctionInfo fn) {
    ClassInfo owner = fn.owner();
    return owner == null || runs.computeIfAbsent(owner, c -> mechanismClasses.contains(
        c.qualifiedName()) || resolver.mro(c).stream()
            .noneMatch(b -> b.name().equals("MechanismDriver")));
  }

  /** The files that define the configured drivers' classes. */
  java.util.Set<String> files() {
    return files;
  }

  /** The configured drivers' methods the call runs, if it is a manager's call on its drivers. */
  List<Dispatch> of(Expr.Call call, Scope scope, Resolver resolver, CallStrings strings) {
    ClassInfo manager = scope.owner();
    if (manager == null || !manager.module().path().equals(MANAGERS)) {
      return List.of();
    }
    List<ClassInfo> configured = drivers.getOrDefault(manager.name(), List.of());
    Optional<String> method = method(call, strings);
    if (configured.isEmpty() || method.isEmpty()) {
      return List.of();
    }
    List<Dispatch> out = new ArrayList<>();
    for (ClassInfo driver : configured) {
      FunctionInfo fn = resolver.lookupMethod(driver, method.get(), null);
      if (fn != null) {
        out.add(new Dispatch(fn, driver));
      }
    }
    return out;
  }

  /**
   * A manager's loop over its drivers ({@code for driver in self.ordered_mech_drivers}, or the
   * local {@code drivers} bound to them) runs once where one driver is configured.
   */
  boolean runsOnce(dev.novatrace.python.ast.Stmt.For loop, Scope scope) {
    ClassInfo manager = scope.owner();
    if (manager == null || !manager.module().path().equals(MANAGERS)
        || drivers.getOrDefault(manager.name(), List.of()).size() != 1) {
      return false;
    }
    Expr iter = loop.iter();
    if (iter instanceof Expr.Call c && c.args().size() == 1) {
      iter = c.args().get(0).value(); // reversed(self.ordered_mech_drivers)
    }
    return iter instanceof Expr.Attribute a && a.attr().matches("ordered_\\w+_drivers")
        || iter instanceof Expr.Name n && n.id().equals("drivers");
  }

  /**
   * {@code isinstance(driver.obj, api.TypeDriver)} in a manager: whether the configured drivers
   * it calls are of that class (ML2's in-tree type drivers are {@code ML2TypeDriver}s, so the
   * older {@code TypeDriver} interface's branch is not taken). Empty for any other call.
   */
  Optional<Boolean> isInstance(Expr.Call call) {
    if (!(call.func() instanceof Expr.Name n && n.id().equals("isinstance"))
        || call.args().size() != 2
        || !(call.args().get(0).value() instanceof Expr.Attribute a && a.attr().equals("obj"))) {
      return Optional.empty();
    }
    String wanted = dev.novatrace.index.Names.simpleName(call.args().get(1).value());
    if (wanted == null || !wanted.endsWith("TypeDriver") || typeDriverBases.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(typeDriverBases.contains(wanted));
  }

  /** {@code getattr(x.obj, name)(...)} or {@code x.obj.name(...)}: the method's name. */
  private static Optional<String> method(Expr.Call call, CallStrings strings) {
    if (call.func() instanceof Expr.Call g && g.func() instanceof Expr.Name n
        && n.id().equals("getattr") && g.args().size() >= 2
        && g.args().get(0).value() instanceof Expr.Attribute a && a.attr().equals("obj")) {
      return strings.of(g.args().get(1).value());
    }
    if (call.func() instanceof Expr.Attribute m && m.value() instanceof Expr.Attribute a
        && a.attr().equals("obj")) {
      return Optional.of(m.attr());
    }
    return Optional.empty();
  }
}
