package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diff.Snapshots;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The call graph agrees with the trace on real releases: every RPC message and every call into
 * another service that the trace of an action draws is an edge of the action's call graph, to
 * the same participant and method. The two are made by different walkers over one classifier,
 * so a rule read in one place only would show here.
 */
class CallGraphIT {

  @ParameterizedTest
  @ValueSource(strings = {"22.0.1", "34.0.0"})
  void everyMessageTheTraceDrawsIsAnEdgeOfTheGraph(String version) {
    Snapshots.require(version);
    Workspace ws = Workspace.load(
        new SourceTree(Path.of("nova-snapshots", version), version), "libvirt", null);
    List<String> missing = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    int messages = 0;
    for (ApiAction action : ws.actions()) {
      CallGraph graph = ws.callGraph(action);
      sizes.add(graph.nodes().size());
      Set<String> edges = new HashSet<>();
      for (CallGraph.Edge e : graph.edges()) {
        CallGraph.Node to = graph.node(e.to());
        edges.add(kind(e.kind()) + " " + to.participant() + " " + to.origin().function());
      }
      List<String> drawn = new ArrayList<>();
      collect(ws.rawTrace(action, Workspace.DEFAULT_DEPTH).steps(), drawn);
      messages += drawn.size();
      drawn.stream().filter(m -> !edges.contains(m))
          .forEach(m -> missing.add(action.name() + ": " + m));
    }
    Collections.sort(sizes);
    System.out.printf("call graphs of %s: %d actions, %d messages checked, nodes median %d,"
        + " largest %d%n", version, sizes.size(), messages, sizes.get(sizes.size() / 2),
        sizes.get(sizes.size() - 1));
    assertTrue(messages > 300, "too few messages to mean anything: " + messages);
    assertTrue(missing.isEmpty(), missing.size() + " messages not in the graph: "
        + missing.subList(0, Math.min(20, missing.size())));
  }

  private static String kind(String edgeKind) {
    return edgeKind.startsWith("rpc") ? "rpc" : edgeKind;
  }

  /** RPC messages and calls into another service, as {@code kind participant method}. */
  private static void collect(List<Step> steps, List<String> out) {
    for (Step s : steps) {
      if (s instanceof Step.Cast c) {
        out.add("rpc " + c.to() + " " + c.label());
        collect(c.steps(), out);
      } else if (s instanceof Step.Invocation i) {
        out.add((i.kind() == Step.Kind.RPC_CALL ? "rpc " : "crossing ") + i.to() + " "
            + i.label());
        collect(i.steps(), out);
      } else if (s instanceof Step.Local l) {
        collect(l.steps(), out);
      } else if (s instanceof Step.Block b) {
        b.branches().forEach(br -> collect(br.steps(), out));
      }
    }
  }
}
