package dev.novatrace.drift;

import dev.novatrace.diff.FlatStep;
import dev.novatrace.diff.RpcMessage;
import dev.novatrace.drift.Finding.Kind;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.Services;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.RpcRoutes.Route;
import dev.novatrace.trace.RpcRoutes;
import dev.novatrace.trace.TypeHints;
import dev.novatrace.util.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Checks RPC messages between Nova services against the code:
 * <ul>
 *   <li>the method a message names must be one the target service's manager or rpcapi client
 *       defines ({@code unknown-rpc}, with the closest name as suggestion);
 *   <li>the sender must be a service whose code sends it ({@code wrong-route}): since Nova 33 the
 *       conductor, not the API, asks a compute host to reserve a device name;
 *   <li>a verb the diagram states in words ({@code cast}, {@code call}) must be one the rpcapi
 *       client sends it with ({@code wrong-kind}).
 * </ul>
 * Targets that serve no RPC (nova_api), labels that name no method (see {@link RpcMessage}) and
 * messages no call site of the tree sends (nothing to compare with) are not checked further.
 */
public final class RpcCheck {
  private final CodeIndex index;
  /** Reads the server classes' bases. */
  private final Resolver resolver;
  private final Supplier<RpcRoutes> routes;
  private final String release;

  /** {@code routes} is asked only when a diagram has a message whose route can be checked. */
  public RpcCheck(CodeIndex index, Supplier<RpcRoutes> routes, String release) {
    this.index = index;
    this.resolver = new Resolver(index, TypeHints.NONE);
    this.routes = routes;
    this.release = release;
  }

  public List<Finding> check(String diagram, List<FlatStep> steps) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      FlatStep s = steps.get(i);
      Optional<RpcMessage.Drawn> drawn = RpcMessage.drawn(s, sameLineNotes(steps, i));
      List<ClassInfo> classes = classes(s.to());
      if (drawn.isEmpty() || drawn.get().methods().isEmpty() || classes.isEmpty()) {
        continue;
      }
      Set<String> methods = new TreeSet<>();
      classes.forEach(c -> methods.addAll(methodsOf(c)));
      List<String> known = drawn.get().methods().stream().filter(methods::contains).toList();
      if (known.isEmpty()) {
        String method = drawn.get().methods().get(0);
        String names = String.join(", ", classes.stream().map(ClassInfo::name).toList());
        out.add(Finding.of(diagram, s.line(), Kind.UNKNOWN_RPC, method
            + " is not an RPC method of " + s.to() + " (" + names + ")",
            closest(method, methods).orElse("")));
        continue;
      }
      route(diagram, s, known, drawn.get().verbs()).ifPresent(out::add);
    }
    return out;
  }

  /** The notes drawn on a message's own source line right after it: seqdiag's edge notes. */
  private static List<FlatStep> sameLineNotes(List<FlatStep> steps, int at) {
    List<FlatStep> notes = new ArrayList<>();
    int line = steps.get(at).line();
    for (int j = at + 1; line > 0 && j < steps.size(); j++) {
      FlatStep n = steps.get(j);
      if (n.kind() != FlatStep.Kind.NOTE || n.line() != line) {
        break;
      }
      notes.add(n);
    }
    return notes;
  }

  /** A wrong sender first (the message is elsewhere), else a wrong verb. */
  private Optional<Finding> route(String diagram, FlatStep s, List<String> methods,
      Set<String> statedVerbs) {
    String server = Services.service(s.to());
    List<Route> found = methods.stream().flatMap(m -> routes.get().to(server, m).stream()).toList();
    if (found.isEmpty() || found.stream().anyMatch(r -> r.sender().isEmpty())) {
      return Optional.empty(); // no call site, or one whose process cannot be told
    }
    String sender = Services.service(s.from());
    List<Route> fromSender = found.stream().filter(r -> r.sender().get().equals(sender)).toList();
    String method = methods.get(0);
    if (fromSender.isEmpty()) {
      Route first = found.get(0);
      Set<String> senders = new TreeSet<>(found.stream().map(r -> r.sender().get()).toList());
      return Optional.of(Finding.of(diagram, s.line(), Kind.WRONG_ROUTE, method + " reaches "
          + server + " from " + String.join(", ", senders) + " in " + release + ", not from "
          + s.from(), "draw it from " + first.sender().get() + " (sent at " + first.callerPath()
          + ":" + first.line() + ")"));
    }
    Set<String> verbs = new TreeSet<>();
    fromSender.forEach(r -> verbs.addAll(r.verbs()));
    if (statedVerbs.isEmpty() || verbs.isEmpty()
        || statedVerbs.stream().anyMatch(verbs::contains)) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(diagram, s.line(), Kind.WRONG_KIND, method + " is sent as "
        + String.join(" or ", verbs) + " in " + release + ", the diagram says "
        + String.join(" or ", statedVerbs), "write " + String.join(" or ", verbs)));
  }

  private List<ClassInfo> classes(String participant) {
    List<ClassInfo> out = new ArrayList<>();
    for (String qualified : Services.rpcClassesOf(participant)) {
      int dot = qualified.lastIndexOf('.');
      index.module(qualified.substring(0, dot)).map(ModuleInfo::classes)
          .map(m -> m.get(qualified.substring(dot + 1))).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The methods an RPC server class answers: its own and its bases' (Neutron's
   * {@code DhcpAgentWithStateReport} inherits {@code DhcpAgent}'s), and class-level aliases of
   * them ({@code subnet_create_end = subnet_update_end}).
   */
  private Set<String> methodsOf(ClassInfo cls) {
    Set<String> out = new TreeSet<>();
    for (ClassInfo c : resolver.mro(cls)) {
      out.addAll(c.methods().keySet());
      for (Stmt st : c.ast().body()) {
        if (st instanceof Stmt.Assign a && a.value() instanceof Expr.Name n
            && c.methods().containsKey(n.id())) {
          a.targets().stream().filter(Expr.Name.class::isInstance)
              .forEach(t -> out.add(((Expr.Name) t).id()));
        }
      }
    }
    return out;
  }

  private static Optional<String> closest(String method, Set<String> methods) {
    return methods.stream().filter(m -> !m.startsWith("_"))
        .filter(m -> EditDistance.between(m, method) <= Math.max(2, method.length() / 4))
        .min(Comparator.comparingInt((String m) -> EditDistance.between(m, method))
            .thenComparing(Comparator.naturalOrder()));
  }
}
