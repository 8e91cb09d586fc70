package dev.novatrace.drift;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.Json;
import dev.novatrace.util.Markdown;
import java.util.List;

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
    return ControlChars.escape(sb.toString());
  }

  public static String markdown(List<Finding> findings, int diagrams, String treeLabel) {
    StringBuilder sb = new StringBuilder("## novatrace drift against ").append(Markdown.text(treeLabel))
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

  /** One finding in {@code --format json}: the anchor as written, "" where there is none. */
  record FindingOut(String diagram, int line, String kind, String path, String function,
      String message, String suggestion) {}

  record FindingsOut(List<FindingOut> findings) {}

  public static String json(List<Finding> findings) {
    return Json.write(new FindingsOut(findings.stream().map(f -> new FindingOut(f.diagram(),
        f.line(), f.kind().label, f.path(), f.function(), f.message(), f.suggestion())).toList()));
  }

  private static String cell(String s) {
    return Markdown.cell(s);
  }
}
