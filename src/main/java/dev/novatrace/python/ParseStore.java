package dev.novatrace.python;

import dev.novatrace.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Parse results kept on disk between runs, one file per parsed source file, so that a second run
 * over the same tree reads its modules instead of parsing them (parsing is most of a
 * {@code trace --all}). An entry's name is a hash of the file's path and content id (its git blob
 * id), in a folder named by {@link ParserVersion}: a changed file, another path with the same
 * bytes, and a changed parser all miss. The entry repeats path and id, checked on reading.
 *
 * <p>Never a reason for a run to fail: an entry that cannot be read or decoded (corrupt,
 * truncated, removed under us) is a miss; a folder that cannot be written gets one warning and
 * is not written again in this run. Entries are written to a temp file and moved into place, so
 * concurrent runs see whole entries or none. Past {@link #maxBytes} the entries used longest ago
 * are removed (a hit marks an entry used at most once a day, to keep warm runs cheap).
 */
public final class ParseStore {

  /** The bound unless told otherwise: Nova, Neutron and Cinder releases take 30-60 MB each. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  /** A store that holds nothing and writes nothing: {@code --no-cache}. */
  public static final ParseStore NONE = new ParseStore(null, null, 0, m -> { });

  /** How stale an entry's time may be before a hit brings it up to date. */
  private static final Duration TOUCH_AFTER = Duration.ofDays(1);

  private final Path root;
  private final Path dir;
  private final long maxBytes;
  private final Consumer<String> warn;
  private final AtomicBoolean writable = new AtomicBoolean(true);
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();

  private ParseStore(Path root, Path dir, long maxBytes, Consumer<String> warn) {
    this.root = root;
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.warn = warn;
  }

  /**
   * A store in {@code root} holding at most about {@code maxBytes}; {@code warn} hears the one
   * line said when the folder cannot be written. {@link #NONE} when this build cannot tell its
   * parser's version.
   */
  public static ParseStore in(Path root, long maxBytes, Consumer<String> warn) {
    return ParserVersion.current()
        .map(v -> new ParseStore(root.toAbsolutePath().normalize(),
            root.toAbsolutePath().normalize().resolve(v), maxBytes, warn))
        .orElse(NONE);
  }

  /**
   * The usual folder: {@code $XDG_CACHE_HOME/novatrace/parse} (an absolute value only, as the
   * XDG spec says), else {@code ~/.cache/novatrace/parse}.
   */
  public static Path defaultFolder(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(userHome, ".cache");
    return base.resolve("novatrace").resolve("parse");
  }

  boolean enabled() {
    return dir != null;
  }

  /** The stored result for {@code path} with content {@code id}, or null (a miss, whatever why). */
  ParseResult read(String path, String id) {
    if (dir == null) {
      return null;
    }
    Path file = entry(path, id);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return null; // absent, unreadable, or removed by a concurrent trim: parse it
    }
    ParseResult r = AstCodec.decode(bytes, path, id);
    if (r != null) {
      hits.incrementAndGet();
      touch(file);
    }
    return r;
  }

  /** Keeps a result that parsed without problems (a failure is rare and may depend on the run). */
  void write(ParseResult r, String id) {
    if (dir == null || !writable.get() || !r.ok() || r.module() == null) {
      return;
    }
    byte[] bytes;
    try {
      bytes = AstCodec.encode(r.module(), id);
    } catch (RuntimeException | StackOverflowError e) {
      return; // a tree the codec cannot hold: parsed again next time
    }
    try {
      AtomicFiles.write(root, entry(r.path(), id), bytes);
      written.addAndGet(bytes.length);
    } catch (IOException | RuntimeException e) {
      if (writable.getAndSet(false)) {
        warn.accept("novatrace: warning: cannot write the parse cache " + root + " ("
            + e.getMessage() + "); going on without keeping parses");
      }
    }
  }

  /**
   * After a tree is loaded: if this run wrote entries and the folder is over its bound, removes
   * the entries used longest ago (other versions' first, as nothing uses them) down to
   * nine-tenths of it, so the next runs need not trim again at once.
   */
  void trim() {
    if (dir == null || written.getAndSet(0) == 0) {
      return;
    }
    synchronized (this) {
      try {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::size).sum();
        if (total <= maxBytes) {
          return;
        }
        // Other versions' entries first: no run of this build reads them.
        entries.sort(Comparator.comparing((Entry e) -> e.file().startsWith(dir))
            .thenComparing(Entry::used));
        for (Entry e : entries) {
          if (total <= maxBytes / 10 * 9) {
            break;
          }
          if (Files.deleteIfExists(e.file())) {
            total -= e.size();
          }
        }
      } catch (IOException | RuntimeException e) {
        // a concurrent run trimming too, or a folder we may not list: the next run tries again
      }
    }
  }

  private record Entry(Path file, long size, FileTime used) {}

  private List<Entry> entries() throws IOException {
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          if (a.isRegularFile()) {
            out.add(new Entry(f, a.size(), a.lastModifiedTime()));
          }
        } catch (NoSuchFileException gone) {
          // removed meanwhile
        }
      }
    }
    return out;
  }

  /** Marks an entry used, so trimming keeps it; at most once a day, each hit costs a stat. */
  private static void touch(Path file) {
    try {
      FileTime now = FileTime.fromMillis(System.currentTimeMillis());
      FileTime then = Files.getLastModifiedTime(file);
      if (then.toMillis() < now.toMillis() - TOUCH_AFTER.toMillis()) {
        Files.setLastModifiedTime(file, now);
      }
    } catch (IOException | RuntimeException e) {
      // a read-only cache still serves; it just cannot say what it served
    }
  }

  /** {@code dir/ab/cdef...}: a hash of path and id, spread over 256 folders. */
  Path entry(String path, String id) {
    String key = sha256(path + '\0' + id);
    return dir.resolve(key.substring(0, 2)).resolve(key.substring(2));
  }

  private static String sha256(String s) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** How many results this store served in this run (for tests and the curious). */
  public long hits() {
    return hits.get();
  }

  /** The folder entries of this parser version go in; null for {@link #NONE}. */
  Path folder() {
    return dir;
  }
}
