package dev.novatrace.diff;

import dev.novatrace.util.Json;
import java.util.List;
import java.util.stream.Collectors;

/** Writes drift findings as text lines, a Markdown review comment, or JSON. */
public final class DriftText {
  private DriftText() {}

  /** {@code diagram:line: kind: message (suggestion: ...)}, one a line. */
  public static String text(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(f.diagram()).append(':').append(f.line()).append(": ").append(f.kind().label)
          .append(": ").append(f.message());
      if (!f.suggestion().isEmpty()) {
        sb.append(" (suggestion: ").append(f.suggestion()).append(')');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static String markdown(List<Finding> findings, int diagrams, String treeLabel) {
    StringBuilder sb = new StringBuilder("## novatrace drift against ").append(treeLabel)
        .append("\n\n");
    if (findings.isEmpty()) {
      return sb.append("No drift: ").append(diagrams).append(" diagram")
          .append(diagrams == 1 ? "" : "s").append(" match the code.\n").toString();
    }
    sb.append(findings.size()).append(" finding").append(findings.size() == 1 ? "" : "s")
        .append(" in ").append(diagrams).append(" diagram").append(diagrams == 1 ? "" : "s")
        .append(".\n\n| diagram | line | kind | message | suggestion |\n")
        .append("| --- | ---: | --- | --- | --- |\n");
    for (Finding f : findings) {
      sb.append("| ").append(cell(f.diagram())).append(" | ").append(f.line()).append(" | `")
          .append(f.kind().label).append("` | ").append(cell(f.message())).append(" | ")
          .append(cell(f.suggestion())).append(" |\n");
    }
    return sb.toString();
  }

  public static String json(List<Finding> findings) {
    String items = findings.stream().map(f -> "  {\"diagram\": " + Json.quote(f.diagram())
        + ", \"line\": " + f.line() + ", \"kind\": " + Json.quote(f.kind().label)
        + ", \"path\": " + Json.quote(f.path()) + ", \"function\": " + Json.quote(f.function())
        + ", \"message\": " + Json.quote(f.message()) + ", \"suggestion\": "
        + Json.quote(f.suggestion()) + "}").collect(Collectors.joining(",\n"));
    return findings.isEmpty() ? "{\"findings\": []}\n" : "{\"findings\": [\n" + items + "\n]}\n";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
