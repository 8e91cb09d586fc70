package dev.novatrace.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The version an installed package's metadata says, read from the folder holding the package:
 * {@code nova-34.0.0.dist-info/METADATA} or {@code nova-34.0.0.egg-info/PKG-INFO}, its
 * {@code Version:} line; else a source distribution's {@code PKG-INFO} beside the package, or
 * the tag a git checkout is at. Only regular files inside the folder are read, never through a
 * link.
 */
final class PackageMetadata {
  private static final long MAX_BYTES = 1 << 20;

  private PackageMetadata() {}

  static Optional<String> version(Path root, String project) {
    for (String kind : List.of("dist-info/METADATA", "egg-info/PKG-INFO")) {
      String[] parts = kind.split("/");
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root,
          project + "-*." + parts[0])) {
        for (Path dir : dirs) {
          Optional<String> v = versionIn(dir.resolve(parts[1]));
          if (v.isPresent()) {
            return v;
          }
        }
      } catch (IOException | RuntimeException e) {
        // An unreadable folder has no metadata to tell: the folder's name is used instead.
      }
    }
    try {
      Optional<String> sdist = sdistVersion(root.resolve("PKG-INFO"), project);
      return sdist.isPresent() ? sdist : dev.novatrace.files.git.CheckoutTag.at(root);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A source distribution's {@code PKG-INFO} beside the package: its version, if it is the project's. */
  private static Optional<String> sdistVersion(Path file, String project) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
      return Optional.empty();
    }
    boolean ours = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .takeWhile(line -> !line.isEmpty())
        .anyMatch(line -> line.startsWith("Name:") && line.substring(5).strip()
            .replace('-', '_').equalsIgnoreCase(project.replace('-', '_')));
    return ours ? versionIn(file) : Optional.empty();
  }



  private static Optional<String> versionIn(Path file) throws IOException {
    Path dir = file.getParent();
    if (dir == null || Files.isSymbolicLink(dir)
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("Version:")) {
        String v = line.substring("Version:".length()).strip();
        return v.isEmpty() || !v.matches("[\\w.+!-]+") ? Optional.empty() : Optional.of(v);
      }
      if (line.isEmpty()) {
        break;
      }
    }
    return Optional.empty();
  }
}
