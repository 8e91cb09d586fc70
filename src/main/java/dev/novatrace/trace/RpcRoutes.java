package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who sends which RPC message, read from the whole tree rather than from one trace: every call of
 * an RPC client method (a method of a class the profile maps to an RPC server), with the
 * participant of the code that makes it, and the verbs ({@code cast}, {@code call}) and message
 * names the client method itself uses ({@link RpcMessages}). A review of a diagram asks it whether a message drawn
 * from one service to another is one the code sends that way.
 */
public final class RpcRoutes {

  /**
   * Calls of one client method from one place. {@code sender} is empty when the caller's code
   * runs in its own caller's process (a shared helper), so that the sender cannot be told.
   */
  public record Route(Optional<String> sender, String server, String clientMethod,
      Set<String> names, Set<String> verbs, String callerPath, int line) {

    /** Whether the message is this route's: its client method or a name it sends. */
    public boolean carries(String method) {
      return clientMethod.equals(method) || names.contains(method);
    }
  }

  private final List<Route> routes;

  private RpcRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public static RpcRoutes of(Resolver resolver, TraceProfile profile) {
    List<Route> out = new ArrayList<>();
    // A client method is called from many places; what it sends is read once.
    Map<FunctionInfo, Sends> sends = new IdentityHashMap<>();
    CallSites.forEach(resolver, site -> {
      if (resolver.valueOf(site.call().func(), site.scope()) instanceof Value.FunctionValue fv
          && fv.function().owner() != null) {
        profile.rpcServer(fv.function().owner()).ifPresent(server -> {
          Sends s = sends.computeIfAbsent(fv.function(),
              m -> new Sends(RpcMessages.namesOf(resolver, m),
                  RpcMessages.verbsOf(resolver, m)));
          out.add(new Route(profile.participantOf(site.function().module()), server.participant(),
              fv.function().name(), s.names(), s.verbs(), site.function().module().path(),
              site.call().pos().line()));
        });
      }
    });
    return new RpcRoutes(out);
  }

  /** The message names and verbs of one client method. */
  private record Sends(Set<String> names, Set<String> verbs) {}

  /** The routes to {@code server} that carry {@code method}. */
  public List<Route> to(String server, String method) {
    return routes.stream().filter(r -> r.server().equals(server) && r.carries(method)).toList();
  }

  /** Every route, for tests and explanations. */
  public List<Route> all() {
    return routes;
  }
}
