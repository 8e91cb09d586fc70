package dev.novatrace.nova;

import dev.novatrace.project.Projects;
import dev.novatrace.project.Snapshot;
import dev.novatrace.project.SnapshotFetcher;
import dev.novatrace.project.SnapshotManifest;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.TreeSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real snapshots of nova-snapshots/: each resolves by version and by release name to a tree
 * of real Nova. Missing snapshots skip the test, unless NOVATRACE_REQUIRE_SNAPSHOTS=1 (CI), where
 * they fail it. Never fetches: .ci/run does that beforehand.
 */
class NovaSnapshotsIT {

  static boolean required() {
    return "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"));
  }

  @TestFactory
  Stream<DynamicTest> everySnapshotResolves() {
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Path> dir = TreeSource.findSnapshotsDir(System.getenv(), cwd, Optional.empty());
    assertTrue(dir.isPresent(), "no nova-snapshots/manifest.tsv above " + cwd);
    SnapshotManifest manifest = SnapshotManifest.read(dir.get());
    TreeSource source = new TreeSource(cwd, dir, SnapshotFetcher.NONE);
    return manifest.snapshots().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
      if (!manifest.isComplete(s)) {
        String msg = "snapshot " + s + " is not fetched (run nova-snapshots/fetch " + s.name() + ")";
        if (required()) {
          throw new AssertionError(msg);
        }
        Assumptions.abort(msg);
      }
      String marker0 = Files.readString(manifest.root(s).resolve(SnapshotManifest.COMPLETE));
      for (Snapshot.Companion c : s.companions()) {
        assertTrue(marker0.contains("companion\tpython3-" + c.pythonPackage().replace('_', '-')
            + "\t"), marker0);
      }
      if (!Projects.NAMES.contains(s.project())) {
        return; // fetched ahead of its project: no tree of it resolves yet
      }
      // A bare version or release name is Nova's; another project's carries its name.
      boolean nova = s.project().equals(Projects.DEFAULT);
      SourceTree byVersion = source.resolve(s.name());
      assertEquals(byVersion, source.resolve(nova ? s.release().toUpperCase()
          : s.project() + "-" + s.release().toUpperCase()));
      assertEquals(byVersion, source.resolve(s.version(), s.project()));
      assertEquals(s.name(), byVersion.label());
      assertEquals(s.project(), byVersion.project());
      Path pkg = root(byVersion).resolve(s.project());
      List<String> files = switch (s.project()) {
        case "nova" -> List.of("__init__.py", "compute/api.py", "compute/manager.py",
            "compute/rpcapi.py");
        case "cinder" -> List.of("__init__.py", "volume/api.py", "volume/manager.py",
            "volume/rpcapi.py");
        case "neutron" -> List.of("__init__.py", "plugins/ml2/plugin.py",
            "plugins/ml2/managers.py", "api/v2/base.py", "../neutron_lib/__init__.py");
        default -> throw new AssertionError("no key files known for " + s.project());
      };
      for (String f : files) {
        assertTrue(Files.isRegularFile(pkg.resolve(f)), pkg.resolve(f) + " missing");
      }
      String marker = Files.readString(root(byVersion).resolve(SnapshotManifest.COMPLETE));
      assertTrue(marker.contains(":" + s.version() + "-"), marker);
      long pyFiles;
      try (Stream<Path> files2 = Files.walk(pkg)) {
        pyFiles = files2.filter(p -> p.toString().endsWith(".py")).count();
      }
      assertTrue(pyFiles > 1000, s + " has only " + pyFiles + " .py files");
    }));
  }

  /** The folder a tree resolved from a path or snapshot reads. */
  static Path root(SourceTree t) {
    return ((dev.novatrace.files.FolderSources) t.sources()).root();
  }
}
