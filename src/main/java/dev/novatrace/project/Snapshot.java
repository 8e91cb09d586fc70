package dev.novatrace.project;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One line of {@code nova-snapshots/manifest.tsv}: a release of an OpenStack project (Nova,
 * Cinder) as Debian packages it.
 *
 * @param release OpenStack release name, e.g. {@code zed}
 * @param version upstream version, e.g. {@code 26.2.2}
 * @param suite Debian suite that carries it, e.g. {@code bookworm}
 * @param packageVersion exact Debian version of {@code python3-PROJECT}, e.g. {@code 2:26.2.2-1~deb12u4}
 * @param project the project, which is also its Python package: {@code nova}, {@code cinder}
 * @param companions the other Python packages the snapshot carries beside the project's, each
 *     from its own Debian package ({@code neutron_lib} from {@code python3-neutron-lib}); empty
 *     for most projects
 */
public record Snapshot(String release, String version, String suite, String packageVersion,
    String project, List<Companion> companions) {

  /**
   * A Python package a snapshot carries beside the project's, unpacked beside it.
   *
   * @param pythonPackage its folder at the snapshot's root, e.g. {@code neutron_lib}
   * @param packageVersion exact Debian version of its {@code python3-} package (underscores as
   *     hyphens: {@code python3-neutron-lib}), e.g. {@code 5.0.1-3}
   */
  public record Companion(String pythonPackage, String packageVersion) {
    @Override
    public String toString() {
      return pythonPackage + "=" + packageVersion;
    }
  }

  public Snapshot {
    companions = List.copyOf(companions);
  }

  /** A snapshot of the project's package alone. */
  public Snapshot(String release, String version, String suite, String packageVersion,
      String project) {
    this(release, version, suite, packageVersion, project, List.of());
  }

  /** A Nova snapshot (a manifest line without a project column). */
  public Snapshot(String release, String version, String suite, String packageVersion) {
    this(release, version, suite, packageVersion, Projects.DEFAULT);
  }

  /**
   * The snapshot's folder and its name for the fetch script: the default project's is its version, as
   * it always was; another project's is {@code PROJECT-VERSION} ({@code cinder-29.0.0}), so that release
   * names and versions of two projects never meet.
   */
  public String name() {
    return project.equals(Projects.DEFAULT) ? version : project + "-" + version;
  }

  /** Orders by upstream version, numerically: 9.0.0 before 22.0.1 before 26.2.2. */
  public static final Comparator<Snapshot> BY_VERSION =
      Comparator.comparing(Snapshot::version, Snapshot::compareVersions);

  /**
   * Whether {@code name} is this snapshot's version or (in any case) its release name, either
   * bare or after {@code PROJECT-} ({@code cinder-29.0.0}, {@code cinder-hibiscus}).
   */
  public boolean answersTo(String name) {
    String prefix = project + "-";
    String bare = name.regionMatches(true, 0, prefix, 0, prefix.length())
        ? name.substring(prefix.length()) : name;
    return version.equals(bare) || release.equalsIgnoreCase(bare);
  }

  @Override
  public String toString() {
    return name() + " (" + release + ")";
  }

  static int compareVersions(String a, String b) {
    int[] x = numbers(a);
    int[] y = numbers(b);
    int c = Arrays.compare(x, y);
    return c != 0 ? c : a.compareTo(b);
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String digits = parts[i].replaceAll("^(\\d*).*$", "$1");
      out[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
    return out;
  }
}
