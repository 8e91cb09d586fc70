package dev.novatrace.python;

import dev.novatrace.python.ast.Stmt;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parsed units of files (see {@link Units}) by path and text. A release changes a few methods
 * of a module and moves the rest up or down; a unit whose text is the same as in a version of
 * the file parsed before is not parsed again but moved to its new place ({@link PosShift}). The
 * path is part of the key because the tracer tells functions apart by identity: two files never
 * share a node. Results are held softly, as whole files are in {@link ParseCache}.
 */
final class ChunkCache {

  private record Key(String path, String text) {}

  /** A unit's statements as parsed where it started then: at {@code line}, char {@code start}. */
  private record Parsed(int line, int start, List<Stmt> body) {}

  private final ConcurrentHashMap<Key, SoftReference<Parsed>> units = new ConcurrentHashMap<>();
  private final AtomicInteger parsed = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  /**
   * The statements of the unit of {@code path} with {@code text} that starts at {@code line} and
   * char {@code start}; {@code parse} gives them, or null if the unit does not parse alone (that
   * is not remembered: the file is then parsed whole).
   */
  List<Stmt> get(String path, String text, int line, int start, Supplier<List<Stmt>> parse) {
    Key key = new Key(path, text);
    SoftReference<Parsed> ref = units.get(key);
    Parsed held = ref == null ? null : ref.get();
    if (held != null) {
      reused.incrementAndGet();
      return PosShift.shift(held.body(), line - held.line(), start - held.start());
    }
    List<Stmt> body = parse.get();
    if (body != null) {
      parsed.incrementAndGet();
      units.put(key, new SoftReference<>(new Parsed(line, start, List.copyOf(body))));
    }
    return body;
  }

  /** How many units were parsed, and how many served again from an earlier parse. */
  int parsed() {
    return parsed.get();
  }

  int reused() {
    return reused.get();
  }
}
