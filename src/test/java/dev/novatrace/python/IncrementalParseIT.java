package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The releases of a project parsed oldest first through one {@link ChunkCache}, as `history`
 * does: every file's statements are those of its whole parse, positions included, and a release
 * reuses most of the units of the one before (a release edits some methods, not all).
 */
class IncrementalParseIT {

  @TestFactory
  Stream<DynamicTest> releasesParsedOneAfterAnotherReuseUnitsAndAgreeWithWholeParses()
      throws IOException {
    List<Path> trees = NovaSnapshotsIT.snapshots();
    assumeTrue(!trees.isEmpty(), "no snapshots under nova-snapshots/");
    List<List<Path>> projects = new ArrayList<>();
    for (String pkg : List.of("nova", "cinder")) {
      List<Path> releases = trees.stream().filter(t -> t.getFileName().toString().equals(pkg))
          .sorted(Comparator.comparing(IncrementalParseIT::version)).toList();
      if (!releases.isEmpty()) {
        projects.add(releases);
      }
    }
    return projects.stream().map(releases -> DynamicTest.dynamicTest(
        releases.get(0).getFileName().toString(), () -> chain(releases)));
  }

  private static void chain(List<Path> releases) throws Exception {
    ChunkCache cache = new ChunkCache();
    for (int i = 0; i < releases.size(); i++) {
      Path tree = releases.get(i);
      int parsed = cache.parsed();
      int reused = cache.reused();
      int files = 0;
      for (Path file : nonTestFiles(tree)) {
        String path = tree.getParent().relativize(file).toString();
        String text = SourceDecoder.normaliseNewlines(SourceDecoder.decode(Files.readAllBytes(file)));
        ParseResult whole = SourceParser.parseString(path, text);
        ParseResult incremental = SourceParser.parseString(path, text, cache);
        assertEquals(whole.diagnostics(), incremental.diagnostics(), path);
        if (whole.ok()) {
          assertEquals(whole.module().body(), incremental.module().body(), path);
        }
        files++;
      }
      int newParses = cache.parsed() - parsed;
      int moved = cache.reused() - reused;
      System.out.printf("%s: %d files, %d units parsed, %d reused%n", tree.getParent().getFileName(),
          files, newParses, moved);
      assertTrue(files > 500, tree + " has only " + files + " files");
      if (i > 0) {
        // Measured: 77% to 85% of the units between Nova's snapshots, which are three to four
        // releases apart, 73% and more between Cinder's.
        assertTrue(moved > 2 * newParses, tree + ": " + moved + " units reused, " + newParses + " parsed");
      }
    }
  }

  private static List<Path> nonTestFiles(Path tree) throws IOException {
    try (Stream<Path> s = Files.walk(tree)) {
      return s.filter(p -> p.toString().endsWith(".py"))
          .filter(p -> !tree.relativize(p).toString().startsWith("tests/")).sorted().toList();
    }
  }

  /** 22.0.1 before 26.2.2, by number: the folder's name without the project. */
  private static String version(Path tree) {
    String name = tree.getParent().getFileName().toString().replaceAll("^[a-z]+-", "");
    StringBuilder key = new StringBuilder();
    for (String p : name.split("\\.")) {
      key.append(String.format("%06d.", Integer.parseInt(p.replaceAll("\\D.*", ""))));
    }
    return key.toString();
  }
}
