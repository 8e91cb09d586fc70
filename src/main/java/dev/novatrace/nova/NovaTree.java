package dev.novatrace.nova;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Nova source tree ready to read.
 *
 * @param root the folder that contains {@code nova/}
 * @param label how to name the tree to the user: a snapshot version such as {@code 34.0.0}, or the
 *     path as it was given
 * @param version the Nova release version when known (a snapshot's, e.g. {@code 34.0.0}), else
 *     null: a folder given by path carries no trustworthy version
 */
public record NovaTree(Path root, String label, String version) {

  /** A tree given by path: its version is not known. */
  public NovaTree(Path root, String label) {
    this(root, label, null);
  }

  /** The version when known, else the label: how provenance names the tree. */
  public String versionOrLabel() {
    return version != null ? version : label;
  }

  /** The {@code nova/} package folder itself. */
  public Path packageDir() {
    return root.resolve("nova");
  }

  /**
   * Whether {@code dir} looks like Nova's {@code nova/} package. Lenient on purpose (an unpacked
   * tarball, a git checkout, a Debian package all qualify): a {@code compute/} sub-package is
   * enough, {@code __init__.py} is not required.
   */
  static boolean isNovaPackage(Path dir) {
    return Files.isDirectory(dir.resolve("compute"));
  }
}
