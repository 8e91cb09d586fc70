package dev.novatrace.cli;

import dev.novatrace.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Clears the temp files an interrupted run left in the folders a command is about to write. */
final class Leftovers {

  private Leftovers() {}

  /** Removes them from each folder in {@code dirs} and says so in one line; silent when none. */
  static void remove(Collection<Path> dirs, PrintWriter err) {
    List<String> removed = new ArrayList<>();
    for (Path dir : new TreeSet<>(dirs)) {
      try {
        AtomicFiles.removeLeftovers(dir).forEach(p -> removed.add(p.toString()));
      } catch (IOException e) {
        // Cleaning up is a courtesy: the run itself reports a folder it cannot write.
      }
    }
    if (!removed.isEmpty()) {
      err.println("novatrace: removed " + removed.size() + " temp file"
          + (removed.size() == 1 ? "" : "s") + " left by an interrupted run: "
          + String.join(", ", removed));
    }
  }
}
