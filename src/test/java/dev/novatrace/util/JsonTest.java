package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shared writer: the same text for the same records, on any OS. */
class JsonTest {
  record Point(String z, int a, List<String> tags, Map<String, Integer> counts, Point next) {}

  @Test
  void recordOrderSortedKeysNewlinesAndEmptyContainers() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    counts.put("b", 2);
    counts.put("a", 1);
    String json = Json.write(new Point("é \"q\"\t\u0001", 3, List.of(), counts, null));
    assertEquals("""
        {
          "z": "é \\"q\\"\\t\\u0001",
          "a": 3,
          "tags": [],
          "counts": {
            "a": 1,
            "b": 2
          },
          "next": null
        }
        """, json);
  }

  @Test
  void whatItWritesReadsBackTheSame() throws Exception {
    Point p = new Point("x", 1, List.of("t"), new TreeMap<>(Map.of("k", 2)), null);
    assertEquals(p, Json.MAPPER.readValue(Json.write(p), Point.class));
  }
}
