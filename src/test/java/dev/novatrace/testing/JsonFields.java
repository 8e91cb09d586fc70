package dev.novatrace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON read back for the tests: field order is part of what other tools rely on. */
public final class JsonFields {
  private JsonFields() {}

  /** The field names of a JSON object, in the order written. */
  public static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
