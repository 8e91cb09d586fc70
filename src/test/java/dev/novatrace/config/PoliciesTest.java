package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.config.PolicyCheck.And;
import dev.novatrace.config.PolicyCheck.Generic;
import dev.novatrace.config.PolicyCheck.Not;
import dev.novatrace.config.PolicyCheck.Or;
import dev.novatrace.testing.MiniNova;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mini tree's policies read, oslo.policy's check strings parsed and evaluated per role. */
class PoliciesTest {
  @TempDir Path tmp;

  private static final PolicyCheck A = new PolicyCheck.Role("a");
  private static final PolicyCheck B = new PolicyCheck.Role("b");
  private static final PolicyCheck C = new PolicyCheck.Role("c");

  private static Policies mini() {
    return Policies.read(MiniNova.workspace().index(), "nova.policies");
  }

  /** The roles a rule admits, least privileged first. */
  private static List<Role> admitted(Policies p, String rule) {
    return Arrays.stream(Role.values())
        .filter(r -> p.verdict(rule, r).orElseThrow().allowed()).toList();
  }

  /** A policy of {@code name: check} pairs, with context_is_admin at its usual default. */
  private static Policies of(String... pairs) {
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(new PolicyRule("context_is_admin", "role:admin", "base.py", 1));
    for (int i = 0; i < pairs.length; i += 2) {
      rules.add(new PolicyRule(pairs[i], pairs[i + 1], "x.py", i + 1));
    }
    return Policies.of(rules, true);
  }

  @Test
  void precedenceIsOsloPolicys() {
    assertEquals(new Or(List.of(A, new And(List.of(B, C)))),
        PolicyCheck.parse("role:a or role:b and role:c"));
    assertEquals(new Or(List.of(new And(List.of(A, B)), C)),
        PolicyCheck.parse("role:a and role:b or role:c"));
    assertEquals(new And(List.of(new Not(A), B)), PolicyCheck.parse("not role:a and role:b"));
    assertEquals(new And(List.of(new Or(List.of(A, B)), C)),
        PolicyCheck.parse("(role:a or role:b) and role:c"));
    assertEquals(new And(List.of(A, new Not(new Or(List.of(B, C))))),
        PolicyCheck.parse("role:a AND NOT (role:b or role:c)"));
    assertEquals(new Generic("project_id", "%(project_id)s"),
        PolicyCheck.parse("((project_id:%(project_id)s))"));
  }

  @Test
  void whatOsloPolicyCannotUnderstandFailsClosedAndEmptyIsAlways() {
    assertEquals(PolicyCheck.ALWAYS, PolicyCheck.parse(""));
    assertEquals(PolicyCheck.ALWAYS, PolicyCheck.parse("  "));
    assertEquals(PolicyCheck.ALWAYS, PolicyCheck.parse("@"));
    assertEquals(PolicyCheck.NEVER, PolicyCheck.parse("!"));
    for (String bad : List.of("(role:a", "role:a or", "role:a role:b", "and", "'quoted'",
        "role:a)")) {
      assertEquals(PolicyCheck.NEVER, PolicyCheck.parse(bad), bad);
    }
    // A word with no colon is a check oslo.policy fails closed on, not a parse error.
    assertEquals(new Or(List.of(PolicyCheck.NEVER, A)), PolicyCheck.parse("nonsense or role:a"));
  }

  @Test
  void eachRoleIsEvaluatedWithTheRolesItImplies() {
    Policies p = of("r", "role:reader", "m", "role:member", "g", "role:manager",
        "a", "role:admin", "any", "@", "none", "!", "empty", "",
        "own", "project_id:%(project_id)s", "user", "user_id:%(user_id)s",
        "system", "role:admin and system_scope:all", "domain", "domain_id:%(domain_id)s",
        "isadmin", "is_admin:True", "notreader", "not role:reader", "nomember", "not role:member",
        "literal", "'member':%(role.name)s", "missing", "role:%(role_name)s",
        "case", "ROLE:Member", "http", "http://example.invalid/check");
    assertEquals(List.of(Role.READER, Role.MEMBER, Role.MANAGER, Role.ADMIN), admitted(p, "r"));
    assertEquals(List.of(Role.MEMBER, Role.MANAGER, Role.ADMIN), admitted(p, "m"));
    assertEquals(List.of(Role.MANAGER, Role.ADMIN), admitted(p, "g"));
    assertEquals(List.of(Role.ADMIN), admitted(p, "a"));
    assertEquals(List.of(Role.values()), admitted(p, "any"));
    assertEquals(List.of(), admitted(p, "none"));
    assertEquals(List.of(Role.values()), admitted(p, "empty"));
    assertEquals(List.of(Role.values()), admitted(p, "own"));
    assertEquals(List.of(Role.values()), admitted(p, "user"));
    assertEquals(List.of(), admitted(p, "system"));
    assertEquals(List.of(), admitted(p, "domain"));
    assertEquals(List.of(Role.ADMIN), admitted(p, "isadmin"));
    assertEquals(List.of(), admitted(p, "notreader"));
    assertEquals(List.of(Role.READER), admitted(p, "nomember"));
    assertEquals(List.of(), admitted(p, "literal"));
    assertEquals(List.of(), admitted(p, "missing"));
    // ROLE: is no kind oslo.policy knows: a generic check on a credential there is not.
    assertEquals(List.of(), admitted(p, "case"));
    assertEquals(List.of(), admitted(p, "http"));
  }

  @Test
  void isAdminFollowsTheTreesContextIsAdmin() {
    List<PolicyRule> rules = List.of(
        new PolicyRule("context_is_admin", "role:member", "base.py", 1),
        new PolicyRule("x", "is_admin:True", "x.py", 1));
    assertEquals(Optional.of(Role.MEMBER), Policies.of(rules, true).least("x"));
    Policies none = Policies.of(List.of(new PolicyRule("x", "is_admin:True", "x.py", 1)), true);
    assertEquals(Optional.empty(), none.least("x"));
  }

  @Test
  void rulesChainAndAnUnknownRuleOrACycleIsFalse() {
    Policies p = of("top", "rule:mid or rule:gone", "mid", "rule:context_is_admin",
        "gone_too", "rule:nowhere", "loop1", "rule:loop2 or role:admin", "loop2", "rule:loop1",
        "self", "rule:self");
    assertEquals(Optional.of(Role.ADMIN), p.least("top"));
    assertEquals(Optional.empty(), p.least("gone_too"));
    assertEquals(Optional.of(Role.ADMIN), p.least("loop1"));
    assertEquals(Optional.of(Role.ADMIN), p.least("loop2"));
    assertEquals(Optional.empty(), p.least("self"));
  }

  /** Nova's context.can authorizes: a rule never registered decides nothing. */
  @Test
  void anUnregisteredRuleIsNotDecided() {
    Policies p = mini();
    assertEquals(Optional.empty(), p.verdict("os_compute_api:servers:nope", Role.ADMIN));
    assertEquals(Optional.empty(), p.least("os_compute_api:servers:nope"));
  }

  @Test
  void theMiniTreesRulesAreReadThroughTheirConstants() {
    Policies p = mini();
    assertEquals(1, p.leftOut(), "create_image's check string is computed");
    assertEquals(1, p.unlisted(), "migrate_server's unlisted rule");
    assertTrue(p.rule("os_compute_api:os-migrate-server:unlisted").isEmpty());
    assertEquals(Optional.of(Role.READER), p.least("os_compute_api:os-pause-server:inline"));
    PolicyRule detail = p.rule("os_compute_api:servers:detail").orElseThrow();
    assertEquals("rule:project_reader_or_admin", detail.checkStr());
    assertEquals("nova/policies/servers.py", detail.path());
    assertEquals("rule:project_reader_api or rule:context_is_admin",
        p.rule("project_reader_or_admin").orElseThrow().checkStr());
    assertEquals("(rule:project_member_or_admin)",
        p.rule("os_compute_api:servers:stop").orElseThrow().checkStr());
    PolicyRule member = p.rule("project_member_api").orElseThrow();
    assertEquals("rule:admin_or_owner", member.deprecatedName());
    assertEquals("is_admin:True or project_id:%(project_id)s", member.deprecatedCheckStr());

    assertEquals(Optional.empty(), p.least("compute:servers:resize:cross_cell"));
    assertEquals("policy compute:servers:resize:cross_cell = ! (default)",
        p.verdict("compute:servers:resize:cross_cell", Role.ADMIN).orElseThrow().describe());
    assertEquals(Optional.of(Role.MEMBER), p.least("os_compute_api:servers:create"));
    assertEquals(Optional.of(Role.MEMBER), p.least("os_compute_api:servers:start"));
    assertEquals(Optional.of(Role.MEMBER), p.least("os_compute_api:servers:stop"));
    assertEquals(Optional.of(Role.READER), p.least("os_compute_api:servers:detail"));
    assertEquals(Optional.of(Role.ADMIN), p.least("os_compute_api:servers:show:host_status"));
    assertEquals(Optional.of(Role.ADMIN), p.least("os_compute_api:os-migrate-server:migrate_live"));
    assertEquals(Optional.of(Role.READER), p.least("os_compute_api:os-migrate-server:migrate"));
    assertEquals(Optional.of(Role.MEMBER), p.least("os_compute_api:os-pause-server:pause"));
    assertEquals(List.of(Role.ADMIN), admitted(p, "os_compute_api:os-pause-server:unpause"));
  }

  /** Deprecated defaults OR'ed in where enforce_new_defaults is False, as oslo.policy does. */
  @Test
  void deprecatedDefaultsFollowEnforceNewDefaults() {
    Policies p = mini();
    assertTrue(p.enforceNewDefaults(), "oslo.policy's default since 4.4.0");
    assertEquals(List.of(Role.MEMBER, Role.MANAGER, Role.ADMIN), admitted(p, "project_member_api"));
    Policies old = p.forRelease("nova", "22.0.1");
    assertFalse(old.enforceNewDefaults());
    // is_admin:True or project_id:%(project_id)s admits a reader of its own project.
    assertEquals(List.of(Role.values()), admitted(old, "project_member_api"));
    assertEquals(Optional.of(Role.READER), old.least("os_compute_api:servers:create"));
    assertEquals("policy project_member_api = role:member and project_id:%(project_id)s or "
        + "is_admin:True or project_id:%(project_id)s (default or deprecated default)",
        old.verdict("project_member_api", Role.READER).orElseThrow().describe());
    assertTrue(p.forRelease("nova", "30.0.0").enforceNewDefaults());
    assertFalse(p.forRelease("cinder", "24.1.0").enforceNewDefaults());
    assertTrue(p.forRelease("cinder", "25.0.0").enforceNewDefaults());
    assertTrue(p.forRelease("nova", null).enforceNewDefaults());

    Settings set = Settings.of(List.of(p.option())).with(Policies.GROUP,
        Policies.ENFORCE_NEW_DEFAULTS, "false");
    Policies configured = p.with(set);
    assertFalse(configured.enforceNewDefaults());
    assertEquals("[oslo_policy] enforce_new_defaults = False (set)",
        configured.describeNewDefaults());
    Policies atDefault = p.with(Settings.of(List.of(p.option())));
    assertEquals("[oslo_policy] enforce_new_defaults = True (oslo.policy's default)",
        atDefault.describeNewDefaults());
    assertEquals(p.enforceNewDefaults(), p.with(Settings.NONE).enforceNewDefaults());
  }

  @Test
  void aPolicyFileOverridesAddsAndWarns() throws Exception {
    Path file = Files.writeString(tmp.resolve("policy.yaml"),
        "\"compute:servers:resize:cross_cell\": \"rule:my_admins\"\n"
        + "my_admins: \"role:admin\"\n"
        + "\"os_compute_api:servers:create\": \"\"\n");
    Policies p = mini().with(PolicyFile.read(file));
    assertEquals(Optional.of(Role.ADMIN), p.least("compute:servers:resize:cross_cell"));
    assertEquals("policy compute:servers:resize:cross_cell = rule:my_admins (policy file)",
        p.verdict("compute:servers:resize:cross_cell", Role.ADMIN).orElseThrow().describe());
    assertEquals(Optional.of(Role.READER), p.least("os_compute_api:servers:create"));
    // A rule only in the file is an alias for rule: references, not a rule to authorize.
    assertEquals(Optional.empty(), p.verdict("my_admins", Role.ADMIN));
    assertEquals(List.of(file + ": rule 'my_admins' is not registered by the tree"
        + " (kept for rule: references only)"), p.warnings());
  }

  /**
   * An override of a deprecated rule's old name carries over to the new rule, unless it restates
   * the old default or points at the new rule (oslo.policy's _handle_deprecated_rule).
   */
  @Test
  void anOverrideOfTheDeprecatedNameCarriesOver() throws Exception {
    Policies p = Policies.of(List.of(new PolicyRule("context_is_admin", "role:admin", "b.py", 1),
        new PolicyRule("new_name", "role:admin", "old_name", "role:member", "x.py", 2)), true);
    assertEquals(Optional.of(Role.ADMIN), p.least("new_name"));
    assertEquals(Optional.of(Role.MEMBER), p.forRelease("nova", "22.0.1").least("new_name"));
    for (String[] c : new String[][] {{"!", null}, {"role:reader", "READER"},
        {"role:member", "ADMIN"}, {"rule:new_name", "ADMIN"}}) {
      Path file = Files.writeString(tmp.resolve("p.yaml"), "old_name: \"" + c[0] + "\"\n");
      assertEquals(Optional.ofNullable(c[1]).map(Role::valueOf),
          p.with(PolicyFile.read(file)).least("new_name"), c[0]);
    }
    // The new name in the file wins over the old one.
    Path both = Files.writeString(tmp.resolve("both.yaml"), "old_name: \"!\"\nnew_name: \"@\"\n");
    assertEquals(Optional.of(Role.READER), p.with(PolicyFile.read(both)).least("new_name"));
  }
}
