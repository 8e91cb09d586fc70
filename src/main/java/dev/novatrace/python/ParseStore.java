package dev.novatrace.python;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Parse results kept on disk between runs, so that a second run over the same tree reads its
 * modules instead of parsing them (parsing is most of a {@code trace --all}). An entry is keyed
 * by a hash of the file's path and content id (its git blob id) and lives in a folder named by
 * {@link ParserVersion}: a changed file, another path with the same bytes, and a changed parser
 * all miss. The entry repeats path and id, checked on reading, and ends in a checksum.
 *
 * <p>Entries are written in packs, one file for all that a tree's load parsed: on this kind of
 * machine creating a file costs about a millisecond of kernel time, so one file per module made
 * a cold {@code trace --all} of Neutron (1,493 modules) 1.5 s slower, where one pack of 15 MB
 * costs 30 ms. A pack starts with an index (key, offset, length of each entry); a run reads the
 * indexes of the packs of its version once, then each entry it needs by its offset.
 *
 * <p>Never a reason for a run to fail: an entry or pack that cannot be read or decoded (corrupt,
 * truncated, removed under us) is a miss; a folder that cannot be written gets one warning and
 * is not written again in this run. A pack is written to a temp file and moved into place, so
 * concurrent runs see whole packs or none (and each writes its own). Past {@link #maxBytes} the
 * packs used longest ago are removed (a hit marks its pack used at most once a day).
 */
public final class ParseStore {

  /** The bound unless told otherwise: Nova, Neutron and Cinder releases take 15-40 MB each. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  /** A store that holds nothing and writes nothing: {@code --no-cache}. */
  public static final ParseStore NONE = new ParseStore(null, null, 0, m -> { });

  private static final int MAGIC = 0x4E545050; // "NTPP"
  private static final String SUFFIX = ".pack";
  /** Key (16 bytes), offset (8), length (4). */
  private static final int INDEX_ENTRY = 28;
  /** Entries waiting for the end of a load are written early past this, to bound memory. */
  private static final long PENDING_LIMIT = 32L << 20;
  /** How stale a pack's time may be before a hit brings it up to date. */
  private static final Duration TOUCH_AFTER = Duration.ofDays(1);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Path root;
  private final Path dir;
  private final long maxBytes;
  private final Consumer<String> warn;
  private final AtomicBoolean writable = new AtomicBoolean(true);
  private final AtomicLong hits = new AtomicLong();
  /** Where each entry of the packs found is: read on first use. Guarded by this. */
  private Map<Key, Located> index;
  private final Map<Path, Boolean> touched = new ConcurrentHashMap<>();
  /** Entries parsed since the last pack was written. Guarded by itself. */
  private final List<Pending> pending = new ArrayList<>();
  private long pendingBytes; // guarded by pending
  private boolean wrote; // guarded by pending

  private record Key(long high, long low) {}

  /** An entry in a pack, and the copy an older pack has of it (tried if this one is damaged). */
  private record Located(Path pack, long offset, int length, Located older) {}

  private record Pending(Key key, byte[] bytes) {}

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
    Path r = root.toAbsolutePath().normalize();
    return ParserVersion.current().map(v -> new ParseStore(r, r.resolve(v), maxBytes, warn))
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
    for (Located at = index().get(key(path, id)); at != null; at = at.older()) {
      ParseResult r = AstCodec.decode(bytes(at), path, id);
      if (r != null) {
        hits.incrementAndGet();
        touch(at.pack());
        return r;
      }
    }
    return null;
  }

  /**
   * The bytes of an entry, or none if they cannot be read. The pack is opened for each read, not
   * held open: an open costs some microseconds, and a store held by a long-lived process (the
   * tests run many commands in one) must not collect file descriptors.
   */
  private static byte[] bytes(Located at) {
    try (FileChannel ch = FileChannel.open(at.pack(), StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(at.length());
      readFully(ch, buf, at.offset());
      return buf.array();
    } catch (IOException | RuntimeException e) {
      return new byte[0]; // removed by a concurrent trim, or truncated: the codec rejects it
    }
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
    List<Pending> full = null;
    synchronized (pending) {
      pending.add(new Pending(key(r.path(), id), bytes));
      pendingBytes += bytes.length;
      if (pendingBytes > PENDING_LIMIT) {
        full = takePending();
      }
    }
    if (full != null) {
      writePack(full);
    }
  }

  private List<Pending> takePending() {
    List<Pending> taken = new ArrayList<>(pending);
    pending.clear();
    pendingBytes = 0;
    wrote |= !taken.isEmpty();
    return taken;
  }

  /**
   * After a tree is loaded: writes what it parsed as one pack, then, if this run wrote and the
   * folder is over its bound, removes the packs used longest ago (other versions' first, as
   * nothing reads them) down to nine-tenths of it, so the next runs need not trim again at once.
   */
  void settle() {
    if (dir == null) {
      return;
    }
    List<Pending> rest;
    boolean trim;
    synchronized (pending) {
      rest = takePending();
      trim = wrote;
      wrote = false;
    }
    writePack(rest);
    if (trim) {
      trim();
    }
  }

  private void writePack(List<Pending> entries) {
    if (entries.isEmpty() || !writable.get()) {
      return;
    }
    Path target = dir.resolve(Long.toHexString(System.currentTimeMillis()) + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
    // Named as util.AtomicFiles names its temp files, so its leftover rules hold for ours too.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
        out.write(header(entries));
        for (Pending p : entries) {
          out.write(p.bytes());
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
    } catch (IOException | RuntimeException e) {
      if (writable.getAndSet(false)) {
        warn.accept("novatrace: warning: cannot write the parse cache " + root + " ("
            + reason(e) + "); going on without keeping parses");
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a folder we could not write to in the first place
      }
    }
  }

  /** "Permission denied: /path", not only the path a file system error's message is. */
  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    return e.getMessage();
  }

  /** Magic, count, then each entry's key, offset and length, then a checksum of all that. */
  private static byte[] header(List<Pending> entries) {
    int size = 8 + entries.size() * INDEX_ENTRY + 4;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(MAGIC).putInt(entries.size());
    long offset = size;
    for (Pending p : entries) {
      b.putLong(p.key().high()).putLong(p.key().low()).putLong(offset).putInt(p.bytes().length);
      offset += p.bytes().length;
    }
    b.putInt(crc(b.array(), size - 4));
    return b.array();
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private synchronized Map<Key, Located> index() {
    if (index == null) {
      index = new HashMap<>();
      for (Path pack : packs(dir)) {
        readIndex(pack, index);
      }
    }
    return index;
  }

  /** The packs in {@code folder}, oldest name first (names start with their time). */
  private static List<Path> packs(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // no folder yet, or one we may not read: every file a miss
    }
  }

  /** Adds the entries of {@code pack} to {@code into}; a pack whose index is damaged adds none. */
  private static void readIndex(Path pack, Map<Key, Located> into) {
    try (FileChannel ch = FileChannel.open(pack, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(8);
      readFully(ch, head, 0);
      head.flip();
      int count = head.getInt(4);
      if (head.getInt(0) != MAGIC || count < 0 || 8L + (long) count * INDEX_ENTRY + 4 > size) {
        return;
      }
      ByteBuffer b = ByteBuffer.allocate(8 + count * INDEX_ENTRY + 4);
      readFully(ch, b, 0);
      if (crc(b.array(), b.capacity() - 4) != b.getInt(b.capacity() - 4)) {
        return;
      }
      b.position(8);
      for (int i = 0; i < count; i++) {
        Key k = new Key(b.getLong(), b.getLong());
        long offset = b.getLong();
        int length = b.getInt();
        if (length >= 0 && offset >= 0 && offset + length <= size) {
          into.put(k, new Located(pack, offset, length, into.get(k))); // the newest first
        }
      }
    } catch (IOException | RuntimeException e) {
      // removed meanwhile, or unreadable: its entries are misses
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new IOException("truncated");
      }
    }
  }

  private void trim() {
    try {
      List<Entry> files = files();
      long total = files.stream().mapToLong(Entry::size).sum();
      if (total <= maxBytes) {
        return;
      }
      // Other versions' packs first: no run of this build reads them.
      files.sort(Comparator.comparing((Entry e) -> e.file().startsWith(dir))
          .thenComparing(Entry::used));
      for (Entry e : files) {
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

  private record Entry(Path file, long size, FileTime used) {}

  private List<Entry> files() throws IOException {
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

  /** Marks a pack used, so trimming keeps it: once a run, and only if a day has passed. */
  private void touch(Path pack) {
    if (touched.putIfAbsent(pack, Boolean.TRUE) != null) {
      return;
    }
    try {
      long now = System.currentTimeMillis();
      if (Files.getLastModifiedTime(pack).toMillis() < now - TOUCH_AFTER.toMillis()) {
        Files.setLastModifiedTime(pack, FileTime.fromMillis(now));
      }
    } catch (IOException | RuntimeException e) {
      // a read-only cache still serves; it just cannot say what it served
    }
  }

  private static Key key(String path, String id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer d = ByteBuffer.wrap(sha.digest((path + '\0' + id)
          .getBytes(StandardCharsets.UTF_8)));
      return new Key(d.getLong(), d.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** How many results this store served in this run (for tests and the curious). */
  public long hits() {
    return hits.get();
  }

  /** The folder packs of this parser version go in; null for {@link #NONE}. */
  Path folder() {
    return dir;
  }

  /** The packs of this parser version, oldest first (for tests). */
  List<Path> packs() {
    return dir == null ? List.of() : packs(dir);
  }
}
