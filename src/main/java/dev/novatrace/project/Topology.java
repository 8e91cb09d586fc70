package dev.novatrace.project;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.trace.TraceProfile.ClientModule;
import dev.novatrace.trace.TraceProfile.RpcServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a project's code runs, as data in the shape every project gives it.
 *
 * @param participants module path prefix → participant; the longest matching prefix wins, and
 *     {@link Participants#INHERIT} means the code runs in its caller's process
 * @param clients client modules: module path prefix → how the code there reaches its service
 * @param endpoints participants drawn as endpoints: a call into them is one message, not
 *     followed inside
 * @param rpc RPC client class → the manager class that serves it and the service it runs in
 */
public record Topology(Map<String, String> participants, Map<String, ClientModule> clients,
    Set<String> endpoints, Map<String, RpcServer> rpc) {

  /** The participant a module's code runs in, or empty when it runs in its caller's. */
  public Optional<String> participantOf(String modulePath) {
    return Participants.byLongestPrefix(participants, modulePath);
  }

  public Optional<ClientModule> clientModule(String modulePath) {
    return Participants.longestPrefix(clients, modulePath);
  }

  public boolean isEndpoint(String participant) {
    return endpoints.contains(participant);
  }

  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return Optional.ofNullable(rpc.get(clientClass.qualifiedName()));
  }

  /** The RPC client and manager classes {@code service} answers RPC messages with, sorted. */
  public List<String> rpcClassesOf(String service) {
    List<String> classes = new ArrayList<>();
    rpc.forEach((client, server) -> {
      if (server.participant().equals(service)) {
        classes.add(client);
        classes.add(server.managerClass());
      }
    });
    classes.sort(null);
    return classes;
  }
}
