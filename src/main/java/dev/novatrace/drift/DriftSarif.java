package dev.novatrace.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novatrace.util.ControlChars;
import dev.novatrace.util.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Drift findings as SARIF 2.1.0, which code-scanning UIs show as annotations on the diagram's
 * lines: one result per finding, its kind as the rule, its suggestion as a fix's description.
 * The records spell out only the parts of the format we fill.
 */
public final class DriftSarif {
  private DriftSarif() {}

  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

  /** What the kinds we know mean; a kind added later is described by its label. */
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "unreadable", "The diagram cannot be read.",
      "missing-file", "A comment anchor names a file the code does not have.",
      "unparsed-file", "A comment anchor names a file that does not parse.",
      "missing-function", "A comment anchor names a function the file does not define.",
      "unknown-rpc", "The diagram draws an RPC method that no RPC API offers.",
      "wrong-route", "The diagram draws an RPC message from a service whose code does not send it.",
      "wrong-kind", "The diagram calls an RPC message a cast or a call, and the code sends it the other way.",
      "missing-step", "The code does a step that the diagram does not draw.",
      "extra-step", "The diagram draws a step that the code does not do.");

  record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  record Run(Tool tool, List<Result> results) {}

  record Tool(Driver driver) {}

  record Driver(String name, String version, List<Rule> rules) {}

  record Rule(String id, Text shortDescription, Configuration defaultConfiguration) {}

  record Configuration(String level) {}

  /** A message a SARIF viewer shows: decoded from JSON, so escaped again to stay inert. */
  record Text(String text) {
    Text {
      text = ControlChars.escape(text);
    }
  }

  record Result(String ruleId, int ruleIndex, String level, Text message,
      List<Location> locations, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Fix> fixes) {}

  record Location(PhysicalLocation physicalLocation) {}

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record ArtifactLocation(String uri) {}

  /** {@code startColumn}/{@code endColumn} are set only for the empty region of a fix. */
  record Region(int startLine, @JsonInclude(JsonInclude.Include.NON_NULL) Integer startColumn,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer endColumn) {}

  record Fix(Text description, List<ArtifactChange> artifactChanges) {}

  record ArtifactChange(ArtifactLocation artifactLocation, List<Replacement> replacements) {}

  record Replacement(Region deletedRegion) {}

  /**
   * The SARIF log of one drift run by novatrace {@code version}; diagram paths become URIs
   * relative to {@code workingDir} where they lie below it.
   */
  public static String write(List<Finding> findings, String version, Path workingDir) {
    List<Rule> rules = Arrays.stream(Finding.Kind.values()).map(DriftSarif::rule).toList();
    Driver driver = new Driver("novatrace", version, rules);
    List<Result> results = findings.stream().map(f -> result(f, workingDir)).toList();
    return Json.write(new Log(SCHEMA, "2.1.0", List.of(new Run(new Tool(driver), results))));
  }

  private static Rule rule(Finding.Kind k) {
    return new Rule(k.label, new Text(DESCRIPTIONS.getOrDefault(k.label,
        k.label.replace('-', ' ') + ".")), new Configuration(level(k)));
  }

  /** A broken link to the code is an error; a step drawn differently is for review. */
  static String level(Finding.Kind k) {
    return FailOn.aboutAnchor(k) ? "error" : "warning";
  }

  private static Result result(Finding f, Path workingDir) {
    ArtifactLocation file = new ArtifactLocation(uri(f.diagram(), workingDir));
    // SARIF lines start at 1; a finding about the whole file says line 0.
    int line = Math.max(1, f.line());
    List<Fix> fixes = f.suggestion().isEmpty() ? List.of() : List.of(fix(f, file, line));
    return new Result(f.kind().label, f.kind().ordinal(), level(f.kind()), new Text(f.message()),
        List.of(new Location(new PhysicalLocation(file, new Region(line, null, null)))), fixes);
  }

  /**
   * The suggestion as a fix's description. SARIF requires a fix to carry at least one change;
   * ours is empty (nothing deleted at the line's start, nothing inserted) because a suggestion
   * is advice for a person, and a tool that applies fixes must not alter the diagram.
   */
  private static Fix fix(Finding f, ArtifactLocation file, int line) {
    Region nothing = new Region(line, 1, 1);
    return new Fix(new Text(f.suggestion()),
        List.of(new ArtifactChange(file, List.of(new Replacement(nothing)))));
  }

  /**
   * {@code docs/a b.wsd} → {@code docs/a%20b.wsd}: relative to {@code workingDir} with forward
   * slashes where the diagram lies below it, else an absolute {@code file:} URI.
   */
  static String uri(String diagram, Path workingDir) {
    // The diagram names come from paths, so they always read back as one.
    Path abs = Path.of(diagram).toAbsolutePath().normalize();
    Path base = workingDir.toAbsolutePath().normalize();
    if (!abs.startsWith(base) || abs.equals(base)) {
      return abs.toUri().toASCIIString();
    }
    Path rel = base.relativize(abs);
    String relative = StreamSupport.stream(rel.spliterator(), false).map(Path::toString)
        .collect(Collectors.joining("/"));
    // "./" keeps a colon in the first name from reading as a URI scheme (a:b/c.wsd).
    relative = rel.getName(0).toString().contains(":") ? "./" + relative : relative;
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      return abs.toUri().toASCIIString();
    }
  }
}
