package dev.novatrace.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SARIF log of drift findings, read back as JSON. */
class DriftSarifTest {
  private static final Path HERE = Path.of("").toAbsolutePath();

  private static JsonNode sarif(Finding... findings) throws Exception {
    return Json.MAPPER.readTree(DriftSarif.write(List.of(findings), "1.2.3", HERE));
  }

  @Test
  void everyKindIsARuleInOrderSoRuleIndexPointsAtIt() throws Exception {
    JsonNode rules = sarif().at("/runs/0/tool/driver/rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    assertEquals(Arrays.stream(Finding.Kind.values()).map(k -> k.label).toList(), ids);
    rules.forEach(r -> assertFalse(r.at("/shortDescription/text").asText().isBlank(), r::toString));
    assertEquals("error", rules.get(Finding.Kind.MISSING_FILE.ordinal())
        .at("/defaultConfiguration/level").asText());
    assertEquals("warning", rules.get(Finding.Kind.EXTRA_STEP.ordinal())
        .at("/defaultConfiguration/level").asText());
  }

  @Test
  void aFindingOnLineZeroStartsAtLineOne() throws Exception {
    JsonNode result = sarif(Finding.of("docs/a.wsd", 0, Finding.Kind.UNREADABLE, "empty", ""))
        .at("/runs/0/results/0");
    assertEquals(1, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertTrue(result.path("fixes").isMissingNode(), "no suggestion, no fix: " + result);
  }

  @Test
  void theSuggestionIsAFixThatChangesNothing() throws Exception {
    JsonNode fix = sarif(Finding.of("docs/a.wsd", 7, Finding.Kind.UNKNOWN_RPC, "no such method",
        "pause_instance")).at("/runs/0/results/0/fixes/0");
    assertEquals("pause_instance", fix.at("/description/text").asText());
    JsonNode change = fix.at("/artifactChanges/0");
    assertEquals("docs/a.wsd", change.at("/artifactLocation/uri").asText());
    // An empty region with nothing inserted: a tool that applies fixes leaves the file as is.
    JsonNode region = change.at("/replacements/0/deletedRegion");
    assertEquals(7, region.get("startLine").asInt());
    assertEquals(region.get("startColumn"), region.get("endColumn"));
    assertTrue(change.at("/replacements/0/insertedContent").isMissingNode(), change.toString());
  }

  @Test
  void urisAreRelativeToTheWorkingFolderWithForwardSlashesAndEscaped() {
    assertEquals("docs/a%20b.wsd", DriftSarif.uri("docs/a b.wsd", HERE));
    assertEquals("docs/a.wsd", DriftSarif.uri(HERE.resolve("docs/x/../a.wsd").toString(), HERE));
    assertEquals("./c:d/a.wsd", DriftSarif.uri("c:d/a.wsd", HERE));
    Path outside = HERE.getRoot().resolve("elsewhere").resolve("a b.wsd");
    assertEquals(outside.toUri().toASCIIString(), DriftSarif.uri(outside.toString(), HERE));
    assertTrue(DriftSarif.uri(outside.toString(), HERE).endsWith("/elsewhere/a%20b.wsd"));
  }
}
