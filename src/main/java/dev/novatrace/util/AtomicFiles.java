package dev.novatrace.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so a reader never sees half of it: a temp file in the same folder, then an atomic
 * move. The temp file is made with the usual permissions (not createTempFile's owner-only ones),
 * so the result can be read like any other file. A process killed while writing leaves its temp
 * file behind; {@link #removeLeftovers} removes those of processes that are gone. One stopped by a
 * signal it can handle (Ctrl-C, {@code kill}) removes its own on the way out.
 */
public final class AtomicFiles {

  private static final AtomicLong COUNTER = new AtomicLong();

  /** Temp files being written now: what a process stopped by a signal must not leave behind. */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "novatrace-temp"));
  }

  /** Held while a temp file is created and filled, and while the stopping JVM deletes them. */
  private static final Object CREATING = new Object();
  /** Whether the JVM is stopping: no temp file is created any more. Guarded by CREATING. */
  private static boolean stopping;

  /**
   * Runs as the JVM stops, while writing threads still run. The writing thread may still be
   * moving a temp file into place: then the delete finds nothing, or the move finds nothing. A
   * thread about to create one creates none once this has begun: else it could create its file
   * after the delete, and the JVM halt before the thread removes it.
   */
  private static void deleteInFlight() {
    synchronized (CREATING) {
      stopping = true;
      for (Path tmp : IN_FLIGHT) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // The next run that writes to this folder removes it (removeLeftovers).
        }
      }
    }
  }

  /** {@code .NAME.PID-N.tmp}, as {@link #write} names its temp files. */
  private static final Pattern TEMP = Pattern.compile("\\..+\\.(\\d{1,18})-\\d+\\.tmp");

  private AtomicFiles() {}

  /**
   * Deletes the temp files {@link #write} left directly in {@code dir} when its process was killed:
   * those of our naming whose process is no longer alive. A live process's (this one's, or a
   * concurrent run's) are kept, as it may still move them into place.
   *
   * @return the files removed, sorted; none when {@code dir} does not exist
   */
  public static List<Path> removeLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        Matcher m = TEMP.matcher(String.valueOf(p.getFileName()));
        if (m.matches() && !alive(Long.parseLong(m.group(1)))
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && Files.deleteIfExists(p)) {
          removed.add(p);
        }
      }
    }
    return removed;
  }

  /**
   * The folder {@code target} goes in, created below {@code root} one level at a time, each
   * level checked: a link on the way must stay inside the root, as the root's real path says.
   */
  static Path insideFolder(Path root, Path target) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path file = target.toAbsolutePath().normalize();
    Path parent = file.getParent();
    if (!file.startsWith(base) || file.equals(base) || parent == null) {
      throw new UserError("refusing to write " + target + ": it is outside the output folder "
          + root);
    }
    Files.createDirectories(base);
    Path realBase = base.toRealPath();
    Path dir = base;
    for (Path part : base.relativize(parent)) {
      dir = dir.resolve(part);
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // A concurrent run made it first: checked below like any folder found.
        }
      }
      if (!dir.toRealPath().startsWith(realBase)) {
        throw new UserError("refusing to write " + target + ": " + dir
            + " is a link that leads outside the output folder " + root);
      }
    }
    return dir;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Writes {@code target}, which must lie inside the output folder {@code root}: the one check
   * every output passes, whatever named it. A name made from input that would climb out of the
   * folder ({@code ../}, an absolute path), or a folder on the way that is a link leading out of
   * it, is refused before anything is created; so is a folder standing where the file goes.
   *
   * @throws NoSpaceError when the disk is full (no bytes, or no inodes): the temp file is gone
   */
  public static void write(Path root, Path target, byte[] bytes) throws IOException {
    try {
      writeAtomically(root, target, bytes);
    } catch (IOException e) {
      throw NoSpaceError.check(target, e);
    }
  }

  private static void writeAtomically(Path root, Path target, byte[] bytes) throws IOException {
    Path dir = insideFolder(root, target);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError("cannot write " + target + ": a folder stands where the file goes");
    }
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet() + ".tmp");
    IN_FLIGHT.add(tmp);
    try {
      synchronized (CREATING) {
        if (stopping) {
          throw new IOException("stopping: " + target + " not written");
        }
        Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
      IN_FLIGHT.remove(tmp);
    }
  }
}
