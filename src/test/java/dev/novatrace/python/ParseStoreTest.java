package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.novatrace.files.BlobId;
import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache on disk: what it keeps reads back the same, and nothing it meets breaks a run. */
class ParseStoreTest {

  private static final Path CONSTRUCTS = Path.of("src/test/resources/fixtures/parse-cache/constructs.py");

  @TempDir Path tmp;

  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private ParseStore store(Path dir, long maxBytes) {
    return ParseStore.in(dir, maxBytes, warnings::add);
  }

  /** Writes {@code r} under {@code id} as a run does: kept, then a pack written as a load ends. */
  private ParseStore keep(Path dir, ParseResult r, String id) {
    ParseStore store = store(dir, ParseStore.DEFAULT_MAX_BYTES);
    store.write(r, id);
    store.settle();
    return store;
  }

  /** What a later run finds (a store reads the packs there are when it first looks). */
  private ParseResult later(Path dir, String path, String id) {
    return store(dir, ParseStore.DEFAULT_MAX_BYTES).read(path, id);
  }

  private static ParseResult parse(String path, String source) {
    ParseResult r = SourceParser.parseBytes(path, source.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r.diagnostics()::toString);
    return r;
  }

  private static ParseResult constructs() throws IOException {
    return parse("pkg/constructs.py", Files.readString(CONSTRUCTS, StandardCharsets.UTF_8));
  }

  @Test
  void everyRecordAndEnumValueOfTheAstComesBackEqual() throws IOException {
    ParseResult parsed = constructs();
    Module m = parsed.module();
    ParseResult back = AstCodec.decode(AstCodec.encode(m, "id"), m.path(), "id");

    assertNotNull(back);
    assertEquals(m, back.module()); // records: deep equality, positions and source included
    assertEquals(parsed, back);
    // The fixture must hold every kind the AST has, or the check above proves less than it says.
    Set<Object> seen = new HashSet<>();
    walk(m.body(), seen);
    List<Object> missing = new ArrayList<>();
    for (Class<?> kind : concat(Stmt.class.getPermittedSubclasses(),
        Expr.class.getPermittedSubclasses(), new Class<?>[] {Arg.class, Param.class,
            Stmt.Alias.class, Stmt.WithItem.class, Stmt.Handler.class, Stmt.Case.class})) {
      if (!seen.contains(kind)) {
        missing.add(kind.getSimpleName());
      }
    }
    for (Class<?> e : List.of(Arg.Kind.class, Param.Kind.class, Expr.ConstKind.class,
        Expr.SeqKind.class)) {
      Arrays.stream(e.getEnumConstants()).filter(c -> !seen.contains(c)).forEach(missing::add);
    }
    assertEquals(List.of(), missing, "kinds the fixture lacks: add them to " + CONSTRUCTS);
  }

  private static Class<?>[] concat(Class<?>[]... arrays) {
    return Arrays.stream(arrays).flatMap(Arrays::stream).toArray(Class<?>[]::new);
  }

  /** Every record class and enum value reachable from {@code node}. */
  private static void walk(Object node, Set<Object> seen) {
    if (node instanceof List<?> list) {
      list.forEach(x -> walk(x, seen));
    } else if (node instanceof Enum<?> e) {
      seen.add(e);
    } else if (node instanceof Record r && !(node instanceof Pos)) {
      seen.add(r.getClass());
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          walk(c.getAccessor().invoke(r), seen);
        } catch (ReflectiveOperationException ex) {
          throw new AssertionError(ex);
        }
      }
    }
  }

  @Test
  void namesBeyondAsciiAndLoneSurrogatesComeBackExactly() {
    ParseResult r = parse("u.py", "x = 'é 中 🎉'\n");
    Module odd = new Module("u.py", "x = '\uD800'\n", r.module().body(), 1);
    assertEquals(odd, AstCodec.decode(AstCodec.encode(odd, "i"), "u.py", "i").module());
    assertEquals(r.module(), AstCodec.decode(AstCodec.encode(r.module(), "i"), "u.py", "i").module());
  }

  @Test
  void whatIsWrittenIsReadBackUnderItsPathAndIdOnly() throws IOException {
    Path dir = tmp.resolve("cache");
    ParseResult r = constructs();
    keep(dir, r, "id1");

    assertEquals(r, later(dir, "pkg/constructs.py", "id1"));
    assertNull(later(dir, "pkg/constructs.py", "id2"), "another content");
    assertNull(later(dir, "pkg/other.py", "id1"), "another path, the same bytes");
    assertEquals(List.of(), warnings);
  }

  @Test
  void aLoadWritesOnePack() throws IOException {
    Path dir = tmp.resolve("cache");
    ParseStore store = store(dir, ParseStore.DEFAULT_MAX_BYTES);
    for (int i = 0; i < 10; i++) {
      store.write(parse("m" + i + ".py", "x = " + i + "\n"), "id");
    }
    assertEquals(List.of(), store.packs(), "nothing written before the load ends");
    store.settle();

    assertEquals(1, store.packs().size());
    for (int i = 0; i < 10; i++) {
      assertEquals(parse("m" + i + ".py", "x = " + i + "\n"), later(dir, "m" + i + ".py", "id"));
    }
  }

  @Test
  void aCorruptPackIsAMiss() throws IOException {
    Path dir = tmp.resolve("cache");
    ParseResult r = constructs();
    Path pack = keep(dir, r, "id").packs().get(0);
    byte[] good = Files.readAllBytes(pack);
    for (int at = 0; at < good.length; at += 7) {
      byte[] bad = good.clone();
      bad[at] ^= 0x10;
      Files.write(pack, bad);
      assertNull(later(dir, r.path(), "id"), "a bit flipped at " + at);
    }
    Files.write(pack, "not a pack at all".getBytes(StandardCharsets.UTF_8));
    assertNull(later(dir, r.path(), "id"));
    Files.write(pack, new byte[0]);
    assertNull(later(dir, r.path(), "id"));
  }

  @Test
  void aTruncatedPackIsAMiss() throws IOException {
    Path dir = tmp.resolve("cache");
    ParseResult r = constructs();
    Path pack = keep(dir, r, "id").packs().get(0);
    byte[] good = Files.readAllBytes(pack);
    for (int length = 0; length < good.length; length += 1 + length / 50) {
      Files.write(pack, Arrays.copyOf(good, length));
      assertNull(later(dir, r.path(), "id"), "cut at " + length + " of " + good.length);
    }
    Files.write(pack, good);
    assertEquals(r, later(dir, r.path(), "id"));
  }

  @Test
  void aDamagedEntryIsParsedAgainAndTheNewCopyServes() throws IOException {
    Path dir = tmp.resolve("cache");
    ParseResult r = constructs();
    Path pack = keep(dir, r, "id").packs().get(0);
    byte[] bad = Files.readAllBytes(pack);
    bad[bad.length - 100] ^= 0x10; // inside the entry, past the pack's index
    Files.write(pack, bad);

    ParseCache run = new ParseCache().withStore(store(dir, ParseStore.DEFAULT_MAX_BYTES));
    assertEquals(r, run.get(r.path(), "id", () -> r));
    run.settle();
    assertEquals(1, run.parses());
    assertEquals(r, later(dir, r.path(), "id"), "the new pack's copy, whichever pack is read first");
  }

  @Test
  void aFolderThatCannotBeWrittenWarnsOnceAndTheRunGoesOn() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "in the way");
    assertRunGoesOnWithOneWarning(store(file.resolve("cache"), ParseStore.DEFAULT_MAX_BYTES));
  }

  @Test
  void aReadOnlyFolderWarnsOnceAndTheRunGoesOn() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root writes anyway: then there is nothing to see (the case above still runs)
      assumeFalse(Files.isWritable(dir), "this user writes to read-only folders");
      assertRunGoesOnWithOneWarning(store(dir, ParseStore.DEFAULT_MAX_BYTES));
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private void assertRunGoesOnWithOneWarning(ParseStore store) {
    ParseCache run = new ParseCache().withStore(store);
    for (int i = 0; i < 5; i++) {
      String path = "m" + i + ".py";
      ParseResult r = run.get(path, "id", () -> parse(path, "x = 1\n"));
      assertTrue(r.ok());
    }
    assertEquals(5, run.parses());
    run.settle();
    run.settle();
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).startsWith("novatrace: warning: cannot write the parse cache "),
        warnings.get(0));
  }

  @Test
  void concurrentWritersAndReadersSeeAWholeEntryOrNone() throws Exception {
    Path dir = tmp.resolve("cache");
    ParseResult r = constructs();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ParseResult>> reads = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // Each a store of its own, as concurrent runs have.
          ParseStore own = store(dir, ParseStore.DEFAULT_MAX_BYTES);
          boolean writer = t % 2 == 0;
          reads.add(pool.submit(() -> {
            start.await();
            if (writer) {
              own.write(r, "id");
              own.settle();
              return null;
            }
            return own.read(r.path(), "id");
          }));
        }
        start.countDown();
        for (Future<ParseResult> f : reads) {
          ParseResult read = f.get();
          assertTrue(read == null || read.equals(r), "a half entry was read");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(r, later(dir, r.path(), "id"));
    assertEquals(List.of(), warnings);
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
          "temp files left behind");
    }
  }

  @Test
  void aFileChangedBetweenRunsIsParsedAgain() throws IOException {
    Path tree = Files.createDirectories(tmp.resolve("tree/pkg"));
    Path dir = tmp.resolve("cache");
    Files.writeString(tree.resolve("m.py"), "def f():\n    return 1\n");
    Module first = load(tmp.resolve("tree"), dir, 0);

    Files.writeString(tree.resolve("m.py"), "def f():\n    return 2\n");
    Module second = load(tmp.resolve("tree"), dir, 0);
    Module third = load(tmp.resolve("tree"), dir, 1);

    assertEquals("def f():\n    return 1\n", first.source());
    assertEquals("def f():\n    return 2\n", second.source());
    assertEquals(parse("pkg/m.py", "def f():\n    return 2\n").module(), second);
    assertEquals(second, third);
  }

  /** A run: a process of its own (a new memory cache) over the store in {@code dir}. */
  private Module load(Path root, Path dir, long expectedHits) throws IOException {
    ParseStore store = store(dir, ParseStore.DEFAULT_MAX_BYTES);
    List<SourceFile> files = new FolderSources(root).list("pkg", n -> n.endsWith(".py")).files();
    List<ParseResult> results = SourceParser.parseSources(files, 1, null,
        SourceParser.DEFAULT_MAX_BYTES, new ParseCache().withStore(store));
    assertEquals(expectedHits, store.hits());
    return results.get(0).module();
  }

  @Test
  void aHitIsTheSameModuleAsTheProcessHolds() {
    Path dir = tmp.resolve("cache");
    ParseResult r = parse("m.py", "x = 1\n");
    keep(dir, r, "id");
    ParseCache run = new ParseCache().withStore(store(dir, ParseStore.DEFAULT_MAX_BYTES));

    ParseResult known = run.known("m.py", "id").orElseThrow();
    assertSame(known, run.get("m.py", "id", () -> r), "the tracer tells modules by identity");
    assertEquals(0, run.parses());
  }

  @Test
  void pastItsBoundThePacksUsedLongestAgoGoFirst() throws IOException {
    Path dir = tmp.resolve("cache");
    Path old = Files.createDirectories(dir.resolve("an-older-parser"));
    Files.write(old.resolve("0-0.pack"), new byte[3000]);
    ParseResult big = parse("big.py", "x = '" + "y".repeat(2000) + "'\n");
    long size = Files.size(keep(tmp.resolve("probe"), big, "0").packs().get(0));
    long now = System.currentTimeMillis();
    for (int i = 0; i < 20; i++) {
      List<Path> before = store(dir, 1).packs();
      List<Path> after = keep(dir, big, Integer.toString(i)).packs();
      Path added = after.stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
      Files.setLastModifiedTime(added, FileTime.fromMillis(now - (30 - i) * 60_000L));
    }
    ParseStore bounded = store(dir, size * 10);
    bounded.write(big, "20");
    bounded.settle();

    assertFalse(Files.exists(old.resolve("0-0.pack")), "another parser's packs go first");
    long total;
    try (Stream<Path> files = Files.walk(dir)) {
      total = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(total <= size * 10, total + " bytes kept, bound " + size * 10);
    assertNull(later(dir, "big.py", "0"), "used longest ago");
    assertEquals(big, later(dir, "big.py", "19"), "used last but one");
    assertEquals(big, later(dir, "big.py", "20"), "written last");
    assertEquals(List.of(), warnings);
  }

  @Test
  void aRunThatWroteNothingDoesNotTrim() {
    Path dir = tmp.resolve("cache");
    ParseResult r = parse("m.py", "x = 1\n");
    keep(dir, r, "id");
    ParseStore tiny = store(dir, 1);
    assertEquals(r, tiny.read("m.py", "id"));
    tiny.settle();
    assertEquals(r, later(dir, "m.py", "id"), "a warm run leaves the folder as it is");
  }

  @Test
  void theFolderIsTheUsersCacheUnlessXdgSaysOtherwise() {
    assertEquals(Path.of("/c/novatrace/parse"),
        ParseStore.defaultFolder(Map.of("XDG_CACHE_HOME", "/c"), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/novatrace/parse"),
        ParseStore.defaultFolder(Map.of(), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/novatrace/parse"),
        ParseStore.defaultFolder(Map.of("XDG_CACHE_HOME", "relative"), "/home/u"));
  }

  @Test
  void theParserVersionIsKnownAndNamesTheFolder() {
    String version = ParserVersion.current().orElseThrow();
    assertEquals(16, version.length());
    assertEquals(tmp.resolve("c").resolve(version),
        store(tmp.resolve("c"), 1).folder());
  }

  @Test
  void noStoreKeepsNothing() {
    ParseResult r = parse("m.py", "x = 1\n");
    ParseStore.NONE.write(r, BlobId.of(new byte[0]));
    assertNull(ParseStore.NONE.read("m.py", BlobId.of(new byte[0])));
  }
}
