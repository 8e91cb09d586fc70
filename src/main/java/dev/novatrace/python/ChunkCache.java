package dev.novatrace.python;

import dev.novatrace.python.ast.Stmt;
import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parsed units of files (see {@link Units}) by path and text. A release changes a few methods
 * of a module and moves the rest up or down; a unit whose text is the same as in a version of
 * the file parsed before is not parsed again but moved to its new place ({@link PosShift}). The
 * path is part of the key because the tracer tells functions apart by identity: two files never
 * share a node. Results are held softly, as whole files are in {@link ParseCache}; the texts of
 * the keys are held strongly, so they are bounded: past {@link #budget} characters the units
 * used longest ago are forgotten, and a large tree degrades to parsing them again instead of
 * filling the heap with source text.
 */
final class ChunkCache {

  private record Key(String path, String text) {}

  /** A unit's statements as parsed where it started then: at {@code line}, char {@code start}. */
  private record Parsed(int line, int start, List<Stmt> body) {}

  /** Least recently used first; guarded by itself. */
  private final LinkedHashMap<Key, SoftReference<Parsed>> units =
      new LinkedHashMap<>(16, 0.75f, true);
  private final long budget;
  private long held; // characters of the keys' texts, guarded by units
  private final AtomicInteger parsed = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  /** A cache of at most a sixteenth of the heap in source text (a byte a character, mostly). */
  ChunkCache() {
    this(Runtime.getRuntime().maxMemory() / 16);
  }

  ChunkCache(long budgetChars) {
    this.budget = budgetChars;
  }

  /**
   * The statements of the unit of {@code path} with {@code text} that starts at {@code line} and
   * char {@code start}; {@code parse} gives them, or null if the unit does not parse alone (that
   * is not remembered: the file is then parsed whole).
   */
  List<Stmt> get(String path, String text, int line, int start, Supplier<List<Stmt>> parse) {
    Key key = new Key(path, text);
    Parsed held = lookUp(key);
    if (held != null) {
      reused.incrementAndGet();
      return PosShift.shift(held.body(), line - held.line(), start - held.start());
    }
    List<Stmt> body = parse.get();
    if (body != null) {
      parsed.incrementAndGet();
      remember(key, new Parsed(line, start, List.copyOf(body)));
    }
    return body;
  }

  private Parsed lookUp(Key key) {
    synchronized (units) {
      SoftReference<Parsed> ref = units.get(key);
      return ref == null ? null : ref.get();
    }
  }

  private void remember(Key key, Parsed p) {
    synchronized (units) {
      if (units.put(key, new SoftReference<>(p)) == null) {
        held += key.text().length();
      }
      Iterator<Map.Entry<Key, SoftReference<Parsed>>> oldest = units.entrySet().iterator();
      while (held > budget && oldest.hasNext()) {
        held -= oldest.next().getKey().text().length();
        oldest.remove();
      }
    }
  }

  /** Characters of source text the cache holds now. */
  long held() {
    synchronized (units) {
      return held;
    }
  }

  /** How many units were parsed, and how many served again from an earlier parse. */
  int parsed() {
    return parsed.get();
  }

  int reused() {
    return reused.get();
  }
}
