package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Nova release fetched under {@code nova-snapshots/<version>/nova} must parse completely.
 * The snapshots are git-ignored; without them this skips, unless
 * {@code NOVATRACE_REQUIRE_SNAPSHOTS=1} says they must be there (CI).
 */
class NovaSnapshotsIT {

  static Path baseDir() {
    return Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  static List<Path> snapshots() throws IOException {
    Path root = baseDir().resolve("nova-snapshots");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(root)) {
      // Nova's snapshots and the other projects' (cinder-29.0.0/cinder): all are parsed.
      return versions.flatMap(v -> Stream.of(v.resolve("nova"), v.resolve("cinder")))
          .filter(Files::isDirectory).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySnapshotParses() throws IOException {
    List<Path> trees = snapshots();
    if (trees.isEmpty()) {
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        fail("NOVATRACE_REQUIRE_SNAPSHOTS=1 but no nova-snapshots/*/nova under " + baseDir());
      }
      assumeTrue(false, "no Nova snapshots under " + baseDir().resolve("nova-snapshots"));
    }
    return trees.stream().map(tree -> DynamicTest.dynamicTest(tree.getParent().getFileName().toString(), () -> {
      List<ParseResult> results = SourceParser.parseTree(List.of(tree), SourceParser.defaultThreads(), null);
      assertTrue(results.size() > 100, "only " + results.size() + " files in " + tree);
      List<String> failed = results.stream().filter(r -> !r.ok()).map(r -> r.diagnostics().get(0).toString()).toList();
      assertEquals(List.of(), failed);
    }));
  }
}
