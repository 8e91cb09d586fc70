package dev.novatrace.project;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceSet;
import java.nio.file.Path;

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
 */
public record SourceTree(SourceSet sources, String label, String version, String project) {

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

  /** The package at the tree's root ({@code nova}, {@code cinder}). */
  public String packageName() {
    return project;
  }

  /** A tree given by path: its version is not known. */
  public SourceTree(Path root, String label) {
    this(root, label, null);
  }

  /** The version when known, else the label: how provenance names the tree. */
  public String versionOrLabel() {
    return version != null ? version : label;
  }
}
