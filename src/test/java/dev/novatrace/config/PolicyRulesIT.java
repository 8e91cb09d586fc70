package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.files.FolderSources;
import dev.novatrace.files.SourceFile;
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
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Scratch: figures. */
class PolicyRulesIT {
  static Policies read(String snapshot, String project) {
    Path root = Path.of("nova-snapshots", snapshot);
    if (!Files.isDirectory(root.resolve(project + "/policies"))) {
      Assumptions.abort("snapshot " + snapshot + " is not fetched");
    }
    List<SourceFile> files = new ArrayList<>();
    try {
      FolderSources src = new FolderSources(root);
      files.addAll(src.list(project + "/policies", n -> n.endsWith(".py")).files());
      for (String f : List.of("policy.py", "common/config.py")) {
        src.list(project, n -> n.equals(project + "/" + f)).files().forEach(files::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Module> modules = new ArrayList<>();
    for (ParseResult r : SourceParser.parseSources(files, 1, (d, t) -> { },
        SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
      modules.add(r.module());
    }
    return Policies.read(CodeIndex.build(modules), project + ".policies");
  }

  @Test
  void figures() {
    for (String[] s : new String[][] {{"34.0.0", "nova"}, {"22.0.1", "nova"},
        {"cinder-29.0.0", "cinder"}}) {
      Policies p = read(s[0], s[1]);
      java.util.Random rnd = new java.util.Random(22);
      List<PolicyRule> all = new ArrayList<>(p.rules());
      java.util.Collections.shuffle(all, rnd);
      for (String n : List.of("compute:servers:resize:cross_cell", "os_compute_api:servers:create",
          "os_compute_api:os-migrate-server:migrate_live", "os_compute_api:os-pause-server:pause",
          "volume:create", "context_is_admin")) {
        System.out.println("  FACT " + n + " least=" + p.least(n) + " " + p.verdict(n, Role.ADMIN));
      }
      for (PolicyRule r : all.subList(0, 20)) {
        System.out.println("  SAMPLE " + r.path() + ":" + r.line() + " " + p.verdict(r.name(), Role.READER).get().describe() + " least=" + p.least(r.name()).map(Role::roleName).orElse("none")
            + (r.deprecatedName() != null ? "  [dep " + r.deprecatedName() + "=" + r.deprecatedCheckStr() + "]" : ""));
      }
      System.out.println(s[0] + ": " + p + " unlisted " + p.unlisted() + " " + p.describeNewDefaults());
    }
  }
}
