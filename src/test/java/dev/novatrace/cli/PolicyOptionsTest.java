package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.config.Policies;
import dev.novatrace.config.Role;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --policy} and {@code --role}: read into the workspace, bad input in one line. */
class PolicyOptionsTest {
  @TempDir Path tmp;

  private CliRun delete(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova",
        MiniNova.ROOT.toString(), "--action", "delete", "-o", tmp.resolve("out").toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path notYaml = Files.writeString(tmp.resolve("bad.yaml"), "a: \"open\nb: [\n");
    Path list = Files.writeString(tmp.resolve("list.yaml"), "- role:admin\n");
    for (String[] args : List.of(
        new String[] {"--policy", tmp.resolve("missing.yaml").toString()},
        new String[] {"--policy", notYaml.toString()},
        new String[] {"--policy", list.toString()},
        new String[] {"--role", "bogus"})) {
      CliRun r = delete(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(r.err().startsWith("novatrace: " + args[0] + " "), r.err());
    }
    assertTrue(delete("--role", "bogus").err().contains(
        "unknown role 'bogus' (one of reader, member, manager, admin)"));
  }

  @Test
  void aGoodFileTracesAndWarnsOfRulesTheTreeDoesNotRegister() throws Exception {
    Path file = Files.writeString(tmp.resolve("policy.yaml"),
        "\"compute:servers:resize:cross_cell\": \"role:admin\"\nmine: \"role:admin\"\n");
    CliRun r = delete("--policy", file.toString(), "--role", "ADMIN");
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.errLines().stream().filter(l -> l.contains("'mine'")).count(), r.err());
    assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("novatrace: warning: ")),
        r.err());
  }

  /** What the options leave in the workspace: the file's rules and the role. */
  @Test
  void theWorkspaceHoldsThePolicyAndTheRole() throws Exception {
    Path file = Files.writeString(tmp.resolve("policy.yaml"),
        "\"compute:servers:resize:cross_cell\": \"rule:project_member_or_admin\"\n");
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    assertEquals(Optional.empty(), ws.policies().least("compute:servers:resize:cross_cell"));
    DeploymentOptions options = new DeploymentOptions();
    new CommandLine(options).parseArgs("--policy", file.toString(), "--role", "member");
    options.apply(ws, new PrintWriter(new StringWriter()));
    assertEquals(Role.MEMBER, ws.role());
    Policies p = ws.policies();
    assertEquals(Optional.of(Role.MEMBER), p.least("compute:servers:resize:cross_cell"));
    assertEquals("policy compute:servers:resize:cross_cell = rule:project_member_or_admin"
        + " (policy file)", p.verdict("compute:servers:resize:cross_cell", Role.MEMBER)
            .orElseThrow().describe());
    assertEquals(Optional.of(Role.MEMBER), p.least("os_compute_api:servers:create"));

    // --set reaches the policy: the deprecated default (admin or owner) is OR'ed in again.
    DeploymentOptions old = new DeploymentOptions();
    new CommandLine(old).parseArgs("--set", "oslo_policy.enforce_new_defaults=false");
    old.apply(ws, new PrintWriter(new StringWriter()));
    assertEquals(Optional.of(Role.READER), ws.policies().least("os_compute_api:servers:create"));
    assertEquals(Optional.of(Role.READER),
        ws.policies().least("compute:servers:resize:cross_cell"), "the file is kept");
  }
}
