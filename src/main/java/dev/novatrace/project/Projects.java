package dev.novatrace.project;

import dev.novatrace.files.SourceSet;
import dev.novatrace.util.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The registry of the OpenStack projects novatrace reads: every {@link OpenStackProject} listed in
 * {@code META-INF/services/dev.novatrace.project.OpenStackProject}, in the order listed, the
 * default (Nova) first. A project's name is also its Python package at the root of a tree
 * ({@code nova/}, {@code cinder/}), and its marker sub-package tells a tree of it apart from a
 * stray folder of that name.
 */
public final class Projects {

  private static final List<OpenStackProject> ALL = ServiceLoader.load(OpenStackProject.class,
      Projects.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

  /** Every project's name, the default first. */
  public static final List<String> NAMES = ALL.stream().map(OpenStackProject::name).toList();

  /**
   * The project of a tree, a snapshot or a manifest line that does not say: the first registered.
   * Its snapshots are named by their bare version ({@code 34.0.0}), as they always were.
   */
  public static final String DEFAULT = NAMES.get(0);

  private Projects() {}

  /**
   * Every top-level package a registered project reads: each project's own and its companions,
   * without repeats.
   */
  static List<String> packageNames() {
    return ALL.stream().flatMap(p -> Stream.concat(Stream.of(p.name()),
        p.companionPackages().stream())).distinct().toList();
  }

  /** Every registered project, the default first. */
  public static List<OpenStackProject> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The registered project of that name; an unknown name is a bug of the caller's. */
  public static OpenStackProject named(String name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no project " + name));
  }

  /** {@code --project NAME}, checked; null stays null (detect it from the tree). */
  public static String parse(String name) {
    if (name == null) {
      return null;
    }
    String p = name.toLowerCase(Locale.ROOT);
    if (!NAMES.contains(p)) {
      throw new UserError("--project must be one of " + String.join(", ", NAMES)
          + ", not '" + name + "'");
    }
    return p;
  }

  /** The marker sub-package's path inside a tree, e.g. {@code cinder/volume}. */
  static String marker(String project) {
    return project + "/" + named(project).marker();
  }

  /** Whether {@code dir} looks like the project's package (lenient, as {@link SourceTree} is). */
  static boolean isPackage(String project, Path dir) {
    return Files.isDirectory(dir.resolve(named(project).marker()));
  }

  /** Whether a set of sources holds the project's package at its root. */
  static boolean holds(String project, SourceSet sources) {
    return sources.isDirectory(marker(project));
  }

  /** The project a folder holds when that is unambiguous: one project's package, no other. */
  static Optional<String> detect(Path dir) {
    List<String> found = NAMES.stream().filter(p -> isPackage(p, dir.resolve(p))).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The same for the tree of a commit. */
  static Optional<String> detect(SourceSet sources) {
    List<String> found = NAMES.stream().filter(p -> holds(p, sources)).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The project a snapshot name starts with ({@code cinder-29.0.0} → cinder), if any. */
  static Optional<String> prefixOf(String snapshotName) {
    String lower = snapshotName.toLowerCase(Locale.ROOT);
    return NAMES.stream().filter(p -> lower.startsWith(p + "-")).findFirst();
  }
}
