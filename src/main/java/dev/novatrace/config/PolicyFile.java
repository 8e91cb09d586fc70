package dev.novatrace.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deployment's policy file ({@code policy.yaml}): rule name to check string, as oslo.policy
 * reads it (YAML; a JSON file is YAML too). An empty file overrides nothing.
 */
public final class PolicyFile {
  /** Far beyond any real policy file; a bound so a wrong path cannot fill memory. */
  static final long MAX_BYTES = 16L << 20;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path path;
  private final Map<String, String> rules;

  private PolicyFile(Path path, Map<String, String> rules) {
    this.path = path;
    this.rules = rules;
  }

  /**
   * The rules {@code file} sets.
   *
   * @throws IllegalArgumentException {@code file: message} for a file that cannot be read, is
   *     not YAML, or is not a map of rule names to check strings
   */
  public static PolicyFile read(Path file) {
    try {
      DeploymentFile.check(file, MAX_BYTES, "policy file");
      JsonNode root = YAML.readTree(file.toFile());
      return new PolicyFile(file, rules(file, root));
    } catch (JacksonException e) {
      // Jackson's message runs over several lines with a source excerpt: its first line only.
      String first = e.getOriginalMessage().lines().findFirst().orElse("not YAML");
      var where = e.getLocation();
      throw new IllegalArgumentException(file + (where != null && where.getLineNr() > 0
          ? ":" + where.getLineNr() : "") + ": not YAML: " + first, e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> rules(Path file, JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Map.of(); // an empty file, as oslo.policy loads it: no rule overridden
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(file + ": not a map of rule names to check strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(file + ": rule '" + e.getKey()
            + "' is not a check string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  /** The file as given. */
  public Path path() {
    return path;
  }

  /** Rule name to check string, sorted by name. */
  public Map<String, String> rules() {
    return new TreeMap<>(rules);
  }
}
