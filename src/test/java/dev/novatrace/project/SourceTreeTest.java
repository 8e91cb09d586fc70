package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceSet;
import dev.novatrace.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree of several top-level packages: the fixture {@code fixtures/roots} is a folder as
 * site-packages is, holding a project's package ({@code nova/}), a companion library it imports
 * ({@code acme_lib/}) and a package nobody asks for ({@code other_pkg/}).
 */
class SourceTreeTest {
  static final Path ROOTS = Fixtures.ROOT.resolve("roots").toAbsolutePath().normalize();
  @TempDir Path tmp;

  @Test
  void aTreeReadsTheCompanionsItHoldsAfterTheProjectsOwnPackage() {
    SourceSet sources = new FolderSources(ROOTS);
    SourceTree t = SourceTree.of(sources, "roots", null, "nova",
        List.of("acme_lib", "missing_lib", "other_pkg"));
    assertEquals(List.of("nova", "acme_lib", "other_pkg"), t.packages());
    assertEquals("nova", t.packageName());
    // Only the companions asked for, in the order asked.
    assertEquals(List.of("nova", "other_pkg", "acme_lib"),
        SourceTree.of(sources, "roots", null, "nova", List.of("other_pkg", "acme_lib")).packages());
  }

  @Test
  void aProjectWithoutCompanionsReadsItsOwnPackageAloneAsBefore() {
    SourceSet sources = new FolderSources(ROOTS);
    assertEquals(List.of(), Projects.named(Projects.DEFAULT).companionPackages());
    SourceTree t = SourceTree.of(sources, "roots", null, Projects.DEFAULT);
    assertEquals(List.of(Projects.DEFAULT), t.packages());
    assertEquals(new SourceTree(ROOTS, "roots"), t);
    // Neutron's API is defined in neutron-lib, read beside it.
    assertEquals(List.of("nova", "cinder", "neutron", "neutron_lib"), Projects.packageNames());
  }

  @Test
  void eachPackagesTestsAreTests() {
    SourceTree t = new SourceTree(new FolderSources(ROOTS), "roots", null, "nova",
        List.of("nova", "acme_lib"));
    assertTrue(t.isTest("nova/tests/test_api.py"));
    assertTrue(t.isTest("acme_lib/tests/test_widget.py"));
    assertFalse(t.isTest("acme_lib/api/definitions/widget.py"));
    assertFalse(t.isTest("other_pkg/tests/x.py"), "not a package of the tree");
    assertFalse(t.isTest("acme_lib/teststuff.py"));
  }

  @Test
  void thePackagesStartWithTheProjectsOwnAndNoneComesTwice() {
    SourceSet sources = new FolderSources(ROOTS);
    assertThrows(IllegalArgumentException.class,
        () -> new SourceTree(sources, "roots", null, "nova", List.of("acme_lib", "nova")));
    assertThrows(IllegalArgumentException.class,
        () -> new SourceTree(sources, "roots", null, "nova", List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new SourceTree(sources, "roots", null, "nova", List.of("nova", "acme_lib", "acme_lib")));
  }

  @Test
  void aSiteFolderOfSeveralPackagesResolvesToItsProjectWithEveryFileAtHand() throws IOException {
    TreeSource source = new TreeSource(tmp, Optional.empty(), SnapshotFetcher.NONE);
    SourceTree t = source.resolve(ROOTS.toString());
    assertEquals(Projects.DEFAULT, t.project());
    assertEquals(ROOTS, ((FolderSources) t.sources()).root());
    // The folder of nova/ itself is the same tree: its parent holds the other packages.
    assertEquals(t.sources(), source.resolve(ROOTS.resolve("nova").toString()).sources());
    // Every package is in the sources; which are read is the tree's packages.
    assertEquals(List.of("acme_lib/__init__.py", "acme_lib/api/__init__.py",
        "acme_lib/api/definitions/__init__.py", "acme_lib/api/definitions/widget.py",
        "acme_lib/constants.py", "acme_lib/tests/__init__.py", "acme_lib/tests/test_widget.py"),
        t.sources().list("acme_lib", n -> n.endsWith(".py")).files().stream()
            .map(f -> f.path()).toList());
    assertTrue(t.sources().isDirectory("other_pkg"));
  }

  @Test
  void aCompanionThatIsALinkOutOfTheTreeIsReadLikeAnyLinkThatLeavesIt() throws IOException {
    // Read through the walk, which reports it: SourceTree.of only asks whether it is a folder.
    Path site = Files.createDirectories(tmp.resolve("site/nova/compute"));
    Path outside = Files.createDirectories(tmp.resolve("elsewhere/acme_lib"));
    Files.writeString(outside.resolve("__init__.py"), "");
    Files.createSymbolicLink(tmp.resolve("site/acme_lib"), outside);
    SourceSet sources = new FolderSources(site.getParent().getParent());
    SourceTree t = SourceTree.of(sources, "site", null, "nova", List.of("acme_lib"));
    assertEquals(List.of("nova", "acme_lib"), t.packages());
    SourceSet.Listing l = sources.list("acme_lib", n -> n.endsWith(".py"));
    assertEquals(List.of(), l.files());
    assertEquals(1, l.problems().size(), l.problems().toString());
  }
}
