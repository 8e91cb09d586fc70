package dev.novatrace.nova;

import dev.novatrace.files.SourceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenStack projects novatrace reads. A project's name is also its Python package at the
 * root of a tree ({@code nova/}, {@code cinder/}), and a sub-package every release of it has
 * tells a tree of it apart from a stray folder of that name.
 */
public final class Project {
  public static final String NOVA = "nova";
  public static final String CINDER = "cinder";

  /** Every project, the default first. */
  public static final List<String> ALL = List.of(NOVA, CINDER);

  /** The sub-package that marks the project's package: Nova's compute, Cinder's volume. */
  private static final Map<String, String> MARKER = Map.of(NOVA, "compute", CINDER, "volume");

  private Project() {}

  /** {@code --project NAME}, checked; null stays null (detect it from the tree). */
  public static String parse(String name) {
    if (name == null) {
      return null;
    }
    String p = name.toLowerCase(Locale.ROOT);
    if (!ALL.contains(p)) {
      throw new dev.novatrace.util.UserError("--project must be one of " + String.join(", ", ALL)
          + ", not '" + name + "'");
    }
    return p;
  }

  /** The marker sub-package's path inside a tree, e.g. {@code cinder/volume}. */
  static String marker(String project) {
    return project + "/" + MARKER.get(project);
  }

  /** Whether {@code dir} looks like the project's package (lenient, as {@link NovaTree} is). */
  static boolean isPackage(String project, Path dir) {
    return Files.isDirectory(dir.resolve(MARKER.get(project)));
  }

  /** Whether a set of sources holds the project's package at its root. */
  static boolean holds(String project, SourceSet sources) {
    return sources.isDirectory(marker(project));
  }

  /** The project a folder holds when that is unambiguous: one project's package, no other. */
  static Optional<String> detect(Path dir) {
    List<String> found = ALL.stream().filter(p -> isPackage(p, dir.resolve(p))).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The same for the tree of a commit. */
  static Optional<String> detect(SourceSet sources) {
    List<String> found = ALL.stream().filter(p -> holds(p, sources)).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The project a snapshot name starts with ({@code cinder-29.0.0} → cinder), if any. */
  static Optional<String> prefixOf(String snapshotName) {
    String lower = snapshotName.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> lower.startsWith(p + "-")).findFirst();
  }
}
