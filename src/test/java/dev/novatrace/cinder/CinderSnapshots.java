package dev.novatrace.cinder;

import dev.novatrace.project.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The Cinder snapshots the tests read: skipped when absent, failed in CI. */
final class CinderSnapshots {
  private CinderSnapshots() {}

  /** The tree of {@code nova-snapshots/cinder-VERSION}, or the test is skipped (failed in CI). */
  static SourceTree require(String version) {
    Path root = Path.of("nova-snapshots", "cinder-" + version);
    if (!Files.isDirectory(root.resolve("cinder/volume"))) {
      String msg = "Cinder snapshot " + version + " is not fetched (run nova-snapshots/fetch"
          + " cinder-" + version + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return new SourceTree(root, "cinder-" + version, version, "cinder");
  }
}
