package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.trace.CallGraph;
import dev.novatrace.trace.CallGraphBuilder;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TraceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Neutron server's start-up runs, read from the code: the constructors and start-up
 * methods of the loaded plugins and drivers ({@code __init__}, {@code initialize}, OVN's
 * {@code post_fork_initialize}, the RPC notifiers' and listeners' start) and everything they
 * call. A callback subscription exists if start-up makes it (docs/neutron-design.md 6.2): a
 * {@code subscribe} in a function start-up reaches, a {@code receives} method of a class an
 * object of which it builds (or of a loaded class), a module-level one in a module whose code
 * it runs.
 */
final class StartUp {
  /** The methods a server calls on its plugins and drivers as it starts. */
  private static final List<String> STARTERS = List.of("__init__", "initialize",
      "post_fork_initialize", "start_rpc_listeners", "_start_rpc_notifiers",
      "start_rpc_state_reports_listener");

  /** {@code path:line} of every function start-up runs. */
  private final Set<String> reached;
  /** Every class start-up builds an object of, and all their bases. */
  private final Set<String> built;
  /** The modules whose code start-up runs. */
  private final Set<String> modules;

  private StartUp(Set<String> reached, Set<String> built, Set<String> modules) {
    this.reached = reached;
    this.built = built;
    this.modules = modules;
  }

  static StartUp of(Plugins plugins, Resolver resolver, TraceProfile profile) {
    List<ClassInfo> loaded = new ArrayList<>(List.of(plugins.core()));
    loaded.addAll(plugins.services().values());
    loaded.addAll(plugins.mechanismDrivers());
    loaded.addAll(plugins.extensionDrivers());
    Set<String> reached = new TreeSet<>();
    Set<String> built = new TreeSet<>();
    Set<String> modules = new TreeSet<>();
    CallGraphBuilder graphs = new CallGraphBuilder(resolver, profile);
    for (ClassInfo cls : loaded) {
      resolver.mro(cls).forEach(c -> built.add(c.qualifiedName()));
      for (String starter : STARTERS) {
        FunctionInfo fn = resolver.lookupMethod(cls, starter, null);
        if (fn != null) {
          add(graphs.of(fn, NeutronTopology.SERVER), resolver, reached, built, modules);
        }
      }
    }
    return new StartUp(reached, built, modules);
  }

  private static void add(CallGraph graph, Resolver resolver, Set<String> reached,
      Set<String> built, Set<String> modules) {
    for (CallGraph.Node n : graph.nodes()) {
      reached.add(key(n.origin()));
      modules.add(n.origin().path());
      if (n.origin().function().equals("__init__") && !n.receiverClass().isEmpty()) {
        resolver.classNamed(n.receiverClass()).ifPresent(
            c -> resolver.mro(c).forEach(b -> built.add(b.qualifiedName())));
      }
    }
  }

  /** Whether start-up makes the subscription. */
  boolean exists(Subscriber s) {
    if (s.existence() instanceof Subscriber.Existence.Imported i) {
      return modules.contains(i.module().path());
    }
    if (s.existence() instanceof Subscriber.Existence.Instance i) {
      return built.contains(i.cls().qualifiedName());
    }
    return s.existence() instanceof Subscriber.Existence.StartUp u
        && reached.contains(key(Step.Origin.of(u.subscribingFunction())));
  }

  private static String key(Step.Origin o) {
    return o.path() + ":" + o.line();
  }
}
