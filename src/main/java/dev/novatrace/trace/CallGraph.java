package dev.novatrace.trace;

import java.util.List;

/**
 * The call graph of an action as data, read from the code alone and independent of any level of
 * detail: every function the action's entry can reach, once per participant and receiver class
 * it runs with, each with its {@link Region}s, and the edges that lead from one to another with
 * what kind of call they are. Literal flags a caller passes are not applied (a trace does that),
 * so both branches of {@code if do_cast:} are here.
 *
 * @param entry the id of the entry's node
 * @param nodes the functions, in the order they were reached (breadth first)
 * @param edges the calls between them, in the order of their callers' code
 */
public record CallGraph(String entry, List<Node> nodes, List<Edge> edges) {

  public CallGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * A function run in {@code participant} on an instance of {@code receiverClass} (its own class
   * when empty), and its body's regions.
   */
  public record Node(String id, Step.Origin origin, String participant, String receiverClass,
      Region body) {}

  /**
   * A call from one node to another: {@code kind} is what the classifier made of it ({@code
   * helper}, {@code crossing}, {@code rpc cast}, {@code rpc call}, {@code handed}, {@code task},
   * {@code lookup}, {@code callback}: a function handed to the call that runs there), {@code
   * line} where the caller makes it.
   */
  public record Edge(String from, String to, String kind, int line) {}

  /** The node with {@code id}. */
  public Node node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + id));
  }

  /** The edges that leave {@code id}. */
  public List<Edge> from(String id) {
    return edges.stream().filter(e -> e.from().equals(id)).toList();
  }
}
