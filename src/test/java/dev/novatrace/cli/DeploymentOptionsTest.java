package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.MiniNova;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set} and {@code --conf}: another deployment drawn, and bad input in one line. */
class DeploymentOptionsTest {
  @TempDir Path tmp;

  private CliRun delete(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova",
        MiniNova.ROOT.toString(), "--action", "delete", "-o", tmp.resolve("out").toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  /** The settings the diagram's one {@code # assumes} line names, each once. */
  private static List<String> assumes(String wsd) {
    List<String> lines = wsd.lines().filter(l -> l.startsWith("# assumes ")).toList();
    assertEquals(1, lines.size(), wsd);
    return List.of(lines.get(0).substring("# assumes ".length()).split("; "));
  }

  private String drawn() throws Exception {
    return Files.readString(tmp.resolve("out/delete.wsd"));
  }

  @Test
  void theDefaultsAreAssumedAndSaidSo() throws Exception {
    assertEquals(0, delete().code());
    String wsd = drawn();
    assertTrue(assumes(wsd).contains("[DEFAULT] reclaim_instance_interval = 0 (default)"), wsd);
    assertTrue(wsd.contains("->>nova_compute: terminate_instance"), wsd);
  }

  /** The JSON says which settings decided the branches, as the diagram does. */
  @Test
  void theJsonNamesTheAssumptions() throws Exception {
    assertEquals(0, delete("--format", "json", "--set", "reclaim_instance_interval=60").code());
    var json = dev.novatrace.util.Json.MAPPER.readTree(tmp.resolve("out/delete.json").toFile());
    assertEquals("[DEFAULT] reclaim_instance_interval = 60", json.get("assumes").get(0).asText());
  }

  @Test
  void aValueSetDrawsItsBranchAsThePath() throws Exception {
    CliRun r = delete("--set", "reclaim_instance_interval=3600");
    assertEquals(0, r.code(), r.err());
    String wsd = drawn();
    assertTrue(assumes(wsd).contains("[DEFAULT] reclaim_instance_interval = 3600"), wsd);
    assertTrue(wsd.contains("  nova_api->>nova_compute: soft_delete_instance\n"), wsd);
    assertTrue(wsd.contains("note over nova_api: if [DEFAULT] reclaim_instance_interval set"
        + " otherwise: terminate_instance,"), wsd);
  }

  @Test
  void aConfFileIsReadAndWhatTheTreeDoesNotDeclareIsWarnedAboutOnce() throws Exception {
    Path conf = Files.writeString(tmp.resolve("nova.conf"), "[DEFAULT]\n# soft delete\n"
        + "reclaim_instance_interval = 60\ntransport_url = rabbit://x\n"
        + "transport_url = rabbit://y\n[oslo_messaging_rabbit]\nheartbeat = 1\n");
    CliRun r = delete("--conf", conf.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(drawn().contains("nova_api->>nova_compute: soft_delete_instance"), drawn());
    assertEquals(1, r.errLines().stream().filter(l -> l.contains("transport_url")).count(),
        r.err());
    // --set wins over the file.
    assertEquals(0, delete("--conf", conf.toString(), "--set", "reclaim_instance_interval=0")
        .code());
    assertFalse(drawn().contains("->>nova_compute: soft_delete_instance"), drawn());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.conf"), "[DEFAULT\nx = 1\n");
    Path badValue = Files.writeString(tmp.resolve("bad.conf"),
        "[DEFAULT]\nreclaim_instance_interval = soon\n");
    for (String[] args : List.of(
        new String[] {"--set", "reclaim_instance_interval=soon"},
        new String[] {"--set", "no_such_option=1"},
        new String[] {"--set", "reclaim_instance_interval"},
        new String[] {"--conf", tmp.resolve("missing.conf").toString()},
        new String[] {"--conf", broken.toString()},
        new String[] {"--conf", badValue.toString()})) {
      CliRun r = delete(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(r.err().startsWith("novatrace: --"), r.err());
    }
  }

  private CliRun miniNeutron(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova",
        dev.novatrace.testing.Fixtures.ROOT.resolve("mini-neutron").toAbsolutePath().toString(),
        "--action", "ports-create", "-o", tmp.resolve("out").toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  /**
   * {@code --set ml2.mechanism_drivers=...} names the driver followed, as {@code --driver}
   * does: its first entry (one the tree does not register is refused, naming those it does).
   */
  @Test
  void theDriverOptionSetPicksTheDriver() throws Exception {
    assertEquals(0, miniNeutron("--set", "ml2.mechanism_drivers=ovn,l2population").code());
    assertTrue(Files.readString(tmp.resolve("out/ports-create.wsd")).contains("ovn_nb"));
    CliRun other = miniNeutron("--set", "ml2.mechanism_drivers=linuxbridge");
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("linuxbridge"), other.err());
  }

  @Test
  void aDriverAndADriverOptionThatDisagreeAreAUsageError() {
    CliRun r = miniNeutron("--driver", "ovn", "--set", "ml2.mechanism_drivers=openvswitch");
    assertEquals(2, r.code());
    assertEquals("novatrace: --driver ovn and --set naming openvswitch disagree: give one\n",
        r.err());
  }
}
