package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeSourceTest {

  @TempDir Path tmp;
  Path snaps;
  final List<String> fetched = new ArrayList<>();

  /** Pretends to fetch: unpacks a fake tree, the way nova-snapshots/fetch does. */
  final SnapshotFetcher fakeFetch = (manifest, s) -> {
    fetched.add(s.version());
    fakeSnapshot(manifest.root(s), s.packageVersion());
  };

  @BeforeEach
  void manifest() throws IOException {
    snaps = Files.createDirectories(tmp.resolve("repo/nova-snapshots"));
    Files.writeString(snaps.resolve("manifest.tsv"),
        "release\tnova_version\tdebian_suite\tpackage_version\n"
            + "victoria\t22.0.1\tbullseye\t2:22.0.1-2+deb11u1\n"
            + "hibiscus\t34.0.0\tsid\t2:34.0.0-4\n"
            + "zed\t26.2.2\tbookworm\t2:26.2.2-1~deb12u4\n"
            + "epoxy\t9.10.0\ttrixie\t2:9.10.0-1\n");
  }

  static void fakeSnapshot(Path root, String pkgVersion) {
    try {
      fakeNova(root);
      Files.writeString(root.resolve(".complete"), "version\t" + pkgVersion + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fakeNova(Path root) throws IOException {
    Path compute = Files.createDirectories(root.resolve("nova/compute"));
    Files.writeString(root.resolve("nova/__init__.py"), "");
    Files.writeString(compute.resolve("api.py"), "class API:\n    pass\n");
    return root;
  }

  TreeSource source(SnapshotFetcher fetcher) {
    return new TreeSource(tmp, Optional.of(snaps), fetcher);
  }

  @Test
  void pathToFolderHoldingNova() throws IOException {
    Path root = fakeNova(tmp.resolve("checkout"));
    SourceTree t = source(SnapshotFetcher.NONE).resolve(root.toString());
    assertEquals(root, root(t));
    assertEquals(root.toString(), t.label());
    assertTrue(Files.isDirectory(root(t).resolve("nova").resolve("compute")));
  }

  @Test
  void relativePathToNovaItselfIsLenientAboutInitPy() throws IOException {
    Path root = fakeNova(tmp.resolve("src"));
    Files.delete(root.resolve("nova/__init__.py"));
    SourceTree t = source(SnapshotFetcher.NONE).resolve("src/nova");
    assertEquals(root, root(t));
    assertEquals("src/nova", t.label());
  }

  @Test
  void folderThatIsNotNova() throws IOException {
    Files.createDirectories(tmp.resolve("other/nova"));
    UserError e = assertThrows(UserError.class, () -> source(SnapshotFetcher.NONE).resolve("other"));
    assertTrue(e.getMessage().startsWith("not a Nova tree: other"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void fileAndMissingPath() throws IOException {
    Files.writeString(tmp.resolve("file.txt"), "x");
    assertEquals("not a folder: file.txt",
        assertThrows(UserError.class, () -> source(SnapshotFetcher.NONE).resolve("file.txt")).getMessage());
    assertEquals("no such folder: ./gone",
        assertThrows(UserError.class, () -> source(SnapshotFetcher.NONE).resolve("./gone")).getMessage());
  }

  @Test
  void versionAndReleaseNameOfAFetchedSnapshot() {
    fakeSnapshot(snaps.resolve("26.2.2"), "2:26.2.2-1~deb12u4");
    TreeSource src = source(fakeFetch);
    assertEquals(new SourceTree(snaps.resolve("26.2.2"), "26.2.2", "26.2.2"), src.resolve("26.2.2"));
    assertEquals(new SourceTree(snaps.resolve("26.2.2"), "26.2.2", "26.2.2"), src.resolve("ZeD"));
    assertEquals(List.of(), fetched);
  }

  @Test
  void missingSnapshotIsFetchedOnce() {
    TreeSource src = source(fakeFetch);
    assertEquals(snaps.resolve("22.0.1"), root(src.resolve("victoria")));
    assertEquals(snaps.resolve("22.0.1"), root(src.resolve("22.0.1")));
    assertEquals(List.of("22.0.1"), fetched);
  }

  @Test
  void incompleteSnapshotWithoutMarkerIsFetchedAgain() throws IOException {
    fakeNova(snaps.resolve("22.0.1"));
    source(fakeFetch).resolve("22.0.1");
    assertEquals(List.of("22.0.1"), fetched);
  }

  @Test
  void defaultIsNewestVersionNumerically() {
    SourceTree t = source(fakeFetch).resolve(null);
    assertEquals("34.0.0", t.label());
    assertEquals(snaps.resolve("34.0.0"), root(t));
    assertEquals(List.of("34.0.0"), fetched);
  }

  @Test
  void unknownNameListsKnownSnapshots() {
    UserError e = assertThrows(UserError.class, () -> source(fakeFetch).resolve("wallaby"));
    assertEquals("unknown Nova snapshot or folder 'wallaby'; known snapshots: 22.0.1 (victoria),"
        + " 34.0.0 (hibiscus), 26.2.2 (zed), 9.10.0 (epoxy)", e.getMessage());
  }

  @Test
  void failedFetchIsOneLine() {
    SnapshotFetcher failing = (m, s) -> {
      throw new UserError("fetching Nova snapshot " + s + " failed (exit 1): mirror unreachable");
    };
    UserError e = assertThrows(UserError.class, () -> source(failing).resolve("zed"));
    assertEquals("fetching Nova snapshot 26.2.2 (zed) failed (exit 1): mirror unreachable", e.getMessage());
  }

  @Test
  void fetchThatLeavesNothingIsAnError() {
    UserError e = assertThrows(UserError.class, () -> source((m, s) -> { }).resolve("zed"));
    assertTrue(e.getMessage().startsWith("Nova snapshot 26.2.2 (zed) is still missing after fetching it"));
  }

  @Test
  void noManifestAnywhere() {
    TreeSource src = new TreeSource(tmp, Optional.empty(), fakeFetch);
    UserError e = assertThrows(UserError.class, () -> src.resolve("zed"));
    assertTrue(e.getMessage().startsWith("'zed' is not a folder and no nova-snapshots/manifest.tsv was found"),
        e.getMessage());
    assertTrue(assertThrows(UserError.class, () -> src.resolve(null)).getMessage().startsWith("no --nova given"));
  }

  @Test
  void badManifestLine() throws IOException {
    Files.writeString(snaps.resolve("manifest.tsv"), "release\tnova_version\tdebian_suite\tpackage_version\nzed\t26.2.2\n");
    UserError e = assertThrows(UserError.class, () -> source(fakeFetch).resolve("zed"));
    assertTrue(e.getMessage().endsWith("manifest.tsv:2: expected 4 tab-separated fields, found 2"), e.getMessage());
  }

  @Test
  void snapshotsFolderFoundUpwardFromCwd() throws IOException {
    Path deep = Files.createDirectories(tmp.resolve("repo/src/main/java"));
    assertEquals(Optional.of(snaps), TreeSource.findSnapshotsDir(Map.of(), deep, Optional.empty()));
  }

  @Test
  void snapshotsFolderBesideTheJarsFolder() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path target = Files.createDirectories(tmp.resolve("repo/target"));
    assertEquals(Optional.of(snaps), TreeSource.findSnapshotsDir(Map.of(), elsewhere, Optional.of(target)));
    assertEquals(Optional.empty(), TreeSource.findSnapshotsDir(Map.of(), elsewhere, Optional.of(elsewhere)));
  }

  @Test
  void envOverridesTheSearch() throws IOException {
    Path other = Files.createDirectories(tmp.resolve("other-snaps"));
    Files.copy(snaps.resolve("manifest.tsv"), other.resolve("manifest.tsv"));
    Path deep = Files.createDirectories(tmp.resolve("repo/src"));
    assertEquals(Optional.of(other),
        TreeSource.findSnapshotsDir(Map.of(TreeSource.ENV, "other-snaps"), tmp, Optional.empty()));
    assertEquals(Optional.of(other),
        TreeSource.findSnapshotsDir(Map.of(TreeSource.ENV, other.toString()), deep, Optional.empty()));
    UserError e = assertThrows(UserError.class,
        () -> TreeSource.findSnapshotsDir(Map.of(TreeSource.ENV, "nowhere"), tmp, Optional.empty()));
    assertEquals("NOVATRACE_SNAPSHOTS=nowhere has no manifest.tsv", e.getMessage());
  }

  @Test
  void scriptFetcherRunsTheFetchScriptAndRelaysItsOutput() throws IOException {
    // A stand-in for nova-snapshots/fetch: no network, same contract (argument, marker, output).
    Files.writeString(snaps.resolve("fetch"),
        "set -e\nmkdir -p \"$1/nova/compute\"\necho \"version\t$1\" > \"$1/.complete\"\n"
            + "echo \"nova-snapshots/$1: fetched\"\necho progress >&2\n");
    StringWriter out = new StringWriter();
    SourceTree t = source(SnapshotFetcher.script(new PrintWriter(out), debianTools())).resolve("epoxy");
    assertEquals(snaps.resolve("9.10.0"), root(t));
    assertTrue(out.toString().contains("nova-snapshots/9.10.0: fetched"), out.toString());
    assertTrue(out.toString().contains("progress"));
  }

  /** A PATH holding stand-ins for apt-get and dpkg-deb, so the stand-in fetch script runs. */
  private String debianTools() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : SnapshotFetcher.TOOLS) {
      Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 1\n");
      assertTrue(bin.resolve(tool).toFile().setExecutable(true));
    }
    return bin.toString();
  }

  @Test
  void scriptFetcherFailureSaysTheScriptsLastLineOnceAndWhatToDo() throws IOException {
    Files.writeString(snaps.resolve("fetch"),
        "echo 'looking for a mirror'\necho 'nova-snapshots/fetch: no Debian mirror found' >&2\nexit 1\n");
    StringWriter out = new StringWriter();
    UserError e = assertThrows(UserError.class,
        () -> source(SnapshotFetcher.script(new PrintWriter(out), debianTools())).resolve("zed"));
    assertEquals("fetching Nova snapshot 26.2.2 (zed) failed (exit 1): nova-snapshots/fetch: no"
        + " Debian mirror found; " + SnapshotFetcher.INSTEAD, e.getMessage());
    assertEquals("looking for a mirror\n", out.toString());
  }

  @Test
  void withoutAptTheScriptIsNotRunAndTheErrorSaysWhatToDo() throws IOException {
    Files.writeString(snaps.resolve("fetch"), "touch ran\nexit 1\n");
    StringWriter out = new StringWriter();
    UserError e = assertThrows(UserError.class, () -> source(SnapshotFetcher.script(
        new PrintWriter(out), tmp.resolve("empty-bin").toString())).resolve(null));
    assertEquals("Nova snapshot 34.0.0 (hibiscus) is not fetched, and fetching it needs Debian's"
        + " apt-get, which is not installed; give a Nova tree: --nova /path/to/nova, or"
        + " --nova REPO@REF for a git clone", e.getMessage());
    assertEquals("", out.toString());
    assertFalse(Files.exists(snaps.resolve("ran")));
  }

  @Test
  void versionsCompareNumerically() {
    assertTrue(Snapshot.compareVersions("9.10.0", "22.0.1") < 0);
    assertTrue(Snapshot.compareVersions("26.2.2", "26.10.0") < 0);
    assertTrue(Snapshot.compareVersions("34.0.0", "34.0.0") == 0);
    assertTrue(Snapshot.compareVersions("34.0.0", "34.0.0.0rc1") < 0);
  }

  /** The folder a tree resolved from a path or snapshot reads. */
  static Path root(SourceTree t) {
    return ((dev.novatrace.files.FolderSources) t.sources()).root();
  }
}
