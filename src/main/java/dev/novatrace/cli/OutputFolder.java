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
    if (dir.toString().equals("-")) {
      // Only trace and render write one diagram to standard output, and they say so first.
      throw new UserError("-o - (standard output) is for one diagram of trace or render; give"
          + " this command a folder");
    }
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

  /**
   * No folder stands where one of {@code files} goes: the move that puts a written file in place
   * cannot replace a folder, and that is the user's to clear before any work starts.
   */
  static void noFolderAt(java.util.Collection<Path> files) {
    for (Path f : files) {
      if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(f)) {
        throw new UserError("cannot write " + f + ": a folder stands there; remove it or choose"
            + " another output folder");
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    if (e instanceof java.nio.file.NoSuchFileException
        || e instanceof java.nio.file.NotDirectoryException
        || e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a folder on its path cannot be made there";
    }
    return "cannot create it";
  }
}
