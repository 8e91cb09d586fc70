package dev.novatrace.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.util.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON read back for the tests: field order is part of what other tools rely on. */
public final class JsonFields {
  private JsonFields() {}

  /** {@code json} read back with the mapper that wrote it. */
  public static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field names of a JSON object, in the order written. */
  public static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
