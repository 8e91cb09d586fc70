package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.testing.CommittedDiagrams;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
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
    CommittedDiagrams.assertFresh(ws, DIAGRAMS, "Neutron", newest.version());
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
