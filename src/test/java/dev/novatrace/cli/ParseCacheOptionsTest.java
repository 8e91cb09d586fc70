package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cache-dir} and {@code --no-cache}: where parses are kept, and that output is the same. */
class ParseCacheOptionsTest {

  @TempDir Path tmp;

  /**
   * A copy of the mini tree no other test has loaded: each file ends in a comment naming this
   * test's folder, so its content ids are new and the process's memory cache cannot answer for
   * the store (in-process runs share it).
   */
  private String freshTree() throws IOException {
    Path tree = Trees.copy(MiniNova.ROOT, tmp.resolve("tree"));
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path py : s.filter(p -> p.toString().endsWith(".py")).toList()) {
        Files.writeString(py, Files.readString(py) + "\n# " + tmp + "\n");
      }
    }
    return tree.toString();
  }

  private static long entries(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aTraceKeepsItsParsesInTheCacheDirAndNoneWithNoCache() throws IOException {
    String tree = freshTree();
    Path cache = tmp.resolve("cache");
    CliRun cold = CliRun.run("trace", "--nova", tree, "--all", "--cache-dir", cache.toString(),
        "-o", tmp.resolve("cold").toString());
    CliRun off = CliRun.run("trace", "--nova", tree, "--all", "--no-cache", "--cache-dir",
        tmp.resolve("unused").toString(), "-o", tmp.resolve("off").toString());

    assertEquals(0, cold.code(), cold::toString);
    assertEquals(0, off.code(), off::toString);
    assertTrue(entries(cache) > 0, "nothing kept");
    assertFalse(Files.exists(tmp.resolve("unused")), "--no-cache keeps nothing");
    assertSameFiles(tmp.resolve("cold"), tmp.resolve("off"));
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    assertEquals(Trees.files(expected), Trees.files(actual));
    for (String f : Trees.files(expected)) {
      assertEquals(Files.readString(expected.resolve(f)), Files.readString(actual.resolve(f)), f);
    }
  }

  @Test
  void parseKeepsItsVerdictsParsesToo() throws IOException {
    Path cache = tmp.resolve("cache");
    String mini = MiniNova.ROOT.toString(); // parse holds nothing in memory: no fresh copy needed
    CliRun first = CliRun.run("parse", "--cache-dir", cache.toString(), mini);
    long kept = entries(cache);
    CliRun second = CliRun.run("parse", "--cache-dir", cache.toString(), mini);

    // The mini tree has one file that does not parse, on purpose: the same verdict both times.
    assertEquals(1, first.code(), first::toString);
    assertEquals(first.code(), second.code(), second::toString);
    assertTrue(kept > 0, "nothing kept");
    assertEquals(kept, entries(cache));
    // The report's last line says how long it took; the rest is the same.
    assertEquals(withoutTime(first.out()), withoutTime(second.out()));
  }

  private static List<String> withoutTime(String out) {
    return out.lines().filter(l -> !l.matches(".*\\d+(\\.\\d+)? ?s\\b.*")).toList();
  }

  @Test
  void aCacheDirThatCannotBeMadeIsOneWarningAndTheTraceGoesOn() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "in the way");
    CliRun run = CliRun.run("trace", "--nova", freshTree(), "--action", "pause", "--cache-dir",
        file.resolve("cache").toString(), "-o", tmp.resolve("out").toString());

    assertEquals(0, run.code(), run::toString);
    List<String> warnings = run.errLines().stream()
        .filter(l -> l.contains("cannot write the parse cache")).toList();
    assertEquals(1, warnings.size(), run::toString);
    assertFalse(Trees.files(tmp.resolve("out")).isEmpty());
  }

  @Test
  void twoRunsAtOnceShareOneCacheFolderAndAThirdReadsIt() throws IOException {
    String mini = MiniNova.ROOT.toString(); // processes of their own: nothing shared in memory
    Path cache = tmp.resolve("cache");
    JvmRun.Started a = start(mini, cache, tmp.resolve("a"));
    JvmRun.Started b = start(mini, cache, tmp.resolve("b"));
    JvmRun ra = a.finish(300);
    JvmRun rb = b.finish(300);
    long kept = entries(cache);
    JvmRun warm = start(mini, cache, tmp.resolve("c")).finish(300);

    assertEquals(0, ra.code(), ra::toString);
    assertEquals(0, rb.code(), rb::toString);
    assertEquals(0, warm.code(), warm::toString);
    // The same stderr each (the mini tree's broken file), no word of the cache.
    assertEquals(ra.err(), rb.err());
    assertEquals(ra.err(), warm.err());
    assertFalse(ra.err().contains("cache"), ra::toString);
    assertTrue(kept > 0, "nothing kept");
    assertEquals(kept, entries(cache), "the warm run had every file");
    assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    assertSameFiles(tmp.resolve("a"), tmp.resolve("c"));
    try (Stream<Path> s = Files.walk(cache)) {
      assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")).toList());
    }
  }

  private static JvmRun.Started start(String tree, Path cache, Path out) throws IOException {
    return JvmRun.start(JvmRun.Launch.CLASSES, List.of(), Path.of(""), "trace", "--nova", tree,
        "--all", "--cache-dir", cache.toString(), "-o", out.toString());
  }
}
