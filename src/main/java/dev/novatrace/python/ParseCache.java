package dev.novatrace.python;

import java.lang.ref.SoftReference;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parse results by file path and content id (the git blob id), for the life of the process: a
 * file that is the same in two trees, or two releases of one repository, is parsed once. The
 * path is part of the key because the tracer tells nested functions apart by identity, so two
 * files with the same bytes must still be two modules. Results are held softly: under memory
 * pressure they are dropped and parsed again when asked for.
 *
 * <p>With a {@link ParseStore} ({@link #withStore}) a file not held in memory is first looked
 * up on disk, and what is parsed is written there for the next run.
 */
public final class ParseCache {
  /** The cache every load shares unless told otherwise. */
  public static final ParseCache PROCESS = new ParseCache();

  private record Key(String path, String id) {}

  private final ConcurrentHashMap<Key, CompletableFuture<SoftReference<ParseResult>>> results;
  private final AtomicInteger parses;
  // What a file that changed still shares with an earlier version of it.
  private final ChunkCache chunks;
  private final ParseStore store;

  public ParseCache() {
    this(new ConcurrentHashMap<>(), new AtomicInteger(), new ChunkCache(), ParseStore.NONE);
  }

  private ParseCache(ConcurrentHashMap<Key, CompletableFuture<SoftReference<ParseResult>>> results,
      AtomicInteger parses, ChunkCache chunks, ParseStore store) {
    this.results = results;
    this.parses = parses;
    this.chunks = chunks;
    this.store = store;
  }

  /**
   * This cache, sharing what it holds in memory (so one process still parses a file once, and
   * the tracer sees one module for it), backed by {@code store} on disk.
   */
  public ParseCache withStore(ParseStore store) {
    return new ParseCache(results, parses, chunks, store);
  }

  /**
   * The result for the file at {@code path} with content {@code id}, parsing it with
   * {@code parse} only if no thread has done so yet; a thread asking while another parses the same
   * file waits for that parse.
   */
  public ParseResult get(String path, String id, Supplier<ParseResult> parse) {
    Key key = new Key(path, id);
    while (true) {
      CompletableFuture<SoftReference<ParseResult>> mine = new CompletableFuture<>();
      CompletableFuture<SoftReference<ParseResult>> theirs = results.putIfAbsent(key, mine);
      if (theirs == null) {
        return parseInto(key, mine, parse);
      }
      ParseResult held = theirs.join().get();
      if (held != null) {
        return held;
      }
      results.remove(key, theirs); // dropped under memory pressure: parse it again
    }
  }

  /**
   * The result for the file at {@code path} with content {@code id} if a parse of it has finished
   * and is still held, or the store has it; empty otherwise (never parses, never waits on a
   * parse). Lets a file whose id is known without reading it (a git blob) go unread.
   */
  public Optional<ParseResult> known(String path, String id) {
    Optional<ParseResult> held = held(path, id);
    if (held.isPresent() || !store.enabled()) {
      return held;
    }
    ParseResult stored = store.read(path, id);
    if (stored == null) {
      return Optional.empty();
    }
    // Another thread may have got it first: then theirs, so the process keeps one module.
    CompletableFuture<SoftReference<ParseResult>> mine =
        CompletableFuture.completedFuture(new SoftReference<>(stored));
    CompletableFuture<SoftReference<ParseResult>> theirs =
        results.putIfAbsent(new Key(path, id), mine);
    return theirs == null ? Optional.of(stored) : Optional.of(get(path, id, () -> stored));
  }

  /**
   * The result for the file at {@code path} with content {@code id} if a parse of it has finished
   * and is still held; empty otherwise (never parses, never waits).
   */
  public Optional<ParseResult> held(String path, String id) {
    CompletableFuture<SoftReference<ParseResult>> done = results.get(new Key(path, id));
    if (done == null || !done.isDone() || done.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.ofNullable(done.join().get());
  }

  private ParseResult parseInto(Key key, CompletableFuture<SoftReference<ParseResult>> slot,
      Supplier<ParseResult> parse) {
    try {
      ParseResult r = store.read(key.path(), key.id());
      if (r == null) {
        r = parse.get();
        parses.incrementAndGet();
        store.write(r, key.id());
      }
      slot.complete(new SoftReference<>(r));
      return r;
    } catch (RuntimeException | Error e) {
      results.remove(key, slot);
      slot.completeExceptionally(e);
      throw e;
    }
  }

  ParseStore store() {
    return store;
  }

  /** After a tree is loaded: the store writes what was parsed, and keeps within its bound. */
  void settle() {
    store.settle();
  }

  /** The units of files parsed through this cache, for files that changed. */
  ChunkCache chunks() {
    return chunks;
  }

  /** How many files this cache has parsed so far (not counting those it served again). */
  public int parses() {
    return parses.get();
  }
}
