package dev.novatrace.cli;

import dev.novatrace.python.ParseCache;
import dev.novatrace.python.ParseStore;
import dev.novatrace.python.SourceParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How the commands that parse Python read it: {@code --max-file-size} (larger .py files are
 * skipped with a diagnostic) and the parse cache on disk ({@code --no-cache}, {@code --cache-dir}).
 */
final class ParseOptions {

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "8M",
      converter = Converter.class,
      description = ".py files larger than this are skipped, each with a diagnostic:"
          + " bytes, or with k, M or G (default: ${DEFAULT-VALUE}; Nova's largest file is 1.5M).")
  long bytes = SourceParser.DEFAULT_MAX_BYTES;

  @Option(names = "--no-cache",
      description = "Parse every file afresh: read no parse kept on disk by an earlier run, and"
          + " keep none.")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Keep parsed files in DIR (default: $XDG_CACHE_HOME/novatrace/parse, else"
          + " ~/.cache/novatrace/parse; at most 1 GiB, the entries used longest ago go first).")
  Path cacheDir;

  /** One per command run, so two trees of one run share it and its warning is said once. */
  private ParseCache cache;

  /** The parse cache of this run: the process's, backed by the folder asked for, or by none. */
  synchronized ParseCache cache(PrintWriter err) {
    if (cache == null) {
      cache = ParseCache.PROCESS.withStore(store(err));
    }
    return cache;
  }

  private ParseStore store(PrintWriter err) {
    if (noCache) {
      return ParseStore.NONE;
    }
    Path dir = cacheDir != null ? cacheDir
        : ParseStore.defaultFolder(System.getenv(), System.getProperty("user.home"));
    return ParseStore.in(dir, ParseStore.DEFAULT_MAX_BYTES, line -> {
      synchronized (err) {
        err.println(line);
        err.flush();
      }
    });
  }

  /** {@code 8M}, {@code 512k}, {@code 1G} or plain bytes; anything else is a one-line error. */
  static final class Converter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
      String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
      try {
        long n = Long.parseLong(digits);
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
          throw new NumberFormatException();
        }
        return n << shift;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a size (expected e.g. 8M, 512k or 1000000)");
      }
    }
  }
}
