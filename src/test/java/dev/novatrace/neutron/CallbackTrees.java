package dev.novatrace.neutron;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.ParseCache;
import dev.novatrace.python.ParseResult;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Module;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.TypeHints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Trees for the callback tests: a fixture folder, or a Neutron snapshot under nova-snapshots/
 * (skipped when absent, failed when NOVATRACE_REQUIRE_SNAPSHOTS=1). Both top-level packages,
 * {@code neutron} and {@code neutron_lib}, are parsed; {@code tests} folders are left out.
 */
final class CallbackTrees {
  static final List<String> PACKAGES = List.of("neutron", "neutron_lib");

  private CallbackTrees() {}

  /** The index and a plain resolver of the snapshot {@code neutron-<version>}. */
  static Tree snapshot(String version) {
    Path root = Path.of("nova-snapshots", "neutron-" + version);
    if (!Files.isDirectory(root.resolve("neutron_lib"))) {
      String msg = "snapshot neutron-" + version + " is not fetched (run nova-snapshots/fetch "
          + "neutron-" + version + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return of(root);
  }

  /** The index and a plain resolver of every package of {@code root} that exists. */
  static Tree of(Path root) {
    List<SourceFile> files = new ArrayList<>();
    try {
      for (String dir : PACKAGES) {
        if (Files.isDirectory(root.resolve(dir))) {
          files.addAll(new FolderSources(root).list(dir, n -> n.endsWith(".py")).files());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.removeIf(f -> f.path().contains("/tests/"));
    List<Module> modules = new ArrayList<>();
    for (ParseResult r : SourceParser.parseSources(files, SourceParser.defaultThreads(),
        (done, total) -> { }, SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
      if (r.module() == null) {
        throw new AssertionError(r.path() + " does not parse: " + r.diagnostics());
      }
      modules.add(r.module());
    }
    CodeIndex index = CodeIndex.build(modules);
    return new Tree(index, new Resolver(index, TypeHints.NONE));
  }

  record Tree(CodeIndex index, Resolver resolver) {}
}
