package dev.novatrace.config;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
import dev.novatrace.files.SourceSet;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.ParseCache;
import dev.novatrace.python.ParseResult;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The options of a snapshot under nova-snapshots/: skipped when absent, failed in CI. */
final class SnapshotOptions {
  private SnapshotOptions() {}

  /** The index of {@code dir} (a package path such as {@code nova/conf}) of the snapshot. */
  static CodeIndex index(String snapshot, String dir) {
    Path root = Path.of("nova-snapshots", snapshot);
    if (!Files.isDirectory(root.resolve(dir))) {
      String msg = "snapshot " + snapshot + " is not fetched (run nova-snapshots/fetch "
          + snapshot + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return index(root, dir);
  }

  /** The index of every module under {@code dir} of {@code root}, tests left out. */
  static CodeIndex index(Path root, String dir) {
    SourceSet.Listing listing;
    try {
      listing = new FolderSources(root).list(dir, n -> n.endsWith(".py"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<SourceFile> files = new ArrayList<>(listing.files());
    files.removeIf(f -> f.path().contains("/tests/"));
    List<Module> modules = new ArrayList<>();
    for (ParseResult r : SourceParser.parseSources(files, SourceParser.defaultThreads(),
        (done, total) -> { }, SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
      if (r.module() == null) {
        throw new AssertionError(r.path() + " does not parse: " + r.diagnostics());
      }
      modules.add(r.module());
    }
    return CodeIndex.build(modules);
  }
}
