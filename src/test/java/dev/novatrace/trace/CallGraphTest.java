package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.project.ApiAction;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.Goldens;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call graph stage on its own: a dump per action of the fixture tree, kept as goldens in
 * src/test/resources/golden/callgraph (rewritten with the golden update switch, see
 * {@code TraceGoldenTest}), and the facts each fixture is there for.
 */
class CallGraphTest {
  private static final Path GOLDEN = Fixtures.GOLDEN.resolve("callgraph");

  static Stream<String> actions() {
    return MiniNova.workspace().actions().stream().map(ApiAction::name);
  }

  @ParameterizedTest
  @MethodSource("actions")
  void matchesGolden(String action) throws IOException {
    Workspace ws = MiniNova.workspace();
    Goldens.check(GOLDEN.resolve(action + ".txt"),
        CallGraphText.of(ws.callGraph(ws.action(action))));
  }

  @Test
  void everyGoldenIsAnAction() throws IOException {
    Set<String> actions = actions().map(a -> a + ".txt").collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(GOLDEN)) {
      files.forEach(f -> assertTrue(actions.contains(f.getFileName().toString()),
          "stale golden " + f));
    }
  }

  @Test
  void anRpcCastLeadsToTheManagerMethodOnTheHostItGoesTo() {
    CallGraph g = graph("pause");
    List<CallGraph.Edge> casts = g.edges().stream().filter(e -> e.kind().equals("rpc cast"))
        .toList();
    // One per branch of the client's version check, both to the same method.
    assertEquals(2, casts.size(), casts.toString());
    assertEquals(casts.get(0).to(), casts.get(1).to());
    CallGraph.Edge cast = casts.get(0);
    assertTrue(cast.from().startsWith("nova_api nova/compute/rpcapi.py"), cast.from());
    assertEquals("nova_compute_src nova/compute/manager.py:50 pause_instance()", cast.to());
    // From the manager, the driver is another participant: a crossing, followed there.
    assertTrue(g.from(cast.to()).stream().anyMatch(e -> e.kind().equals("crossing")
        && e.to().startsWith("libvirt nova/virt/libvirt/driver.py")));
  }

  @Test
  void aTaskRunOnSeveralClassesIsOneNodePerClass() {
    CallGraph g = graph("migrate");
    List<String> executes = g.nodes().stream()
        .filter(n -> n.id().contains("tasks/base.py:9 execute()"))
        .map(CallGraph.Node::receiverClass).sorted().toList();
    // The last one is handed to a helper that runs it (_execute_task(PrepResizeAtDestTask(...))):
    // the argument's type follows it into the helper.
    assertEquals(List.of("nova.conductor.tasks.cross_cell_migrate.CrossCellMigrationTask",
        "nova.conductor.tasks.cross_cell_migrate.PrepResizeAtDestTask",
        "nova.conductor.tasks.cross_cell_migrate.TargetDBSetupTask",
        "nova.conductor.tasks.migrate.MigrationTask"), executes);
  }

  @Test
  void regionsAreTheCodesBranchesGuardsLoopsAndHandlers() {
    String migrate = CallGraphText.of(graph("migrate"));
    assertTrue(migrate.contains("  try (10)\n    11 self._execute: helper"), migrate);
    assertTrue(migrate.contains("  handler Exception (12)\n    13 self.rollback: helper"));
    assertTrue(migrate.contains("  if self.host_list is None (20)\n"));
    // if claimed: ...; return makes the rest of the function a region of its own.
    assertTrue(migrate.contains("  rest (31)\n    if claimed_uuids (31)\n"
        + "      loop for uuid in claimed_uuids (32)\n"), migrate);
  }

  @Test
  void everyEdgeJoinsTwoNodesAndTheEntryIsTheFirst() {
    for (String action : actions().toList()) {
      CallGraph g = graph(action);
      Set<String> ids = g.nodes().stream().map(CallGraph.Node::id).collect(Collectors.toSet());
      assertEquals(g.entry(), g.nodes().get(0).id());
      assertEquals(ids.size(), g.nodes().size(), action + ": a node twice");
      g.edges().forEach(e -> assertTrue(ids.contains(e.from()) && ids.contains(e.to()),
          action + ": " + e));
    }
  }

  private static CallGraph graph(String action) {
    Workspace ws = MiniNova.workspace();
    return ws.callGraph(ws.action(action));
  }
}
