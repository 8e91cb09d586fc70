package dev.novatrace.project;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A source tree of an OpenStack project ready to read: a folder, a snapshot, or the tree of a
 * git commit. Nova's unless it says otherwise.
 *
 * @param sources the files, with {@code nova/} (the project's package) at their root
 * @param label how to name the tree to the user: a snapshot version such as {@code 34.0.0}, or the
 *     path (or {@code REPO@REF}) as it was given
 * @param version the Nova release version when known (a snapshot's, e.g. {@code 34.0.0}; the ref
 *     of a git tree), else null: a folder given by path carries no trustworthy version
 * @param project the project ({@link Projects}), which is also the package at the tree's root
 * @param packages the top-level packages read for the project, each a folder at the sources'
 *     root: the project's own first, then the companions it reads that the tree holds
 *     ({@link OpenStackProject#companionPackages()})
 */
public record SourceTree(SourceSet sources, String label, String version, String project,
    List<String> packages) {

  public SourceTree {
    packages = List.copyOf(packages);
    if (packages.isEmpty() || !packages.get(0).equals(project)) {
      throw new IllegalArgumentException("a tree's packages start with its project's, "
          + project + ": " + packages);
    }
    if (new HashSet<>(packages).size() != packages.size()) {
      throw new IllegalArgumentException("a package twice: " + packages);
    }
  }

  /** A tree of the project's package alone. */
  public SourceTree(SourceSet sources, String label, String version, String project) {
    this(sources, label, version, project, List.of(project));
  }

  /**
   * A tree of a registered project: its package, then every companion package the project reads
   * that {@code sources} holds at its root, in the order the project lists them. A companion the
   * tree lacks is left out (what needs it is drawn as far as it goes).
   */
  public static SourceTree of(SourceSet sources, String label, String version, String project) {
    return of(sources, label, version, project, Projects.named(project).companionPackages());
  }

  /** The same with the companions given: those {@code sources} holds are read, in that order. */
  static SourceTree of(SourceSet sources, String label, String version, String project,
      List<String> companions) {
    List<String> packages = new ArrayList<>(List.of(project));
    for (String companion : companions) {
      if (sources.isDirectory(companion)) {
        packages.add(companion);
      }
    }
    return new SourceTree(sources, label, version, project, packages);
  }

  /** A Nova tree. */
  public SourceTree(SourceSet sources, String label, String version) {
    this(sources, label, version, Projects.DEFAULT);
  }

  /** A folder that holds {@code nova/}, with a version when known. */
  public SourceTree(Path root, String label, String version) {
    this(new FolderSources(root), label, version);
  }

  /** A folder that holds the project's package, with a version when known. */
  public SourceTree(Path root, String label, String version, String project) {
    this(new FolderSources(root), label, version, project);
  }

  /** The project's name as a title: {@code Nova}, {@code Cinder}. */
  public String title() {
    return title(project);
  }

  /** A project's name as a title. */
  static String title(String project) {
    return Character.toUpperCase(project.charAt(0)) + project.substring(1);
  }

  /** The project's own package at the tree's root ({@code nova}, {@code cinder}). */
  public String packageName() {
    return project;
  }

  /** Whether {@code path}, relative to the root, lies in the tests of one of its packages. */
  public boolean isTest(String path) {
    for (String p : packages) {
      if (path.startsWith(p + "/tests/")) {
        return true;
      }
    }
    return false;
  }

  /** A tree given by path: its version is not known. */
  public SourceTree(Path root, String label) {
    this(root, label, null);
  }

  /** The version when known, else the tree's name: how provenance names the tree. */
  public String versionOrLabel() {
    return version != null ? version : name();
  }

  /**
   * How outputs name the tree, the same from any checkout and never a machine's path: a
   * snapshot's name ({@code 34.0.0}), a git tree's ref, else the version its package metadata
   * says (a {@code nova-*.dist-info} beside the package), else the name of the folder holding
   * the package.
   */
  public String name() {
    if (version != null && label.indexOf('@') > 0) {
      return version;
    }
    if (!(sources instanceof FolderSources folder)) {
      return label;
    }
    if (!TreeSource.looksLikePath(label)) {
      return label;
    }
    return PackageMetadata.version(folder.root(), project)
        .orElseGet(() -> folderName(folder.root()));
  }

  private static String folderName(Path root) {
    Path name = root.toAbsolutePath().normalize().getFileName();
    return name == null ? "/" : name.toString();
  }
}
