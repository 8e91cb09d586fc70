package dev.novatrace.nova;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One line of {@code nova-snapshots/manifest.tsv}: a Nova release as Debian packages it.
 *
 * @param release OpenStack release name, e.g. {@code zed}
 * @param version upstream Nova version, e.g. {@code 26.2.2}; also the snapshot's folder name
 * @param suite Debian suite that carries it, e.g. {@code bookworm}
 * @param packageVersion exact Debian version of {@code python3-nova}, e.g. {@code 2:26.2.2-1~deb12u4}
 */
public record Snapshot(String release, String version, String suite, String packageVersion) {

  /** Orders by upstream version, numerically: 9.0.0 before 22.0.1 before 26.2.2. */
  public static final Comparator<Snapshot> BY_VERSION =
      Comparator.comparing(Snapshot::version, Snapshot::compareVersions);

  /** Whether {@code name} is this snapshot's version or (in any case) its release name. */
  public boolean answersTo(String name) {
    return version.equals(name) || release.equalsIgnoreCase(name);
  }

  @Override
  public String toString() {
    return version + " (" + release + ")";
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
