package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parse cache and the threads change nothing but time: {@code trace --all} of real releases
 * writes the same bytes and says the same lines with {@code --no-cache} one action at a time
 * ({@code -j 1}), and two at a time ({@code -j 2}, a copy of the tree for the second thread)
 * with a cold cache (every file parsed and kept) and with a warm one (every file read back),
 * each run the built jar in a process of its own, so nothing is shared in memory. A snapshot not fetched skips its case (fails when
 * NOVATRACE_REQUIRE_SNAPSHOTS=1).
 */
class ParseCacheIT {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"34.0.0, nova/compute", "22.0.1, nova/compute", "cinder-29.0.0, cinder/volume",
      "neutron-29.0.0, neutron/plugins/ml2"})
  void aTraceIsTheSameWithoutTheCacheColdAndWarmAndInTwoThreads(String snapshot, String keyFolder)
      throws IOException {
    Path root = require(snapshot, keyFolder);
    Path cache = Path.of("target", "parse-cache-it", snapshot);
    delete(cache);

    JvmRun off = trace(root, "off", "--no-cache", "-j", "1");
    JvmRun cold = trace(root, "cold", "--cache-dir", cache.toString(), "-j", "2");
    List<String> packs = Trees.files(cache);
    long kept = bytes(cache);
    JvmRun warm = trace(root, "warm", "--cache-dir", cache.toString(), "-j", "2");

    for (JvmRun r : List.of(off, cold, warm)) {
      assertEquals(0, r.code(), r::toString);
    }
    assertEquals(1, packs.size(), "one pack for the tree's load: " + packs);
    assertTrue(kept > 1 << 20, kept + " bytes kept");
    // A miss would have been parsed and written as a pack of its own.
    assertEquals(packs, Trees.files(cache), "the warm run found every file kept");
    assertEquals(off.err(), cold.err());
    assertEquals(off.err(), warm.err());
    assertSameFiles(tmp.resolve("off"), tmp.resolve("cold"));
    assertSameFiles(tmp.resolve("off"), tmp.resolve("warm"));
  }

  private JvmRun trace(Path root, String out, String... cache) {
    List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova", root.toString(),
        "--all", "-o", tmp.resolve(out).toString()));
    args.addAll(List.of(cache));
    return JvmRun.jar(List.of(), args.toArray(String[]::new));
  }

  private static Path require(String snapshot, String keyFolder) {
    Path root = Path.of("nova-snapshots", snapshot);
    if (!Files.isDirectory(root.resolve(keyFolder))) {
      String msg = "snapshot " + snapshot + " is not fetched (run nova-snapshots/fetch "
          + snapshot + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return root;
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> files = Trees.files(expected);
    assertTrue(files.size() > 10, files::toString);
    assertEquals(files, Trees.files(actual));
    for (String f : files) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected.resolve(f)),
          Files.readAllBytes(actual.resolve(f))), f + " differs in " + actual);
    }
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
