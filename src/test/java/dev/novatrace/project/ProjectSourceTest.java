package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees and snapshots of another project than Nova: Cinder's, told apart by name and package. */
class ProjectSourceTest {
  @TempDir Path tmp;
  Path snaps;
  final List<String> fetched = new ArrayList<>();

  final SnapshotFetcher fakeFetch = (manifest, s) -> {
    fetched.add(s.name());
    try {
      Path root = manifest.root(s);
      Files.createDirectories(root.resolve(s.project() + "/"
          + (s.project().equals(Projects.DEFAULT) ? "compute" : "volume")));
      Files.writeString(root.resolve(".complete"), "version\t" + s.packageVersion() + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  };

  @BeforeEach
  void manifest() throws IOException {
    snaps = Files.createDirectories(tmp.resolve("repo/nova-snapshots"));
    Files.writeString(snaps.resolve("manifest.tsv"),
        "release\tversion\tdebian_suite\tpackage_version\tproject\n"
            + "hibiscus\t34.0.0\tsid\t2:34.0.0-4\tnova\n"
            + "zed\t26.2.2\tbookworm\t2:26.2.2-1~deb12u4\n"
            + "zed\t21.3.1\tbookworm\t2:21.3.1-1~deb12u1\tcinder\n"
            + "hibiscus\t29.0.0\tsid\t2:29.0.0-3\tcinder\n");
  }

  private TreeSource source() {
    return new TreeSource(tmp, Optional.of(snaps), fakeFetch);
  }

  @Test
  void snapshotsOfEachProjectAnswerToTheirOwnNames() {
    SnapshotManifest m = SnapshotManifest.read(snaps);
    assertEquals("34.0.0", m.newest().version());
    assertEquals("cinder-29.0.0", m.newest("cinder").name());
    // A bare release name is Nova's; a prefixed one, or --project cinder, is Cinder's.
    assertEquals("26.2.2", m.find("zed").orElseThrow().name());
    assertEquals("cinder-21.3.1", m.find("cinder-zed").orElseThrow().name());
    assertEquals("cinder-21.3.1", m.find("cinder", "zed").orElseThrow().name());
    assertEquals(snaps.resolve("cinder-29.0.0"), m.root(m.newest("cinder")));
  }

  @Test
  void aCinderSnapshotIsFetchedByItsNameAndTracedAsCinder() {
    SourceTree t = source().resolve("cinder-hibiscus");
    assertEquals(List.of("cinder-29.0.0"), fetched);
    assertEquals("cinder", t.project());
    assertEquals("cinder-29.0.0", t.label());
    assertEquals("29.0.0", t.version());
    assertEquals(t, source().resolve(null, "cinder"));
    assertEquals(t, source().resolve("29.0.0", "cinder"));
    assertEquals(Projects.DEFAULT, source().resolve(null).project());
  }

  @Test
  void aFolderIsCindersWhenItHoldsCinderAndNoNova() throws IOException {
    Path cinder = Files.createDirectories(tmp.resolve("c/cinder/volume"));
    assertEquals("cinder", source().resolve(tmp.resolve("c").toString()).project());
    assertEquals("cinder", source().resolve(cinder.getParent().toString()).project());
    Files.createDirectories(tmp.resolve("c/nova/compute"));
    assertEquals(Projects.DEFAULT, source().resolve(tmp.resolve("c").toString()).project());
    assertEquals("cinder",
        source().resolve(tmp.resolve("c").toString(), "cinder").project());
    Path novaOnly = Files.createDirectories(tmp.resolve("n/nova/compute")).getParent().getParent();
    UserError e = assertThrows(UserError.class,
        () -> source().resolve(novaOnly.toString(), "cinder"));
    assertTrue(e.getMessage().startsWith("not a cinder tree: "), e.getMessage());
  }

  @Test
  void projectNamesAreChecked() {
    assertEquals("cinder", Projects.parse("Cinder"));
    assertEquals("neutron", Projects.parse("Neutron"));
    UserError e = assertThrows(UserError.class, () -> Projects.parse("magnum"));
    assertEquals("--project must be one of nova, cinder, neutron, not 'magnum'", e.getMessage());
  }
}
