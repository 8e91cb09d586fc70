package dev.novatrace.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Diagram files in an output folder that a run did not write: left from an earlier run of another
 * release, or of an action this tree no longer has. Only files that look like ours are considered
 * (an action-like name and a diagram extension), so a README or a hand-drawn {@code My Flow.wsd}
 * beside them is never touched.
 */
public final class StaleFiles {
  /** Action names as {@code trace} writes them: lower case words joined by '-' or '_'. */
  private static final Pattern OURS =
      Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*\\.(?:wsd|svg|png|puml|mmd|json)");

  private StaleFiles() {}

  /** The files directly in {@code dir} that look like ours and are not in {@code written}, sorted. */
  public static List<Path> find(Path dir, Set<Path> written) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Set<Path> mine = Set.copyOf(written.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> OURS.matcher(p.getFileName().toString()).matches())
          .filter(p -> !mine.contains(p.toAbsolutePath().normalize()))
          .sorted().toList();
    }
  }

  /** Deletes {@code files}. */
  public static void remove(List<Path> files) throws IOException {
    for (Path p : files) {
      Files.deleteIfExists(p);
    }
  }
}
