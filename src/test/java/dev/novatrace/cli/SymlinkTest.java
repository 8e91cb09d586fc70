package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links are followed while they stay inside the folder walked: a folder given as a
 * link, links inside a folder, a Nova tree whose {@code nova/} links within the tree. A loop is
 * reported once and not followed; a dangling link named like a file we read, or one that leads out
 * of the folder, is a per-file diagnostic.
 */
class SymlinkTest {

  @TempDir Path tmp;
  private Path real;
  private Path link;

  /** real/sub/{pause.wsd, m.py, up -> ..}, real/gone.{wsd,py} -> nowhere, link -> real. */
  @BeforeEach
  void tree() throws Exception {
    real = Files.createDirectories(tmp.resolve("real/sub"));
    Files.copy(Fixtures.VALID.resolve("seed-pause.wsd"), real.resolve("pause.wsd"));
    Files.writeString(real.resolve("m.py"), "x = 1\n");
    Files.createSymbolicLink(real.resolve("up"), Path.of(".."));
    real = real.getParent();
    Files.createSymbolicLink(real.resolve("gone.wsd"), Path.of("missing.wsd"));
    Files.createSymbolicLink(real.resolve("gone.py"), Path.of("missing.py"));
    link = Files.createSymbolicLink(tmp.resolve("link"), real);
  }

  @Test
  void parseFollowsALinkedFolderAndReportsTheLoopAndTheDanglingLinkOnce() {
    CliRun r = CliRun.run("parse", link.toString(), real.toString());
    assertEquals(1, r.code(), r.out());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("parsed 3 files,"), lines.get(0));
    assertEquals(List.of(link + "/gone.py:1:0: dangling symbolic link (to missing.py)",
        link + "/sub/up:1:0: symbolic link loop (leads back to a folder above it; not followed)"),
        lines.subList(1, lines.size()));
  }

  @Test
  void renderFollowsALinkedFolder() {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("render", link.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.errLines().toString());
    assertTrue(Files.isRegularFile(out.resolve("sub/pause.svg")));
    assertEquals(List.of(link + "/gone.wsd: dangling symbolic link (to missing.wsd)",
        link + "/sub/up: symbolic link loop (leads back to a folder above it; not followed)"),
        r.errLines());
  }

  @Test
  void driftFollowsALinkedFolder() {
    CliRun r = CliRun.run("drift", link.toString(), "--nova", MiniNova.ROOT.toString(), "--format",
        "markdown");
    assertEquals(1, r.code(), r.errLines().toString());
    assertFalse(r.errLines().stream().anyMatch(l -> l.contains("no .wsd files")), r.errLines().toString());
    assertTrue(r.out().contains("2 findings in 1 diagram."), r.out());
    assertTrue(r.out().contains("| " + link + "/gone.wsd | 1 | `unreadable` | dangling"), r.out());
  }

  @Test
  void traceFollowsALinkOnlyWhileItStaysInsideTheTree() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Path inside = Files.createDirectories(tree.resolve("vendor"));
    Trees.copy(MiniNova.ROOT.resolve("nova"), inside.resolve("nova"));
    Files.createSymbolicLink(tree.resolve("nova"), Path.of("vendor/nova"));
    Path out = tmp.resolve("traced");
    CliRun r = CliRun.run("trace", "--nova", tree.toString(), "--action", "pause", "-o", out.toString());
    assertEquals(0, r.code(), r.errLines().toString());
    assertTrue(Files.readString(out.resolve("pause.wsd")).contains("pause"));
  }

  /** As git keeps a link and never its target: a nova/ that leads out of the tree is not read. */
  @Test
  void aNovaPackageLinkedFromOutsideTheTreeIsNotRead() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.createSymbolicLink(tree.resolve("nova"), MiniNova.ROOT.resolve("nova").toAbsolutePath());
    CliRun r = CliRun.run("trace", "--nova", tree.toString(), "--action", "pause", "-o",
        tmp.resolve("traced").toString());
    assertEquals(2, r.code(), r.errLines().toString());
    assertTrue(r.err().contains("is a symbolic link to a place outside the tree"), r.err());
    assertFalse(Files.exists(tmp.resolve("traced/pause.wsd")));
  }
}
