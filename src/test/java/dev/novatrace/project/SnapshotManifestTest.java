package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.project.Snapshot.Companion;
import dev.novatrace.util.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's sixth column: companion packages a snapshot carries beside the project's. */
class SnapshotManifestTest {
  @TempDir Path tmp;

  private SnapshotManifest manifest(String lines) throws IOException {
    Files.writeString(tmp.resolve("manifest.tsv"),
        "release\tversion\tdebian_suite\tpackage_version\tproject\tcompanions\n" + lines);
    return SnapshotManifest.read(tmp);
  }

  @Test
  void companionsAreReadAndOldLinesHaveNone() throws IOException {
    SnapshotManifest m = manifest("zed\t26.2.2\tbookworm\t2:26.2.2-1~deb12u4\n"
        + "zed\t21.3.1\tbookworm\t2:21.3.1-1~deb12u1\tcinder\n"
        + "hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tacme_lib=5.0.1-3\n"
        + "epoxy\t6.0.0\ttrixie\t2:6.0.0-1\tacme\tacme_lib=3.18.2-3, acme_extra=1:2.0~b1-0+deb13u1\n"
        + "victoria\t22.0.1\tbullseye\t2:22.0.1-2\t\tnova_shim=1.0-1\n");
    List<Snapshot> s = m.snapshots();
    assertEquals(List.of(), s.get(0).companions());
    assertEquals(Projects.DEFAULT, s.get(0).project());
    assertEquals(List.of(), s.get(1).companions());
    assertEquals(new Snapshot("zed", "21.3.1", "bookworm", "2:21.3.1-1~deb12u1", "cinder"), s.get(1));
    assertEquals(List.of(new Companion("acme_lib", "5.0.1-3")), s.get(2).companions());
    assertEquals("acme-7.0.0", s.get(2).name());
    assertEquals(List.of(new Companion("acme_lib", "3.18.2-3"),
        new Companion("acme_extra", "1:2.0~b1-0+deb13u1")), s.get(3).companions());
    // An empty project column is Nova's, and the companions after it still count.
    assertEquals(Projects.DEFAULT, s.get(4).project());
    assertEquals(List.of(new Companion("nova_shim", "1.0-1")), s.get(4).companions());
    assertEquals("acme_lib=5.0.1-3", s.get(2).companions().get(0).toString());
  }

  @Test
  void aBadCompanionIsOneLineNamingTheManifestLine() {
    UserError e = assertThrows(UserError.class,
        () -> manifest("hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tacme-lib 5.0.1\n"));
    assertTrue(e.getMessage().endsWith("manifest.tsv:2: bad companion 'acme-lib 5.0.1' (expected"
        + " PACKAGE=DEBIAN_VERSION, e.g. neutron_lib=5.0.1-3)"), e.getMessage());
    assertThrows(UserError.class, () -> manifest("hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tx=\n"));
  }

  @Test
  void aSnapshotIsCompleteOnlyWithEveryCompanion() throws IOException {
    SnapshotManifest m = manifest("zed\t21.3.1\tbookworm\t2:21.3.1-1~deb12u1\tcinder\tcinder_lib=1-1\n"
        + "hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tacme_lib=5.0.1-3\n");
    Snapshot cinder = m.snapshots().get(0);
    Path root = m.root(cinder);
    Files.createDirectories(root.resolve("cinder/volume"));
    Files.writeString(root.resolve(SnapshotManifest.COMPLETE), "");
    assertFalse(m.isComplete(cinder));
    Files.createDirectories(root.resolve("cinder_lib"));
    assertFalse(m.isComplete(cinder), "a companion is a package: it has __init__.py");
    Files.writeString(root.resolve("cinder_lib/__init__.py"), "");
    assertTrue(m.isComplete(cinder));

    // A project not registered yet (its snapshots fetched ahead): told by its __init__.py.
    Snapshot acme = m.snapshots().get(1);
    Path a = m.root(acme);
    Files.createDirectories(a.resolve("acme"));
    Files.createDirectories(a.resolve("acme_lib"));
    Files.writeString(a.resolve("acme_lib/__init__.py"), "");
    Files.writeString(a.resolve(SnapshotManifest.COMPLETE), "");
    assertFalse(m.isComplete(acme));
    Files.writeString(a.resolve("acme/__init__.py"), "");
    assertTrue(m.isComplete(acme));
  }

  @Test
  void theRepositorysManifestGivesNeutronItsLibraryAndNoOtherProjectACompanion() {
    SnapshotManifest m = SnapshotManifest.read(Path.of("nova-snapshots"));
    for (Snapshot s : m.snapshots()) {
      if (s.project().equals("neutron")) {
        assertEquals(1, s.companions().size(), s.toString());
        assertEquals("neutron_lib", s.companions().get(0).pythonPackage(), s.toString());
      } else {
        assertEquals(List.of(), s.companions(), s.toString());
      }
    }
    assertEquals(4, m.snapshots().stream().filter(s -> s.project().equals("neutron")).count());
  }
}
