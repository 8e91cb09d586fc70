package dev.novatrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Nova repository made from the four snapshots: on {@code master}, one commit per snapshot's
 * {@code nova/}, oldest first, tagged as OpenStack tags its stable series. Built once under
 * {@code target/} (a marker says it is complete) and reused by every test that reads it.
 */
public final class NovaHistoryRepo {
  /** Snapshot version, tag, and a commit date in release order. */
  public record Release(String version, String tag, boolean annotated, LocalDate date) {}

  public static final List<Release> RELEASES = List.of(
      new Release("22.0.1", "victoria-eom", true, LocalDate.of(2021, 1, 20)),
      new Release("26.2.2", "zed-eom", true, LocalDate.of(2024, 6, 4)),
      new Release("31.0.0", "2025.1-eom", true, LocalDate.of(2025, 4, 2)),
      new Release("34.0.0", "34.0.0", false, LocalDate.of(2026, 10, 1)));

  private static final Path DIR = Path.of("target/nova-history.git");
  private static final Path DONE = Path.of("target/nova-history.complete");

  private NovaHistoryRepo() {}

  /**
   * The bare repository, built from the snapshots of {@link #RELEASES} that are unpacked in
   * {@code nova-snapshots/} (tests require the ones they read), if it is not there yet.
   */
  public static synchronized Path get() throws IOException {
    List<Release> present = RELEASES.stream()
        .filter(r -> Files.isDirectory(Path.of("nova-snapshots", r.version(), "nova", "compute")))
        .toList();
    String marker = present.stream().map(Release::tag).toList() + "\n";
    if (Files.isRegularFile(DONE) && Files.readString(DONE).equals(marker)) {
      return DIR;
    }
    Files.deleteIfExists(DONE);
    deleteTree(DIR);
    try (GitFixtures git = GitFixtures.bare(DIR)) {
      for (Release r : present) {
        git.commit(GitFixtures.novaFiles(Path.of("nova-snapshots", r.version())),
            r.date().atStartOfDay().toEpochSecond(ZoneOffset.UTC), "Nova " + r.version() + "\n");
        git.tag(r.tag(), r.annotated());
      }
    }
    Files.writeString(DONE, marker);
    return DIR;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
