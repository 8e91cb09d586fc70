package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.FunctionInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Several entries' call graphs read with one set of what was read (a server's start-up, each
 * plugin's constructor): a function another entry's graph read is not read again, nor what it
 * reaches, on fixture {@code horizon}.
 */
class CallGraphSeenTest {
  private final Resolver resolver = FixtureTrees.resolver("horizon", "deep");
  private final CallGraphBuilder graphs = new CallGraphBuilder(resolver,
      FixtureProfile.of("deep/db/", List.of()));

  private FunctionInfo fn(String name) {
    return resolver.index().module("deep.api").orElseThrow().functions().get(name);
  }

  private static List<String> functions(CallGraph g) {
    return g.nodes().stream().map(n -> n.origin().function()).toList();
  }

  @Test
  void aGraphLeavesOutWhatAnEarlierOneRead() {
    Set<String> seen = new HashSet<>();
    assertEquals(List.of("middle", "save", "write"), functions(graphs.of(fn("middle"), "server",
        seen)));
    assertEquals(List.of("entry", "outer"), functions(graphs.of(fn("entry"), "server", seen)));
    assertEquals(List.of(), functions(graphs.of(fn("save"), "server", seen)));
  }

  @Test
  void aGraphOnItsOwnReadsAll() {
    assertEquals(List.of("entry", "save", "outer", "write", "middle"),
        functions(graphs.of(fn("entry"), "server")));
  }
}
