package dev.novatrace.neutron;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
import dev.novatrace.index.ClassInfo;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Indexed Neutron trees for the tests: a snapshot ({@code nova-snapshots/neutron-VERSION}, its
 * {@code neutron} and {@code neutron_lib} packages without {@code tests}), skipped when absent
 * (failed in CI), or a fixture folder; and deployments' {@link Plugins} built by class name.
 */
final class NeutronTrees {
  private static final Map<Path, Resolver> LOADED = new HashMap<>();

  private NeutronTrees() {}

  /** Both top-level packages a Neutron tree is read with. */
  static final List<String> PACKAGES = List.of("neutron", "neutron_lib");

  /**
   * The folder of snapshot {@code neutron-VERSION}; the test is skipped when it is not fetched
   * (failed when NOVATRACE_REQUIRE_SNAPSHOTS=1).
   */
  static Path snapshotRoot(String version) {
    Path root = Path.of("nova-snapshots", "neutron-" + version);
    if (!Files.isDirectory(root.resolve("neutron/plugins/ml2"))
        || !Files.isDirectory(root.resolve("neutron_lib"))) {
      String msg = "Neutron snapshot " + version + " is not fetched (run nova-snapshots/fetch"
          + " neutron-" + version + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    return root;
  }

  /** The resolver of snapshot {@code version}, or the test is skipped. */
  static Resolver snapshot(String version) {
    return load(snapshotRoot(version));
  }

  /** The resolver of a fixture folder under {@code src/test/resources/fixtures}. */
  static Resolver fixture(String name) {
    return load(Path.of("src/test/resources/fixtures", name));
  }

  /**
   * The resolver (with no type hints) of the Neutron packages {@code root} holds, their
   * {@code tests} left out; every file must parse. Read once per folder.
   */
  static synchronized Resolver load(Path root) {
    return LOADED.computeIfAbsent(root.toAbsolutePath(), NeutronTrees::read);
  }

  /** The same, read afresh: a new index and resolver every time. */
  static Resolver read(Path root) {
    Path r = root.toAbsolutePath();
    {
      List<SourceFile> files = new ArrayList<>();
      try {
        FolderSources src = new FolderSources(r);
        for (String p : PACKAGES) {
          if (Files.isDirectory(r.resolve(p))) {
            src.list(p, n -> n.endsWith(".py")).files().stream()
                .filter(f -> !f.path().contains("/tests/")).forEach(files::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Module> modules = new ArrayList<>();
      for (ParseResult p : SourceParser.parseSources(files, SourceParser.defaultThreads(), null,
          SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
        if (p.module() == null) {
          throw new AssertionError(p.path() + " does not parse: " + p.diagnostics());
        }
        modules.add(p.module());
      }
      return new Resolver(CodeIndex.build(modules), TypeHints.NONE);
    }
  }

  static ClassInfo cls(Resolver resolver, String dotted) {
    return resolver.classNamed(dotted).orElseThrow(() -> new AssertionError("no class " + dotted));
  }

  /**
   * A deployment: {@code core}, the services by class name (each keyed by what its
   * {@code get_plugin_type()} returns), ML2's extension and mechanism drivers by class name.
   */
  static Plugins plugins(Resolver resolver, String core, List<String> services,
      List<String> extensionDrivers, List<String> mechanismDrivers) {
    ResourceValues values = new ResourceValues(resolver);
    Map<String, ClassInfo> byType = new LinkedHashMap<>();
    for (String s : services) {
      ClassInfo c = cls(resolver, s);
      Object type = values.returned(resolver.lookupMethod(c, "get_plugin_type", null));
      if (!(type instanceof String t)) {
        throw new AssertionError("no plugin type for " + s + ": " + type);
      }
      byType.put(t, c);
    }
    return new Plugins(cls(resolver, core), byType,
        extensionDrivers.stream().map(d -> cls(resolver, d)).toList(),
        mechanismDrivers.stream().map(d -> cls(resolver, d)).toList());
  }
}
