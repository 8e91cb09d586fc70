package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.files.SourceFile;
import dev.novatrace.files.git.GitSources;
import dev.novatrace.python.ParseCache;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.MiniNovaRepo;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code REPO@REF} on a small synthetic repository: resolution, reading, errors, the cache. */
class GitSourceTest {
  @TempDir static Path tmp;
  static Path repo;

  @BeforeAll
  static void build() throws IOException {
    repo = MiniNovaRepo.build(tmp.resolve("mini.git"));
  }

  static SourceTree resolve(String src) {
    return new TreeSource(tmp, Optional.empty(), SnapshotFetcher.NONE).resolve(src);
  }

  @Test
  void tagsBranchesCommitsAndExpressions() {
    SourceTree tag = resolve("mini.git@alpha-eol");
    assertTrue(tag.sources() instanceof GitSources);
    assertEquals("mini.git@alpha-eol", tag.label());
    assertEquals("alpha-eol", tag.version());
    assertEquals(tag.sources(), resolve("mini.git@master~2").sources());
    assertEquals(resolve("mini.git@2.0.0").sources(), resolve(repo + "@HEAD~1").sources());
    assertEquals(resolve("mini.git@master").sources(), resolve("mini.git@HEAD").sources());
  }

  @Test
  void theFilesOfARefAreTheFilesOfTheFolder() throws IOException {
    var fromGit = resolve("mini.git@alpha-eol").sources().list("nova", n -> n.endsWith(".py"));
    var fromFolder = new SourceTree(MiniNova.ROOT, "mini").sources()
        .list("nova", n -> n.endsWith(".py"));
    assertEquals(paths(fromFolder.files()), paths(fromGit.files()));
    for (int i = 0; i < fromGit.files().size(); i++) {
      SourceFile g = fromGit.files().get(i);
      SourceFile f = fromFolder.files().get(i);
      assertEquals(f.read().id(), g.read().id(), g.path());
      assertEquals(f.size(), g.size(), g.path());
    }
  }

  private static java.util.List<String> paths(java.util.List<SourceFile> files) {
    return files.stream().map(SourceFile::path).toList();
  }

  @Test
  void aRefTracesLikeItsFolder() {
    Workspace git = Workspace.load(resolve("mini.git@alpha-eol"), "libvirt", null);
    for (String action : new String[] {"pause", "boot", "live-migrate"}) {
      assertEquals(MiniNova.wsd(MiniNova.workspace(), action), MiniNova.wsd(git, action), action);
    }
  }

  @Test
  void aFileSharedByTwoRefsIsParsedOnce() throws IOException {
    ParseCache cache = new ParseCache();
    Workspace.load(resolve("mini.git@alpha-eol"), "libvirt", null, 1 << 20, cache);
    int first = cache.parses();
    Workspace.load(resolve("mini.git@2.0.0"), "libvirt", null, 1 << 20, cache);
    // 2.0.0 changed four files and renamed one: only those five are parsed again.
    assertEquals(5, cache.parses() - first);
    Workspace.load(resolve("mini.git@alpha-eol"), "libvirt", null, 1 << 20, cache);
    assertEquals(first + 5, cache.parses());
  }

  @Test
  void aGitFileTellsItsIdUnreadAndTheCacheAnswersForItWithoutParsing() throws IOException {
    ParseCache cache = new ParseCache();
    SourceTree tree = resolve("mini.git@2.0.0");
    Workspace.load(tree, "libvirt", null, 1 << 20, cache);
    int parsed = cache.parses();
    int held = 0;
    for (SourceFile f : tree.sources().list("nova", n -> n.endsWith(".py")).files()) {
      assertEquals(Optional.of(f.read().id()), f.knownId(), f.path());
      if (!f.path().startsWith("nova/tests/")) {
        assertTrue(cache.held(f.path(), f.knownId().orElseThrow()).isPresent(), f.path());
        held++;
      }
    }
    assertTrue(held > 0);
    assertTrue(cache.held("nova/none.py", "0".repeat(40)).isEmpty());
    assertEquals(parsed, cache.parses());
  }

  @Test
  void errorsAreOneLine() throws IOException {
    Files.createDirectories(tmp.resolve("plain/nova/compute"));
    assertEquals("not a git repository: plain",
        assertThrows(UserError.class, () -> resolve("plain@HEAD")).getMessage());
    assertEquals("no such folder or git repository: gone (in gone@HEAD)",
        assertThrows(UserError.class, () -> resolve("gone@HEAD")).getMessage());
    assertEquals("unknown git ref 'nope' in mini.git (expected a tag, branch, commit or an"
        + " expression such as HEAD~2)",
        assertThrows(UserError.class, () -> resolve("mini.git@nope")).getMessage());
    assertEquals("mini.git@pre-nova has no nova/ package (expected nova/compute/ in the tree of"
        + " that commit)",
        assertThrows(UserError.class, () -> resolve("mini.git@pre-nova")).getMessage());
    assertTrue(assertThrows(UserError.class, () -> resolve("mini.git")).getMessage()
        .contains("bare git repository"));
  }
}
