package dev.novatrace.python;

import dev.novatrace.files.BlobId;
import dev.novatrace.files.FileWalk;
import dev.novatrace.files.SourceFile;
import dev.novatrace.files.SourceSet;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.util.StackSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Python source to our AST. The only entry point to the parser: nothing outside this package
 * sees ANTLR types. Every failure (undecodable bytes, syntax error, stack exhaustion) comes back
 * as a {@link Diagnostic}, never as an exception.
 *
 * <p>Parsing is two-stage: SLL prediction with a bail-out strategy succeeds on practically all
 * real code and is much faster; only a file that fails it is parsed again with full LL and the
 * default (reporting) strategy, which gives the real error or, rarely, a successful parse.
 */
public final class SourceParser {

  /** Deeply nested expressions exist in real code (the stdlib has some); parse on big stacks. */
  private static final long STACK_BYTES = 64L << 20;

  /** Called from worker threads as files finish; {@code done} counts up to {@code total}. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private SourceParser() {}

  /**
   * Files larger than this are skipped by default: eight times Nova's largest module (its biggest
   * test file is 1.5 MB), yet small enough that a stray generated file cannot exhaust the heap.
   */
  public static final long DEFAULT_MAX_BYTES = 8L << 20;

  /** Parses a file, decoding its bytes as Python does; skips it over {@link #DEFAULT_MAX_BYTES}. */
  public static ParseResult parseFile(Path file) {
    return parseFile(file, DEFAULT_MAX_BYTES);
  }

  /**
   * Parses a file of at most {@code maxBytes}. A larger file, and one whose parse runs out of
   * memory, is that file's diagnostic: the other files of a tree still parse.
   */
  public static ParseResult parseFile(Path file, long maxBytes) {
    return parseFile(file, maxBytes, ParseStore.NONE);
  }

  /** Like {@link #parseFile(Path, long)}, through {@code store}, keyed by path and blob id. */
  private static ParseResult parseFile(Path file, long maxBytes, ParseStore store) {
    String path = file.toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return failed(path, 0, 1, "file is " + size + " bytes, over the limit of " + maxBytes
            + " (--max-file-size); skipped");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return failed(path, 0, 1, "cannot read file: " + e.getMessage());
    }
    try {
      if (!store.enabled()) {
        return parseBytes(path, bytes);
      }
      String id = BlobId.of(bytes);
      ParseResult stored = store.read(path, id);
      if (stored != null) {
        return stored;
      }
      ParseResult parsed = parseBytes(path, bytes);
      store.write(parsed, id);
      return parsed;
    } catch (OutOfMemoryError e) {
      // The parse tree of this one file did not fit; what it held is garbage again once we return.
      return failed(path, 0, 1, "out of memory while parsing (" + bytes.length + " bytes);"
          + " skipped: give Java more memory (-Xmx) or lower --max-file-size");
    }
  }

  public static ParseResult parseBytes(String path, byte[] bytes) {
    return parseBytes(path, bytes, null);
  }

  /**
   * Like {@link #parseBytes(String, byte[])}, reusing through {@code chunks} (null: none) what
   * an earlier version of the file had parsed already.
   */
  static ParseResult parseBytes(String path, byte[] bytes, ChunkCache chunks) {
    String text;
    try {
      text = SourceDecoder.decode(bytes);
    } catch (SourceDecoder.DecodeException e) {
      return failed(path, 0, e.line, e.getMessage());
    }
    return parseString(path, text, chunks);
  }

  /** Parses already decoded text (line ends are normalised here too). */
  public static ParseResult parseString(String path, String source) {
    return parseString(path, source, null);
  }

  static ParseResult parseString(String path, String source, ChunkCache chunks) {
    String text = SourceDecoder.normaliseNewlines(source);
    int lines = countLines(text);
    try {
      return parseText(path, text, lines, chunks);
    } catch (StackOverflowError e) {
      return failed(path, lines, 1, "too deeply nested to parse");
    }
  }

  private static ParseResult parseText(String path, String text, int lines, ChunkCache chunks) {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      return failed(path, lines, countLines(text.substring(0, nul + 1)), "source code cannot contain null bytes");
    }
    if (chunks != null) {
      List<Stmt> body = IncrementalParser.body(path, text, chunks);
      if (body != null) {
        try {
          FutureImports.check(body);
          return new ParseResult(path, new Module(path, text, body, lines), List.of(), lines);
        } catch (SyntaxProblem p) {
          // parsed whole below, which reports it
        }
      }
    }
    ErrorCollector errors = new ErrorCollector(path);
    PythonLexer lexer = new PythonLexer(CharStreams.fromString(text, path));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    PythonParser.File_inputContext tree = fileInput(new CommonTokenStream(lexer), errors);
    if (!errors.diagnostics.isEmpty()) {
      return new ParseResult(path, null, errors.diagnostics, lines);
    }
    try {
      List<Stmt> body = new AstBuilder(new Positions(text)).module(tree);
      FutureImports.check(body);
      return new ParseResult(path, new Module(path, text, body, lines), List.of(), lines);
    } catch (SyntaxProblem p) {
      return failed(path, lines, p.line, p.column, p.getMessage());
    }
  }

  /**
   * The parse tree of a token stream; errors go to {@code errors}. SLL prediction first, which
   * is much faster and succeeds on practically all real code; full LL only when it fails.
   */
  static PythonParser.File_inputContext fileInput(CommonTokenStream tokens, ErrorCollector errors) {
    PythonParser parser = new PythonParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.file_input();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(errors);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      return parser.file_input();
    }
  }

  private static ParseResult failed(String path, int lines, int line, String message) {
    return failed(path, lines, line, 0, message);
  }

  private static ParseResult failed(String path, int lines, int line, int column, String message) {
    return new ParseResult(path, null, List.of(new Diagnostic(path, line, column, message)), lines);
  }

  static int countLines(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return text.isEmpty() || text.endsWith("\n") ? lines : lines + 1;
  }

  /**
   * Every {@code *.py} file under the roots (a root may be a file), sorted by path, following
   * symbolic links; a file reached twice is listed once. Links that cannot be followed (loops,
   * dangling) are in the result's problems.
   */
  public static FileWalk.Result findPythonFiles(List<Path> roots) throws IOException {
    return FileWalk.find(roots, name -> name.endsWith(".py"));
  }

  /**
   * Parses every {@code *.py} file under the roots on {@code threads} big-stack threads. Results
   * come sorted by path, whatever order the threads finished in; a link that could not be
   * followed is a failed result of its own.
   */
  public static List<ParseResult> parseTree(List<Path> roots, int threads, Progress progress) throws IOException {
    return withProblems(findPythonFiles(roots), threads, progress, true, DEFAULT_MAX_BYTES);
  }

  /** Like {@link #parseTree}, but only verdicts: results carry no module (see {@link ParseResult#withoutModule}). */
  public static List<ParseResult> checkTree(List<Path> roots, int threads, Progress progress,
      long maxBytes) throws IOException {
    return withProblems(findPythonFiles(roots), threads, progress, false, maxBytes);
  }

  /**
   * Like {@link #checkTree(List, int, Progress, long)}, reading and keeping parses in the store of
   * {@code cache} (not in its memory: a verdict needs no module held).
   */
  public static List<ParseResult> checkTree(List<Path> roots, int threads, Progress progress,
      long maxBytes, ParseCache cache) throws IOException {
    try {
      return withProblems(findPythonFiles(roots), threads, progress,
          file -> parseFile(file, maxBytes, cache.store()).withoutModule());
    } finally {
      cache.settle();
    }
  }

  private static List<ParseResult> withProblems(FileWalk.Result found, int threads,
      Progress progress, boolean keepModules, long maxBytes) {
    return withProblems(found, threads, progress, file -> {
      ParseResult parsed = parseFile(file, maxBytes);
      return keepModules ? parsed : parsed.withoutModule();
    });
  }

  private static List<ParseResult> withProblems(FileWalk.Result found, int threads,
      Progress progress, java.util.function.Function<Path, ParseResult> parse) {
    List<ParseResult> results = new ArrayList<>(inParallel(found.files(), threads, progress,
        parse));
    for (FileWalk.Problem p : found.problems()) {
      results.add(failed(p.path().toString(), 0, 1, p.message()));
    }
    results.sort(Comparator.comparing(ParseResult::path));
    return results;
  }

  public static List<ParseResult> parseFiles(List<Path> files, int threads, Progress progress, boolean keepModules) {
    return parseFiles(files, threads, progress, keepModules, DEFAULT_MAX_BYTES);
  }

  /** Like {@link #parseFiles(List, int, Progress, boolean)}; skips files over {@code maxBytes}. */
  public static List<ParseResult> parseFiles(List<Path> files, int threads, Progress progress,
      boolean keepModules, long maxBytes) {
    return inParallel(files, threads, progress, file -> {
      ParseResult parsed = parseFile(file, maxBytes);
      return keepModules ? parsed : parsed.withoutModule();
    });
  }

  /**
   * Parses files of a {@link SourceSet} (results named by their relative paths, in the order
   * given), through {@code cache}: a file the cache has seen with the same content, in this
   * process or (with a store) an earlier run, is not parsed again.
   */
  public static List<ParseResult> parseSources(List<SourceFile> files, int threads,
      Progress progress, long maxBytes, ParseCache cache) {
    try {
      return inParallel(files, threads, progress, f -> parseSource(f, maxBytes, cache));
    } finally {
      cache.settle();
    }
  }

  private static ParseResult parseSource(SourceFile file, long maxBytes, ParseCache cache) {
    String path = file.path();
    SourceFile.Content content;
    try {
      long size = file.size();
      if (size > maxBytes) {
        return failed(path, 0, 1, "file is " + size + " bytes, over the limit of " + maxBytes
            + " (--max-file-size); skipped");
      }
      // A git blob parsed for another release, or by an earlier run, need not even be read: its
      // id says it is the same.
      Optional<ParseResult> held = file.knownId().flatMap(id -> cache.known(path, id));
      if (held.isPresent()) {
        return held.get();
      }
      content = file.read();
    } catch (IOException e) {
      return failed(path, 0, 1, "cannot read file: " + e.getMessage());
    }
    byte[] bytes = content.bytes();
    try {
      return cache.get(path, content.id(), () -> parseBytes(path, bytes, cache.chunks()));
    } catch (OutOfMemoryError e) {
      return failed(path, 0, 1, "out of memory while parsing (" + bytes.length + " bytes);"
          + " skipped: give Java more memory (-Xmx) or lower --max-file-size");
    }
  }

  private static <T> List<ParseResult> inParallel(List<T> files, int threads, Progress progress,
      java.util.function.Function<T, ParseResult> parse) {
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(null, r, "novatrace-parse-" + counter.incrementAndGet(),
          StackSize.fit(STACK_BYTES));
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<ParseResult>> futures = new ArrayList<>(files.size());
      for (T file : files) {
        futures.add(pool.submit(() -> {
          ParseResult result = parse.apply(file);
          if (progress != null) {
            progress.update(done.incrementAndGet(), files.size());
          }
          return result;
        }));
      }
      List<ParseResult> results = new ArrayList<>(files.size());
      for (Future<ParseResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("parsing interrupted", e);
    } catch (ExecutionException e) {
      // parseFile turns every failure into a diagnostic; anything else is a bug of ours.
      throw new IllegalStateException("parse worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The worker count for a machine: one per available processor. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
