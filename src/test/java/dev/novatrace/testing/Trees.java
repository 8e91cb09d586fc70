package dev.novatrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of fixture trees that a test may change, and the changes the robustness tests make. */
public final class Trees {

  /** Where a statement injected into {@code pause} goes: before its first line. */
  private static final String PAUSE_BODY = "        instance.task_state = task_states.PAUSING\n";

  private Trees() {}

  /** Copies the folder {@code from} to {@code to} (created), files and sub-folders. */
  public static Path copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of the {@link MiniNova} tree at {@code to} whose {@code API.pause} (the first function
   * {@code trace --action pause} follows) starts with {@code code}, indented 8 spaces.
   */
  public static Path miniWithPause(Path to, String code) {
    copy(MiniNova.ROOT, to);
    Path api = to.resolve("nova/compute/api.py");
    try {
      String text = Files.readString(api, StandardCharsets.UTF_8);
      if (!text.contains(PAUSE_BODY)) {
        throw new AssertionError("the mini tree's pause() changed: " + api);
      }
      Files.writeString(api, text.replace(PAUSE_BODY, code + PAUSE_BODY), StandardCharsets.UTF_8);
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the regular files below {@code dir}, relative and sorted. */
  public static List<String> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
