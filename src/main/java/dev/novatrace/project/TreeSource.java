package dev.novatrace.project;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceSet;
import dev.novatrace.files.git.GitRepo;
import dev.novatrace.util.UserError;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves what the user gave as {@code --nova SRC} to a {@link SourceTree}.
 *
 * <p>SRC is a path (to a folder holding {@code nova/}, or to {@code nova/} itself; a git
 * repository's root is its working tree; a folder holding several top-level packages, as
 * site-packages does, gives the project's companion packages too), {@code REPO@REF} (the tree of a commit of a git
 * repository, read without checking it out), or a snapshot version or release name from {@code nova-snapshots/manifest.tsv} ({@code 26.2.2}, {@code zed}).
 * Without SRC the newest snapshot is used. A snapshot that is not unpacked yet is fetched first.
 */
public final class TreeSource {

  /** Environment variable naming the {@code nova-snapshots/} folder, overriding the search. */
  public static final String ENV = "NOVATRACE_SNAPSHOTS";
  static final String FOLDER = "nova-snapshots";

  private final Path cwd;
  private final Optional<Path> snapshotsDir;
  private final Supplier<Path> cache;
  private final SnapshotFetcher fetcher;

  /**
   * @param cwd where relative paths are resolved from
   * @param snapshotsDir the {@code nova-snapshots/} folder, if one was found
   * @param fetcher what fetches a snapshot that is not unpacked yet
   */
  public TreeSource(Path cwd, Optional<Path> snapshotsDir, SnapshotFetcher fetcher) {
    this(cwd, snapshotsDir, null, fetcher);
  }

  /**
   * The same, with a last resort when no {@code nova-snapshots/} folder was found: {@code cache}
   * makes one (the user's cache, see {@link SnapshotCache}) the first time a snapshot is asked
   * for; null for none.
   */
  public TreeSource(Path cwd, Optional<Path> snapshotsDir, Supplier<Path> cache,
      SnapshotFetcher fetcher) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.snapshotsDir = snapshotsDir;
    this.cache = cache;
    this.fetcher = fetcher;
  }

  /**
   * The usual set-up: the process's working directory, environment and jar location; run from
   * elsewhere than a checkout, the snapshots are the user's cache's.
   */
  public static TreeSource standard(SnapshotFetcher fetcher) {
    Path cwd = Path.of("").toAbsolutePath();
    Map<String, String> env = System.getenv();
    return new TreeSource(cwd, findSnapshotsDir(env, cwd, jarDir()),
        () -> SnapshotCache.prepare(SnapshotCache.folder(env, System.getProperty("user.home"))),
        fetcher);
  }

  /**
   * Finds the {@code nova-snapshots/} folder: {@value #ENV} if set; else the first folder from
   * {@code cwd} upward that has {@code nova-snapshots/manifest.tsv}; else the one beside the jar's
   * folder ({@code target/novatrace.jar} → {@code ../nova-snapshots}).
   */
  public static Optional<Path> findSnapshotsDir(Map<String, String> env, Path cwd, Optional<Path> jarDir) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path dir = cwd.resolve(fromEnv).toAbsolutePath().normalize();
      if (!Files.isRegularFile(dir.resolve(SnapshotManifest.FILE))) {
        throw new UserError(ENV + "=" + fromEnv + " has no " + SnapshotManifest.FILE);
      }
      return Optional.of(dir);
    }
    for (Path d = cwd.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path candidate = d.resolve(FOLDER);
      if (Files.isRegularFile(candidate.resolve(SnapshotManifest.FILE))) {
        return Optional.of(candidate);
      }
    }
    return jarDir
        .map(j -> j.toAbsolutePath().normalize().resolveSibling(FOLDER))
        .filter(d -> Files.isRegularFile(d.resolve(SnapshotManifest.FILE)));
  }

  /** The folder of the running jar (or classes folder), if it can be told. */
  static Optional<Path> jarDir() {
    try {
      var source = TreeSource.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path location = Path.of(source.getLocation().toURI());
      return Optional.ofNullable(location.getParent());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Resolves SRC, or the newest snapshot when {@code src} is null or blank. */
  public SourceTree resolve(String src) {
    return resolve(src, null);
  }

  /**
   * Resolves SRC as a tree of {@code project} ({@link Projects}); with a null project, the
   * project is the tree's when that is unambiguous (a folder with {@code cinder/} and no
   * {@code nova/}, a snapshot named {@code cinder-29.0.0}), else Nova.
   */
  public SourceTree resolve(String src, String project) {
    if (src == null || src.isBlank()) {
      SnapshotManifest manifest = manifest("no --nova given");
      return snapshot(manifest, manifest.newest(project == null ? Projects.DEFAULT : project));
    }
    Optional<Path> path = asPath(src);
    if (path.isPresent() && Files.exists(path.get())) {
      return tree(path.get(), src, project);
    }
    Optional<SourceTree> git = gitTree(src, project);
    if (git.isPresent()) {
      return git.get();
    }
    if (src.indexOf('@') > 0) {
      throw new UserError("no such folder or git repository: " + src.substring(0, src.indexOf('@'))
          + " (in " + src + ")");
    }
    if (!looksLikePath(src)) {
      SnapshotManifest manifest = manifest("'" + src + "' is not a folder");
      Optional<Snapshot> snap = manifest.find(project == null ? Projects.DEFAULT : project, src);
      if (snap.isPresent()) {
        return snapshot(manifest, snap.get());
      }
      throw new UserError("unknown Nova snapshot or folder '" + src + "'; known snapshots: " + manifest.describe());
    }
    throw new UserError("no such folder: " + src);
  }

  /**
   * {@code REPO@REF}: the tree of a commit, read from git objects. The repository is the longest
   * prefix before an {@code @} that is an existing folder, so a ref may hold {@code @} too
   * ({@code HEAD@{1}}). Empty when no prefix is a folder.
   */
  private Optional<SourceTree> gitTree(String src, String project) {
    for (int at = src.lastIndexOf('@'); at > 0; at = src.lastIndexOf('@', at - 1)) {
      String repo = src.substring(0, at);
      String ref = src.substring(at + 1);
      Optional<Path> dir = asPath(repo);
      if (dir.isPresent() && Files.isDirectory(dir.get()) && !ref.isEmpty()) {
        SourceSet sources = GitRepo.open(dir.get(), repo).tree(ref);
        String p = project != null ? project : Projects.holds(Projects.DEFAULT, sources) ? Projects.DEFAULT
            : Projects.detect(sources).orElse(Projects.DEFAULT);
        if (!p.equals(Projects.DEFAULT)) {
          if (!Projects.holds(p, sources)) {
            throw new UserError(src + " has no " + p + "/ package (expected " + Projects.marker(p)
                + "/ in the tree of that commit)");
          }
          return Optional.of(SourceTree.of(sources, src, ref, p));
        }
        if (!Projects.holds(Projects.DEFAULT, sources)) {
          throw new UserError(src + " has no " + Projects.DEFAULT + "/ package (expected "
              + Projects.marker(Projects.DEFAULT) + "/ in the tree of that commit)");
        }
        return Optional.of(SourceTree.of(sources, src, ref, Projects.DEFAULT));
      }
    }
    return Optional.empty();
  }

  private SourceTree snapshot(SnapshotManifest manifest, Snapshot s) {
    if (!manifest.isComplete(s)) {
      fetcher.fetch(manifest, s);
      if (!manifest.isComplete(s)) {
        throw new UserError("Nova snapshot " + s + " is still missing after fetching it: "
            + manifest.root(s).resolve("nova"));
      }
    }
    return SourceTree.of(new FolderSources(manifest.root(s)), s.name(), s.version(), s.project());
  }

  /**
   * A project's package (or a companion package) that is a link leading out of the tree is not
   * followed, as no link that leaves a tree is (a tree under review must not make us read the
   * rest of the machine): said here in one line, rather than as a tree with nothing in it.
   */
  private static void refuseLinksOut(Path dir, String label) {
    for (String p : Projects.packageNames()) {
      Path pkg = dir.resolve(p);
      try {
        if (Files.isSymbolicLink(pkg) && !pkg.toRealPath().startsWith(dir.toRealPath())) {
          throw new UserError(label + "/" + p + " is a symbolic link to a place outside the tree;"
              + " links that leave a tree are not followed (give the folder it leads to)");
        }
      } catch (java.io.IOException e) {
        // A dangling or unreadable link: the walk reports it like any other.
      }
    }
  }

  private static SourceTree tree(Path path, String label, String project) {
    Path dir = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserError("not a folder: " + label);
    }
    refuseLinksOut(dir, label);
    String p = project != null ? project : Projects.isPackage(Projects.DEFAULT, dir.resolve(Projects.DEFAULT))
        ? Projects.DEFAULT : Projects.detect(dir).or(() -> packageFolder(dir)).orElse(Projects.DEFAULT);
    if (!p.equals(Projects.DEFAULT)) {
      if (Projects.isPackage(p, dir.resolve(p))) {
        return SourceTree.of(new FolderSources(dir), label, null, p);
      }
      Path own = dir.getFileName();
      Path above = dir.getParent();
      if (own != null && above != null && own.toString().equals(p) && Projects.isPackage(p, dir)) {
        return SourceTree.of(new FolderSources(above), label, null, p);
      }
      throw new UserError("not a " + p + " tree: " + label + " (expected a folder holding "
          + Projects.marker(p) + "/, or the " + p + "/ folder itself)");
    }
    if (Projects.isPackage(Projects.DEFAULT, dir.resolve(Projects.DEFAULT))) {
      return SourceTree.of(new FolderSources(dir), label, null, Projects.DEFAULT);
    }
    Path name = dir.getFileName();
    Path parent = dir.getParent();
    if (name != null && name.toString().equals(Projects.DEFAULT)
        && Projects.isPackage(Projects.DEFAULT, dir) && parent != null) {
      return SourceTree.of(new FolderSources(parent), label, null, Projects.DEFAULT);
    }
    if (GitRepo.isRepository(dir) && !Files.exists(dir.resolve(".git"))) {
      throw new UserError("not a " + SourceTree.title(Projects.DEFAULT) + " tree: " + label + " is a bare git repository, which has no"
          + " working tree; give " + label + "@REF (a tag, branch or commit)");
    }
    throw new UserError("not a " + SourceTree.title(Projects.DEFAULT) + " tree: " + label
        + " (expected a folder holding " + Projects.marker(Projects.DEFAULT) + "/, or the "
        + Projects.DEFAULT + "/ folder itself)");
  }

  /** The project whose package {@code dir} itself is ({@code .../cinder}), if it is one. */
  private static Optional<String> packageFolder(Path dir) {
    Path name = dir.getFileName();
    return name == null ? Optional.empty() : Projects.NAMES.stream()
        .filter(p -> p.equals(name.toString()) && Projects.isPackage(p, dir)).findFirst();
  }

  private SnapshotManifest manifest(String why) {
    Path dir = snapshotsDir.or(() -> Optional.ofNullable(cache).map(Supplier::get)).orElseThrow(() -> new UserError(why + " and no " + FOLDER + "/"
        + SnapshotManifest.FILE + " was found (looked upward from " + cwd
        + " and beside the jar; set " + ENV + "), so give --nova PATH to a Nova tree"));
    return SnapshotManifest.read(dir);
  }

  private Optional<Path> asPath(String src) {
    try {
      return Optional.of(cwd.resolve(src));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether SRC is written as a path ({@code ./x}, {@code a/b}), not a snapshot's name. */
  static boolean looksLikePath(String src) {
    return src.contains("/") || src.contains(java.io.File.separator) || src.startsWith(".") || src.startsWith("~");
  }
}
