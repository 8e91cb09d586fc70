package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installed copy, run away from any checkout, keeps its snapshots in the user's cache. */
class SnapshotCacheTest {

  @TempDir Path tmp;

  @Test
  void theCacheFolderFollowsXdgElseHome() {
    assertEquals(Path.of("/c/novatrace/nova-snapshots"),
        SnapshotCache.folder(Map.of("XDG_CACHE_HOME", "/c"), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/novatrace/nova-snapshots"),
        SnapshotCache.folder(Map.of(), "/home/u"));
    // Empty or relative: ignored, as the XDG spec says.
    assertEquals(Path.of("/home/u/.cache/novatrace/nova-snapshots"),
        SnapshotCache.folder(Map.of("XDG_CACHE_HOME", ""), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/novatrace/nova-snapshots"),
        SnapshotCache.folder(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"));
  }

  @Test
  void preparingWritesTheJarsManifestAndScriptsAndKeepsTheSnapshots() throws IOException {
    Path dir = tmp.resolve("cache/novatrace/nova-snapshots");
    Path fetched = Files.createDirectories(dir.resolve("34.0.0/nova"));
    assertEquals(dir, SnapshotCache.prepare(dir));
    for (String name : SnapshotCache.FILES) {
      assertArrayEquals(Files.readAllBytes(Path.of("nova-snapshots", name)),
          Files.readAllBytes(dir.resolve(name)), name);
    }
    // An older novatrace's manifest is replaced; what was fetched stays.
    Files.writeString(dir.resolve("manifest.tsv"), "release\tversion\n");
    SnapshotCache.prepare(dir);
    assertArrayEquals(Files.readAllBytes(Path.of("nova-snapshots/manifest.tsv")),
        Files.readAllBytes(dir.resolve("manifest.tsv")));
    assertTrue(Files.isDirectory(fetched));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void aFolderThatCannotBeWrittenIsOneLine() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    UserError e = assertThrows(UserError.class, () -> SnapshotCache.prepare(file.resolve("sub")));
    assertTrue(e.getMessage().startsWith("cannot write the snapshot cache " + file.resolve("sub")),
        e.getMessage());
  }

  @Test
  void withoutACheckoutTheCacheServesSnapshotsAndIsOnlyMadeWhenOneIsAsked() throws IOException {
    Path cache = tmp.resolve("cache");
    List<String> prepared = new ArrayList<>();
    List<String> fetched = new ArrayList<>();
    TreeSource source = new TreeSource(tmp, Optional.empty(), () -> {
      prepared.add("x");
      return SnapshotCache.prepare(cache);
    }, (manifest, s) -> {
      fetched.add(s.name());
      TreeSourceTest.fakeSnapshot(manifest.root(s), s.packageVersion());
    });
    Path tree = TreeSourceTest.fakeNova(tmp.resolve("checkout"));
    source.resolve(tree.toString());
    assertEquals(List.of(), prepared, "a tree given by path needs no cache");
    SourceTree t = source.resolve("34.0.0");
    assertEquals(List.of("34.0.0"), fetched);
    assertEquals("34.0.0", t.label());
    assertTrue(Files.isRegularFile(cache.resolve("34.0.0/.complete")));
    assertTrue(Files.isRegularFile(cache.resolve("manifest.tsv")));
  }
}
