package dev.novatrace.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer at a time in a folder: two runs of a command into the same folder would otherwise
 * see each other's half-built output (one's {@code actions/} before its index page). The second
 * waits for the first and then does its own run whole. The lock is the operating system's
 * ({@code flock}/{@code fcntl}), so it goes away with a process however that process ends; the
 * lock file stays, as deleting it would let a third run lock a new file while a second holds the
 * old one.
 */
public final class FolderLock implements AutoCloseable {
  /** Hidden, like the temp files: no page links it and a site's stale-file sweep skips it. */
  public static final String NAME = ".novatrace.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir} (which must exist), waiting as long as another process holds it;
   * {@code onWait} runs once first if it must wait.
   */
  public static FolderLock acquire(Path dir, Runnable onWait) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        onWait.run();
        lock = channel.lock();
      }
      return new FolderLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
