package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.trace.Trace;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code diagrams/neutron/*.wsd} are every action of the newest Neutron snapshot
 * at standard detail, under the default (OVN) baseline. This test traces them again and fails
 * on any difference; and {@code drift} of them against that tree finds nothing (every RPC
 * message they draw is a method of its receiver, its own or inherited). Regenerate with
 * {@code java -jar target/novatrace.jar trace --nova neutron-29.0.0 --all --format wsd,svg -o
 * diagrams/neutron} (the README's main command does).
 */
class CommittedNeutronDiagramsIT {
  private static final Path DIAGRAMS = Path.of("diagrams", "neutron");

  @Test
  void committedDiagramsMatchAFreshTraceOfTheNewestCinder() throws IOException {
    Snapshot newest = SnapshotManifest.read(Path.of("nova-snapshots")).newest("neutron");
    Workspace ws = NeutronTraceIT.workspace(newest.version(), Deployment.DEFAULT);
    TreeMap<String, String> fresh = new TreeMap<>();
    for (ApiAction a : ws.actions()) {
      Trace t = ws.trace(a, Detail.STANDARD, Workspace.DEFAULT_DEPTH);
      // After the provenance line, the settings that decided its branches, as trace writes them.
      List<String> decided = ws.assumptions(a, Workspace.DEFAULT_DEPTH);
      String assumes = decided.isEmpty() ? "" : "# assumes " + String.join("; ", decided) + "\n";
      fresh.put(a.name() + ".wsd", assumes + WsdWriter.write(Workspace.diagram(t,
          Detail.STANDARD)));
    }
    TreeSet<String> committed = new TreeSet<>();
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wsd"))
          .forEach(committed::add);
    }
    assertEquals(fresh.keySet(), committed, "diagrams/neutron/ holds one .wsd per action");
    List<String> differing = new ArrayList<>();
    for (var e : fresh.entrySet()) {
      String onDisk = Files.readString(DIAGRAMS.resolve(e.getKey()), StandardCharsets.UTF_8);
      String action = e.getKey().substring(0, e.getKey().length() - ".wsd".length());
      String first = onDisk.lines().findFirst().orElse("");
      assertTrue(first.startsWith("# novatrace ") && first.endsWith(" \u00b7 Neutron "
          + newest.version() + " \u00b7 " + action + " \u00b7 detail standard"), first);
      if (!onDisk.substring(onDisk.indexOf('\n') + 1).equals(e.getValue())) {
        differing.add(e.getKey());
      }
    }
    assertTrue(differing.isEmpty(), "stale diagrams (rerun the main command): " + differing);
  }

  @Test
  void driftFindsNothingInTheCommittedDiagrams() throws IOException {
    Snapshot newest = SnapshotManifest.read(Path.of("nova-snapshots")).newest("neutron");
    NeutronTraceIT.workspace(newest.version(), Deployment.DEFAULT); // skipped when not fetched
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.novatrace.cli.Main.run(new String[] {"drift", DIAGRAMS.toString(), "--nova",
        Path.of("nova-snapshots", "neutron-" + newest.version()).toString()},
        new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertEquals(0, code, out + "\n" + err);
  }
}
