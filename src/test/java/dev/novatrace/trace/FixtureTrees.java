package dev.novatrace.trace;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.ParseCache;
import dev.novatrace.python.ParseResult;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Module;
import dev.novatrace.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Python tree of our own under {@code src/test/resources/fixtures/<name>}, indexed with
 * no type hints: the resolver sees only what the code says, so a test shows one mechanism.
 */
final class FixtureTrees {
  private FixtureTrees() {}

  /** The resolver of fixture {@code name}, reading the top-level package {@code pkg}. */
  static Resolver resolver(String name, String pkg) {
    List<SourceFile> files;
    try {
      files = new FolderSources(Fixtures.ROOT.resolve(name).toAbsolutePath())
          .list(pkg, n -> n.endsWith(".py")).files();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Module> modules = new ArrayList<>();
    for (ParseResult p : SourceParser.parseSources(files, 1, null,
        SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
      if (p.module() == null) {
        throw new AssertionError("fixture " + name + " does not parse: " + p);
      }
      modules.add(p.module());
    }
    return new Resolver(CodeIndex.build(modules), TypeHints.NONE);
  }

  static ClassInfo cls(Resolver resolver, String dotted) {
    return resolver.classNamed(dotted).orElseThrow(() -> new AssertionError("no class " + dotted));
  }
}
