package dev.novatrace.cinder;


import dev.novatrace.project.SourceTree;
import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.testing.CommittedDiagrams;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code diagrams/cinder/*.wsd} are every action of the newest Cinder snapshot at
 * standard detail. This test traces them again and fails on any difference. Regenerate with
 * {@code java -jar target/novatrace.jar trace --nova cinder-29.0.0 --all --format wsd,svg -o
 * diagrams/cinder} (the README's main command does).
 */
class CommittedCinderDiagramsIT {
  private static final Path DIAGRAMS = Path.of("diagrams", "cinder");

  @Test
  void committedDiagramsMatchAFreshTraceOfTheNewestCinder() throws IOException {
    Snapshot newest = SnapshotManifest.read(Path.of("nova-snapshots")).newest("cinder");
    SourceTree tree = CinderSnapshots.require(newest.version());
    Workspace ws = Workspace.load(tree, null, null);
    CommittedDiagrams.assertFresh(ws, DIAGRAMS, "Cinder", newest.version());
  }
}
