package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The policy rules of real releases, against facts read in their source: how many are read, how
 * many left out, and the least role a few rules admit as each release enforces them by default.
 * Missing snapshots skip (fail in CI, as the other snapshot tests).
 */
class PolicyRulesIT {

  /**
   * The policy of {@code snapshot} as its release runs it: its policies package, and the
   * modules where a tree sets oslo.policy's defaults.
   */
  static Policies read(String snapshot, String project, String version) {
    Path root = Path.of("nova-snapshots", snapshot);
    if (!Files.isDirectory(root.resolve(project + "/policies"))) {
      String msg = "snapshot " + snapshot + " is not fetched (run nova-snapshots/fetch "
          + snapshot + ")";
      if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
        throw new AssertionError(msg);
      }
      Assumptions.abort(msg);
    }
    List<SourceFile> files = new ArrayList<>();
    try {
      FolderSources src = new FolderSources(root);
      files.addAll(src.list(project + "/policies", n -> n.endsWith(".py")).files());
      List<String> wanted = List.of(project + "/policy.py", project + "/common/config.py");
      src.list(project, n -> n.endsWith("policy.py") || n.endsWith("config.py")).files()
          .stream().filter(f -> wanted.contains(f.path())).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Module> modules = new ArrayList<>();
    for (ParseResult r : SourceParser.parseSources(files, 1, (done, total) -> { },
        SourceParser.DEFAULT_MAX_BYTES, ParseCache.PROCESS)) {
      if (r.module() == null) {
        throw new AssertionError(r.path() + " does not parse: " + r.diagnostics());
      }
      modules.add(r.module());
    }
    return Policies.read(CodeIndex.build(modules), project + ".policies")
        .forRelease(project, version);
  }

  private static void least(Policies p, String rule, Role expected) {
    assertTrue(p.rule(rule).isPresent(), rule + " not read");
    assertEquals(Optional.ofNullable(expected), p.least(rule), rule);
  }

  @Test
  void nova34() {
    Policies p = read("34.0.0", "nova", "34.0.0");
    // 214 RuleDefault / DocumentedRuleDefault calls in nova/policies/, every one listed.
    assertTrue(p.rules().size() >= 214, p.toString());
    assertEquals(0, p.leftOut());
    assertEquals(0, p.unlisted());
    assertTrue(p.enforceNewDefaults(), "oslo.policy >= 4.4.0: new defaults only");
    assertEquals("!", p.rule("compute:servers:resize:cross_cell").orElseThrow().checkStr());
    least(p, "compute:servers:resize:cross_cell", null);
    least(p, "os_compute_api:servers:create", Role.MEMBER);
    // servers.py: index is PROJECT_READER_OR_ADMIN, get_all_tenants ADMIN.
    least(p, "os_compute_api:servers:index", Role.READER);
    least(p, "os_compute_api:servers:index:get_all_tenants", Role.ADMIN);
    // migrate_server.py: migrate_live is PROJECT_MANAGER_OR_ADMIN since 2025.x, the form with a
    // host ADMIN (its deprecated rule names migrate_live, for an operator's override only).
    least(p, "os_compute_api:os-migrate-server:migrate_live", Role.MANAGER);
    least(p, "os_compute_api:os-migrate-server:migrate_live:host", Role.ADMIN);
    least(p, "os_compute_api:os-pause-server:pause", Role.MEMBER);
    // base.py: service_api is role:service, which none of the four roles carries.
    assertEquals(Optional.of(Role.ADMIN), p.least("service_or_admin"));
    assertFalse(p.verdict("service_api", Role.ADMIN).orElseThrow().allowed());
  }

  @Test
  void nova22() {
    Policies p = read("22.0.1", "nova", "22.0.1");
    assertTrue(p.rules().size() >= 207, p.toString());
    assertEquals(0, p.leftOut());
    assertEquals(0, p.unlisted());
    assertFalse(p.enforceNewDefaults(), "oslo.policy 3.x: deprecated defaults OR'ed in");
    least(p, "compute:servers:resize:cross_cell", null);
    // PROJECT_MEMBER (role:member and project_id) or its deprecated admin_or_owner
    // (is_admin:True or project_id): any role of the project.
    least(p, "os_compute_api:servers:create", Role.READER);
    least(p, "os_compute_api:os-pause-server:pause", Role.READER);
    // SYSTEM_ADMIN (role:admin and system_scope:all) or its deprecated is_admin:True.
    least(p, "os_compute_api:os-migrate-server:migrate_live", Role.ADMIN);
    assertEquals("policy os_compute_api:os-migrate-server:migrate_live = rule:system_admin_api"
        + " (default)", p.verdict("os_compute_api:os-migrate-server:migrate_live", Role.ADMIN)
            .orElseThrow().describe());
    // With the new defaults enforced, a project token never satisfies system_scope:all.
    Policies strict = p.with(Settings.of(List.of(p.option())).with(Policies.GROUP,
        Policies.ENFORCE_NEW_DEFAULTS, "True"));
    least(strict, "os_compute_api:os-migrate-server:migrate_live", null);
    least(strict, "os_compute_api:os-pause-server:pause", Role.MEMBER);
  }

  @Test
  void cinder29() {
    Policies p = read("cinder-29.0.0", "cinder", "29.0.0");
    // 171 calls in cinder/policies/; base.py's 4 yoga_rule_defaults are not in list_rules().
    assertTrue(p.rules().size() >= 167, p.toString());
    assertEquals(0, p.leftOut());
    assertEquals(4, p.unlisted());
    assertTrue(p.rule("system_admin_only").isEmpty());
    assertTrue(p.enforceNewDefaults());
    // volumes.py: volume:create is SYSTEM_ADMIN_OR_PROJECT_MEMBER, which is xena's
    // 'role:admin or (role:member and project_id:...)'; its deprecated rule's check is "".
    PolicyRule create = p.rule("volume:create").orElseThrow();
    assertEquals("rule:xena_system_admin_or_project_member", create.checkStr());
    assertEquals("", create.deprecatedCheckStr());
    least(p, "volume:create", Role.MEMBER);
    least(p, "volume:get", Role.READER);
    least(p, "volume_extension:quotas:update", Role.ADMIN);
  }

  /** Cinder 26 sets enforce_new_defaults=False itself (cinder/policy.py): the tree wins. */
  @Test
  void cinder26SetsItsOwnDefault() {
    Policies p = read("cinder-26.0.0", "cinder", "26.0.0");
    assertFalse(p.enforceNewDefaults());
    assertEquals("[oslo_policy] enforce_new_defaults = False (set by the tree)",
        p.describeNewDefaults());
    least(p, "volume:create", Role.READER);
  }
}
