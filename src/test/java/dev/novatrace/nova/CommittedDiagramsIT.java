package dev.novatrace.nova;

import dev.novatrace.project.ApiAction;
import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.project.SourceTree;
import dev.novatrace.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.trace.Trace;
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
 * The committed {@code diagrams/*.wsd} are what the README's main command makes from the default
 * (newest) Nova release. This test traces every action again and fails on any difference, so a
 * tracer change that alters a diagram shows up in review. Regenerate with the README's main
 * command ({@code java -jar target/novatrace.jar trace --all --format wsd,svg -o diagrams}).
 */
class CommittedDiagramsIT {
  private static final Path DIAGRAMS = Path.of("diagrams");

  @Test
  void committedDiagramsMatchAFreshTraceOfTheDefaultRelease() throws IOException {
    SnapshotManifest manifest = SnapshotManifest.read(Path.of("nova-snapshots"));
    Snapshot newest = manifest.newest();
    Path root = manifest.root(newest);
    boolean present = Files.isDirectory(root.resolve("nova"));
    if (!present && "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
      fail("snapshot " + newest.version() + " is missing: run nova-snapshots/fetch");
    }
    assumeTrue(present, "snapshot " + newest.version() + " not fetched");

    Workspace ws = Workspace.load(new SourceTree(root, newest.version()), "libvirt", null);
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
    assertEquals(fresh.keySet(), committed, "diagrams/ holds one .wsd per action");
    List<String> differing = new ArrayList<>();
    for (var e : fresh.entrySet()) {
      String onDisk = Files.readString(DIAGRAMS.resolve(e.getKey()), StandardCharsets.UTF_8);
      // The provenance line names the build that wrote it; the rest must match exactly.
      String action = e.getKey().substring(0, e.getKey().length() - ".wsd".length());
      String first = onDisk.lines().findFirst().orElse("");
      assertTrue(first.startsWith("# novatrace ") && first.endsWith(" \u00b7 Nova "
          + newest.version() + " \u00b7 " + action + " \u00b7 detail standard"), first);
      if (!onDisk.substring(onDisk.indexOf('\n') + 1).equals(e.getValue())) {
        differing.add(e.getKey());
      }
    }
    assertTrue(differing.isEmpty(), "stale diagrams (rerun the main command): " + differing);
  }
}
