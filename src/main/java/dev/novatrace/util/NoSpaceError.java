package dev.novatrace.util;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file could not be written because its disk (or its inode table, or the user's quota) is full:
 * the user's to fix, so one line and exit 2, not an internal error. What was written before stays
 * whole, as every file is written to a temp file and moved into place.
 */
public final class NoSpaceError extends UserError {
  private static final long serialVersionUID = 1L;

  private NoSpaceError(Path target, IOException cause) {
    super("no space left on device writing " + target);
    initCause(cause);
  }

  /** {@code e} as a NoSpaceError for {@code target} if the disk is full, else {@code e} itself. */
  public static IOException check(Path target, IOException e) {
    if (isNoSpace(e)) {
      throw new NoSpaceError(target, e);
    }
    return e;
  }

  /** ENOSPC or EDQUOT, as the JDK words them (its messages are strerror's, in English). */
  static boolean isNoSpace(IOException e) {
    String text = e instanceof FileSystemException fse && fse.getReason() != null
        ? fse.getReason() : e.getMessage();
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("no space left on device") || lower.contains("disk quota exceeded");
  }
}
