package dev.novatrace.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novatrace.detail.Detail;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The formats {@code trace --format} accepts: their names, their files, and what is refused. */
class OutputFormatTest {

  /** What {@code --format}'s help lists, each with the suffix of the file it writes. */
  private static final Map<String, String> SUFFIXES = new LinkedHashMap<>();

  static {
    SUFFIXES.put("wsd", "wsd");
    SUFFIXES.put("json", "json");
    SUFFIXES.put("svg", "svg");
    SUFFIXES.put("png", "png");
    SUFFIXES.put("puml", "puml");
    SUFFIXES.put("mermaid", "mmd");
    SUFFIXES.put("seqdiag", "dia");
    SUFFIXES.put("callgraph", "callgraph.txt");
  }

  @Test
  void everyFormatTheHelpListsIsOneConstantWithItsSuffix() {
    assertEquals(List.copyOf(SUFFIXES.keySet()),
        Arrays.stream(OutputFormat.values()).map(OutputFormat::label).toList());
    SUFFIXES.forEach((name, suffix) -> assertEquals(suffix, OutputFormat.parse(name).suffix(),
        name));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyNameParsesInAnyCaseAndWithSpaces(OutputFormat f) {
    assertEquals(f, OutputFormat.parse(f.label()));
    assertEquals(f, OutputFormat.parse(f.label().toUpperCase(Locale.ROOT)));
    assertEquals(f, OutputFormat.parse(" " + f.label() + " "));
  }

  @Test
  void theFileIsTheActionsNameAndTheSuffix() {
    Path dir = Path.of("out");
    assertEquals(dir.resolve("pause.wsd"), OutputFormat.WSD.file(dir, "pause"));
    assertEquals(dir.resolve("pause.mmd"), OutputFormat.MERMAID.file(dir, "pause"));
    assertEquals(dir.resolve("live-migrate.json"), OutputFormat.JSON.file(dir, "live-migrate"));
    assertEquals(dir.resolve("pause.callgraph.txt"), OutputFormat.CALLGRAPH.file(dir, "pause"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gif", "mmd", "dia", "callgraph.txt", "", "js on"})
  void otherNamesAreRefusedListingTheFormats(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OutputFormat.parse(name));
    assertEquals("unknown format '" + name + "' (expected json, callgraph or"
        + " svg|png|puml|mermaid|wsd|seqdiag)", e.getMessage());
  }

  @Test
  void seqdiagIsWrittenAtOverviewUnlessTheLevelWasGiven() {
    assertEquals(Detail.OVERVIEW, OutputFormat.SEQDIAG.level(Detail.STANDARD, false));
    assertEquals(Detail.FULL, OutputFormat.SEQDIAG.level(Detail.FULL, true));
    for (OutputFormat f : OutputFormat.values()) {
      if (f != OutputFormat.SEQDIAG) {
        assertEquals(Detail.FULL, f.level(Detail.FULL, false), f.label());
      }
    }
  }
}
