package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drift} as a CI job runs it: SARIF for code scanning, and --fail-on for the exit. */
class DriftCiTest {
  private static final String MINI = MiniNova.ROOT.toString();
  private static final String STALE = "src/test/resources/fixtures/drift/stale-pause.wsd";

  @TempDir Path tmp;

  /** A pause diagram whose only findings are about its steps: no anchor at all. */
  private Path stepsOnly() throws IOException {
    return Files.writeString(tmp.resolve("steps.wsd"),
        "title pause\nclient->nova_api: pause\nnova_api->>nova_compute: pause_instances\n");
  }

  /** A misspelt RPC is one finding, the unknown RPC with the right name, not three. */
  @Test
  void aMisspeltRpcIsOneFinding() throws IOException {
    CliRun r = CliRun.run("drift", stepsOnly().toString(), "--nova", MINI);
    List<String> about = r.out().lines().filter(l -> l.contains("pause_instances")
        || l.contains("nova_compute: pause_instance")).toList();
    assertEquals(1, about.size(), r.out());
    assertTrue(about.get(0).contains("unknown-rpc: pause_instances") && about.get(0).endsWith(
        "(suggestion: pause_instance)"), r.out());
  }

  /** A diagram we drew from another project's tree is not reviewed, nor counted as reviewed. */
  @Test
  void markdownCountsOnlyTheDiagramsItReviewed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("both"));
    Files.copy(stepsOnly(), dir.resolve("pause.wsd"));
    Files.writeString(dir.resolve("extend.wsd"), "# novatrace 0.1.0 · Cinder 29.0.0 · extend ·"
        + " detail standard\ntitle extend\nclient->cinder_api: extend\n");
    CliRun r = CliRun.run("drift", dir.toString(), "--nova", MINI, "--format", "markdown");
    assertTrue(r.out().contains(" in 1 diagram."), r.out());
  }

  @Test
  void sarifHasOneResultPerFindingWithTheFieldsCodeScanningNeeds() throws IOException {
    CliRun r = CliRun.run("drift", STALE, "--nova", MINI, "--format", "sarif");
    assertEquals(1, r.code(), r.err());
    JsonNode log = Json.MAPPER.readTree(r.out());
    assertTrue(log.get("$schema").asText().endsWith("sarif-schema-2.1.0.json"), r.out());
    assertEquals("2.1.0", log.get("version").asText());
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertEquals("novatrace", driver.get("name").asText());
    assertFalse(driver.get("version").asText().isBlank(), driver.toString());
    JsonNode findings = Json.MAPPER.readTree(CliRun.run("drift", STALE, "--nova", MINI,
        "--format", "json").out()).get("findings");
    JsonNode results = log.at("/runs/0/results");
    assertEquals(findings.size(), results.size(), r.out());
    for (int i = 0; i < results.size(); i++) {
      assertResultIs(findings.get(i), results.get(i), driver.get("rules"));
    }
  }

  /** A result says what the JSON finding says, where SARIF wants it. */
  private static void assertResultIs(JsonNode finding, JsonNode result, JsonNode rules) {
    assertEquals(finding.get("kind").asText(), result.get("ruleId").asText());
    assertEquals(finding.get("kind").asText(),
        rules.get(result.get("ruleIndex").asInt()).get("id").asText());
    assertEquals(finding.get("message").asText(), result.at("/message/text").asText());
    JsonNode where = result.at("/locations/0/physicalLocation");
    assertEquals(STALE, where.at("/artifactLocation/uri").asText());
    assertEquals(finding.get("line").asInt(), where.at("/region/startLine").asInt());
    String suggestion = finding.get("suggestion").asText();
    assertEquals(suggestion, suggestion.isEmpty() ? "" : result.at("/fixes/0/description/text")
        .asText(), result.toString());
  }

  @Test
  void sarifWithoutFindingsStillNamesTheToolAndItsRules() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(0, CliRun.run("trace", "--nova", MINI, "--action", "pause", "-o",
        out.toString()).code());
    CliRun r = CliRun.run("drift", out.toString(), "--nova", MINI, "--format", "sarif");
    assertEquals(0, r.code(), r.out());
    JsonNode log = Json.MAPPER.readTree(r.out());
    assertTrue(log.at("/runs/0/results").isArray() && log.at("/runs/0/results").isEmpty());
    List<String> ids = new ArrayList<>();
    log.at("/runs/0/tool/driver/rules").forEach(rule -> ids.add(rule.get("id").asText()));
    assertTrue(ids.containsAll(List.of("missing-file", "unknown-rpc", "extra-step")), ids::toString);
  }

  @Test
  void failOnAnchorsIgnoresStepFindingsButNotABrokenAnchor() throws IOException {
    String steps = stepsOnly().toString();
    assertEquals(1, CliRun.run("drift", steps, "--nova", MINI).code(), "default: any");
    assertEquals(0, CliRun.run("drift", steps, "--nova", MINI, "--fail-on", "anchors").code());
    assertEquals(1, CliRun.run("drift", STALE, "--nova", MINI, "--fail-on", "anchors").code());
  }

  @Test
  void failOnNeverReportsTheFindingsAndExitsZero() {
    CliRun r = CliRun.run("drift", STALE, "--nova", MINI, "--fail-on", "never");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("missing-function"), r.out());
  }

  @Test
  void aMistypedFailOnIsAUsageErrorBeforeAnyWork() {
    CliRun r = CliRun.run("drift", STALE, "--nova", MINI, "--fail-on", "some");
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: --fail-on: unknown value 'some' (expected any, anchors or"
        + " never)"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void helpListsTheExitCodesAndWhatFailOnChanges() {
    CliRun r = CliRun.run("drift", "--help");
    assertEquals(0, r.code());
    for (String line : List.of("--fail-on=any|anchors|never", "sarif", "Exit codes:",
        "1  findings that --fail-on counts", "2  usage or input error", "3  internal error")) {
      assertTrue(r.out().contains(line), line + " in " + r.out());
    }
  }
}
