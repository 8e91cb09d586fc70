package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.trace.CallGraph;
import dev.novatrace.trace.CallSites;
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
  /** The functions start-up runs, in the order it reaches them. */
  private final List<FunctionInfo> functions;
  /** The plugins and drivers the server loads, each with its bases (mixins included). */
  private final List<List<ClassInfo>> loaded;

  private StartUp(Set<String> reached, Set<String> built, Set<String> modules,
      List<FunctionInfo> functions, List<List<ClassInfo>> loaded) {
    this.reached = reached;
    this.built = built;
    this.modules = modules;
    this.functions = List.copyOf(functions);
    this.loaded = List.copyOf(loaded);
  }

  /** The functions start-up runs, in the order it reaches them. */
  List<FunctionInfo> functions() {
    return functions;
  }

  static StartUp of(Plugins plugins, Resolver resolver, TraceProfile profile) {
    List<ClassInfo> loaded = new ArrayList<>(List.of(plugins.core()));
    loaded.addAll(plugins.services().values());
    loaded.addAll(plugins.mechanismDrivers());
    loaded.addAll(plugins.extensionDrivers());
    Set<String> reached = new TreeSet<>();
    Set<String> built = new TreeSet<>();
    Set<String> modules = new TreeSet<>();
    List<FunctionInfo> functions = new ArrayList<>();
    CallGraphBuilder graphs = new CallGraphBuilder(resolver, profile);
    java.util.Deque<ClassInfo> toBuild = new java.util.ArrayDeque<>(loaded);
    Set<ClassInfo> seen = new java.util.HashSet<>();
    Set<String> read = new java.util.HashSet<>(); // what one starter reads, no other reads again
    while (!toBuild.isEmpty() && seen.size() < MAX_CLASSES) {
      ClassInfo cls = toBuild.removeFirst();
      if (!seen.add(cls)) {
        continue;
      }
      resolver.mro(cls).forEach(c -> built.add(c.qualifiedName()));
      for (String starter : STARTERS) {
        FunctionInfo fn = resolver.lookupMethod(cls, starter, null);
        if (fn != null && (starter.equals("__init__") || loaded.contains(cls))) {
          add(graphs.of(fn, NeutronTopology.SERVER, read), resolver, new Reached(reached, modules,
              functions), toBuild);
        }
      }
    }
    List<List<ClassInfo>> mros = new ArrayList<>();
    loaded.forEach(cls -> mros.add(List.copyOf(resolver.mro(cls))));
    return new StartUp(reached, built, modules, functions, mros);
  }

  /** What start-up reaches, as it is gathered. */
  private record Reached(Set<String> keys, Set<String> modules, List<FunctionInfo> functions) {}

  /** Classes followed at most: start-up builds a few dozen objects. */
  private static final int MAX_CLASSES = 2000;

  /**
   * Adds what a call graph reaches; every object built there (a constructor call, a class
   * named by its path) is built at start-up too, and its constructor runs.
   */
  private static void add(CallGraph graph, Resolver resolver, Reached reached,
      java.util.Deque<ClassInfo> toBuild) {
    for (CallGraph.Node n : graph.nodes()) {
      if (!reached.keys().add(key(n.origin()))) {
        continue;
      }
      reached.modules().add(n.origin().path());
      function(resolver, n.origin()).ifPresent(fn -> {
        reached.functions().add(fn);
        toBuild.addAll(namedClasses(fn, resolver));
        toBuild.addAll(constructed(fn, resolver));
      });
    }
  }

  /** The classes a function builds objects of: {@code DhcpAgentNotifyAPI()}. */
  private static List<ClassInfo> constructed(FunctionInfo fn, Resolver resolver) {
    List<ClassInfo> out = new ArrayList<>();
    CallSites.inFunction(resolver, fn, site -> {
      if (resolver.valueOf(site.call().func(), site.scope())
          instanceof dev.novatrace.trace.Value.ClassValue cv) {
        out.add(cv.cls());
      }
    });
    return out;
  }

  /**
   * Classes a function names by a literal dotted path: what Neutron loads by path at start-up
   * ({@code path = 'neutron.services.ovn_l3.service_providers.ovn.OvnDriver'}, a service
   * provider handed to the provider configuration), so start-up builds an object of each.
   */
  private static List<ClassInfo> namedClasses(FunctionInfo fn, Resolver resolver) {
    List<ClassInfo> out = new ArrayList<>();
    StatementWalker.everywhere(fn.ast().body(), st -> ExprChildren.of(st)
        .forEach(e -> strings(e, s -> {
          if (s.matches("[a-z_][\\w.]*\\.[A-Z]\\w*")) {
            resolver.classNamed(s).ifPresent(out::add);
          }
        })));
    return out;
  }

  /**
   * The strings an expression holds outside list, tuple and set displays: a path assigned or
   * handed over loads a class, one among names compared against ({@code pf_plugin_names =
   * ['port_forwarding', 'neutron...PortForwardingPlugin']}) does not.
   */
  private static void strings(Expr e, java.util.function.Consumer<String> out) {
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      out.accept(c.value());
    }
    if (!(e instanceof Expr.Sequence)) {
      ExprChildren.of(e).forEach(child -> strings(child, out));
    }
  }

  /** The function defined at {@code origin}. */
  private static java.util.Optional<FunctionInfo> function(Resolver resolver, Step.Origin origin) {
    return resolver.index().functionDefinedAt(origin.path(), origin.line());
  }

  /**
   * {@code s} as it runs: a bound method of a mixin of a loaded plugin or driver is bound to
   * that plugin, whose own attributes its body reads ({@code SecurityGroupServerNotifierRpcMixin}
   * subscribes {@code self._notify_sg_on_port_change} from ML2's start-up, and the callback's
   * {@code self.notifier} is ML2's agent notifier).
   */
  Subscriber runningOn(Subscriber s) {
    if (s.receiver() == null) {
      return s;
    }
    for (List<ClassInfo> mro : loaded) {
      if (mro.size() > 1 && mro.subList(1, mro.size()).contains(s.receiver())) {
        return new Subscriber(s.function(), mro.get(0), s.priority(), s.existence());
      }
    }
    return s;
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
