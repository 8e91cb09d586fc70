package dev.novatrace.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.project.ApiAction;
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

/**
 * The check every project's committed diagrams pass: the folder holds one {@code .wsd} per
 * action of the workspace's tree, each a fresh standard trace (with its {@code # assumes} line),
 * and its provenance line names the project, the release and the action.
 */
public final class CommittedDiagrams {
  private CommittedDiagrams() {}

  /** {@code title}: the project as provenance names it ({@code Nova}, {@code Neutron}). */
  public static void assertFresh(Workspace ws, Path folder, String title, String version)
      throws IOException {
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
    try (Stream<Path> files = Files.list(folder)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wsd"))
          .forEach(committed::add);
    }
    assertEquals(fresh.keySet(), committed, folder + "/ holds one .wsd per action");
    List<String> differing = new ArrayList<>();
    for (var e : fresh.entrySet()) {
      String onDisk = Files.readString(folder.resolve(e.getKey()), StandardCharsets.UTF_8);
      // The provenance line names the build that wrote it; the rest must match exactly.
      String action = e.getKey().substring(0, e.getKey().length() - ".wsd".length());
      String first = onDisk.lines().findFirst().orElse("");
      assertTrue(first.startsWith("# novatrace ") && first.endsWith(" \u00b7 " + title + " "
          + version + " \u00b7 " + action + " \u00b7 detail standard"), first);
      if (!onDisk.substring(onDisk.indexOf('\n') + 1).equals(e.getValue())) {
        differing.add(e.getKey());
      }
    }
    assertTrue(differing.isEmpty(), "stale diagrams (rerun the main command): " + differing);
  }
}
