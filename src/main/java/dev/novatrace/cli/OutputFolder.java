package dev.novatrace.cli;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output folder checked before any work starts: a file in its place, a read-only mount or a
 * path under a file is the user's to fix, said in one line, not an internal error at the end.
 */
final class OutputFolder {
  private OutputFolder() {}

  static Path writable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError("cannot write to " + dir + ": it is a file, not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("cannot write to " + dir + ": " + reason(e));
    }
    if (!Files.isWritable(dir)) {
      throw new UserError("cannot write to " + dir + ": not writable");
    }
    return dir;
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return "cannot create it (" + e.getClass().getSimpleName() + ")";
  }
}
