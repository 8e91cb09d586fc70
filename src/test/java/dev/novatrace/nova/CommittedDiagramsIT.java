package dev.novatrace.nova;

import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.CommittedDiagrams;
import dev.novatrace.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    CommittedDiagrams.assertFresh(ws, DIAGRAMS, "Nova", newest.version());
  }
}
