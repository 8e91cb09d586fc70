package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diff.Snapshots;
import dev.novatrace.files.SourceFile;
import dev.novatrace.files.git.GitRepo;
import dev.novatrace.python.ParseCache;
import dev.novatrace.testing.NovaHistoryRepo;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nova read straight from git objects, on a repository made from the four snapshots (one commit
 * each, tagged victoria-eom, zed-eom, 2025.1-eom and 34.0.0): the diagrams of a tag are the
 * diagrams of the snapshot folder, byte for byte, and a file two tags share is parsed once.
 */
class GitSourceIT {
  static Path repo;

  @BeforeAll
  static void build() throws IOException {
    Snapshots.require("22.0.1", "31.0.0", "34.0.0");
    long start = System.nanoTime();
    repo = NovaHistoryRepo.get();
    System.out.printf("nova-history.git ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  @Test
  void aTagTracesExactlyLikeTheSnapshotFolder(@TempDir Path tmp) throws IOException {
    Path fromGit = tmp.resolve("git");
    Path fromFolder = tmp.resolve("folder");
    assertEquals(0, run("trace", "--nova", repo + "@34.0.0", "--all", "-o", fromGit.toString()));
    assertEquals(0, run("trace", "--nova", "34.0.0", "--all", "-o", fromFolder.toString()));
    Map<String, String> git = read(fromGit);
    assertTrue(git.size() > 100, "every action was traced: " + git.keySet());
    assertEquals(read(fromFolder), git);
  }

  @Test
  void anAnnotatedTagTracesLikeItsFolderButForTheReleaseName(@TempDir Path tmp)
      throws IOException {
    Path fromGit = tmp.resolve("git");
    Path fromFolder = tmp.resolve("folder");
    assertEquals(0, run("trace", "--nova", repo + "@victoria-eom", "--action", "pause", "boot",
        "live-migrate", "-o", fromGit.toString()));
    assertEquals(0, run("trace", "--nova", "22.0.1", "--action", "pause", "boot", "live-migrate",
        "-o", fromFolder.toString()));
    Map<String, String> git = read(fromGit);
    assertEquals(3, git.size());
    Map<String, String> folder = read(fromFolder);
    git.forEach((name, text) -> assertEquals(
        folder.get(name).replace("Nova 22.0.1 ·", "Nova victoria-eom ·"), text, name));
  }

  @Test
  void aFileTwoTagsShareIsParsedOnce() throws IOException {
    GitRepo git = GitRepo.open(repo, repo.toString());
    Set<String> distinct = new HashSet<>();
    int files = 0;
    for (String tag : List.of("2025.1-eom", "34.0.0")) {
      for (SourceFile f : git.tree(tag).list("nova", n -> n.endsWith(".py")).files()) {
        if (!f.path().startsWith("nova/tests/")) {
          distinct.add(f.path() + " " + f.read().id());
          files++;
        }
      }
    }
    ParseCache cache = new ParseCache();
    for (String tag : List.of("2025.1-eom", "34.0.0")) {
      Workspace.load(new TreeSource(Path.of(""), java.util.Optional.empty(),
          SnapshotFetcher.NONE).resolve(repo + "@" + tag), "libvirt", null, 8L << 20, cache);
    }
    System.out.printf("2025.1-eom + 34.0.0: %d files, %d distinct, %d parsed%n", files,
        distinct.size(), cache.parses());
    assertEquals(distinct.size(), cache.parses());
    assertTrue(files - cache.parses() > 300, files + " files, " + cache.parses() + " parsed");
  }

  private static int run(String... args) {
    Snapshots.Run r = Snapshots.run(args);
    if (r.code() != 0) {
      System.err.println(r.err());
    }
    return r.code();
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }
}
