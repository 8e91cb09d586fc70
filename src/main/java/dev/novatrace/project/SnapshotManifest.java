package dev.novatrace.project;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@code nova-snapshots/} folder: its manifest and the snapshots unpacked in it. */
public final class SnapshotManifest {

  public static final String FILE = "manifest.tsv";
  /** Marker the fetch script writes once a snapshot is fully unpacked. */
  public static final String COMPLETE = ".complete";
  /** A companion: a Python package's name, {@code =}, the exact Debian version. */
  private static final Pattern COMPANION = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=([^=\\s]+)");

  private final Path dir;
  private final List<Snapshot> snapshots;

  private SnapshotManifest(Path dir, List<Snapshot> snapshots) {
    this.dir = dir;
    this.snapshots = List.copyOf(snapshots);
  }

  /**
   * Reads {@code dir/manifest.tsv}: a header line, then release, version, suite, package version,
   * project (Nova when the column is left out) and companions (comma-separated
   * {@code PACKAGE=DEBIAN_VERSION} pairs, none when left out).
   */
  public static SnapshotManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read the snapshot manifest " + file + ": " + e.getMessage());
    }
    List<Snapshot> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("release\t"))) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 4) {
        throw new UserError(file + ":" + (i + 1) + ": expected 4 tab-separated fields, found " + f.length);
      }
      String project = f.length > 4 && !f[4].isBlank() ? f[4].trim() : Projects.DEFAULT;
      List<Snapshot.Companion> companions = f.length > 5
          ? companions(f[5], file + ":" + (i + 1)) : List.of();
      out.add(new Snapshot(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), project,
          companions));
    }
    if (out.isEmpty()) {
      throw new UserError("the snapshot manifest " + file + " lists no snapshots");
    }
    return new SnapshotManifest(dir, out);
  }

  /** The companions column: {@code neutron_lib=5.0.1-3}, pairs separated by commas. */
  private static List<Snapshot.Companion> companions(String column, String where) {
    List<Snapshot.Companion> out = new ArrayList<>();
    for (String pair : column.split(",")) {
      String p = pair.strip();
      if (p.isEmpty()) {
        continue;
      }
      Matcher m = COMPANION.matcher(p);
      if (!m.matches()) {
        throw new UserError(where + ": bad companion '" + p + "' (expected PACKAGE=DEBIAN_VERSION,"
            + " e.g. neutron_lib=5.0.1-3)");
      }
      out.add(new Snapshot.Companion(m.group(1), m.group(2)));
    }
    return out;
  }

  public Path dir() {
    return dir;
  }

  public List<Snapshot> snapshots() {
    return snapshots;
  }

  /** A Nova snapshot by version or release name. */
  public Optional<Snapshot> find(String versionOrRelease) {
    return find(Projects.DEFAULT, versionOrRelease);
  }

  /**
   * A snapshot of {@code project} by version or release name; a name with another project's
   * prefix ({@code cinder-29.0.0}) finds that project's whatever {@code project} says.
   */
  public Optional<Snapshot> find(String project, String versionOrRelease) {
    String named = Projects.prefixOf(versionOrRelease).orElse(project);
    return snapshots.stream().filter(s -> s.project().equals(named))
        .filter(s -> s.answersTo(versionOrRelease)).findFirst();
  }

  /** The Nova snapshot with the highest version. */
  public Snapshot newest() {
    return newest(Projects.DEFAULT);
  }

  /** The snapshot of {@code project} with the highest version. */
  public Snapshot newest(String project) {
    return snapshots.stream().filter(s -> s.project().equals(project))
        .max(Snapshot.BY_VERSION)
        .orElseThrow(() -> new UserError("the snapshot manifest " + dir.resolve(FILE)
            + " lists no " + project + " snapshot"));
  }

  /** The folder holding the project's package for this snapshot (present or not). */
  public Path root(Snapshot s) {
    return dir.resolve(s.name());
  }

  /**
   * Whether the snapshot has been fetched completely: its marker, the project's package and every
   * companion's.
   */
  public boolean isComplete(Snapshot s) {
    Path root = root(s);
    return Files.isRegularFile(root.resolve(COMPLETE))
        && holdsProject(s.project(), root.resolve(s.project()))
        && s.companions().stream().allMatch(
            c -> Files.isRegularFile(root.resolve(c.pythonPackage()).resolve("__init__.py")));
  }

  /**
   * A registered project's package is told by its marker; one the manifest lists before it is
   * registered (its snapshots fetched ahead of its tracing) by its {@code __init__.py}.
   */
  private static boolean holdsProject(String project, Path dir) {
    return Projects.NAMES.contains(project) ? Projects.isPackage(project, dir)
        : Files.isRegularFile(dir.resolve("__init__.py"));
  }

  /** "22.0.1 (victoria), 26.2.2 (zed), ..." for error messages. */
  public String describe() {
    return snapshots.stream().map(Snapshot::toString).collect(Collectors.joining(", "));
  }
}
