package dev.novatrace.history;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.Json;
import dev.novatrace.util.Markdown;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A history as text (for a terminal), markdown (tables for a README) or JSON (the data). Text and
 * markdown show what changed; JSON has every fact with its spans.
 */
public final class HistoryText {

  public enum Style { TEXT, MARKDOWN, JSON }

  private HistoryText() {}

  /** The style named {@code text}, {@code markdown} or {@code json}. */
  public static Style style(String name) {
    return Style.valueOf(name.toUpperCase(Locale.ROOT));
  }

  public static String write(HistoryReport r, Style style) {
    return switch (style) {
      case TEXT -> ControlChars.escape(text(r));
      case MARKDOWN -> markdown(r);
      case JSON -> json(r);
    };
  }

  private static String text(HistoryReport r) {
    StringBuilder sb = new StringBuilder("refs: " + String.join(", ", r.refs()) + "\n");
    for (ActionHistory a : r.actions()) {
      sb.append('\n').append(a.action()).append(": ").append(spans(a.exists())).append('\n');
      sb.append("  steps: ").append(a.refs().stream().filter(RefState::present)
          .map(s -> s.ref() + " " + s.steps()).collect(Collectors.joining(", "))).append('\n');
      for (RefState s : a.refs()) {
        s.moved().forEach(m -> sb.append("  moved at ").append(s.ref()).append(": ").append(m)
            .append('\n'));
      }
      a.changes().forEach((f, spans) -> sb.append("  ").append(f.describe()).append(": ")
          .append(spans(spans)).append('\n'));
    }
    return sb.toString();
  }

  private static String spans(List<Span> spans) {
    return spans.stream().map(Span::describe).collect(Collectors.joining("; "));
  }

  private static String markdown(HistoryReport r) {
    StringBuilder sb = new StringBuilder();
    for (ActionHistory a : r.actions()) {
      sb.append(markdown(a)).append('\n');
    }
    return sb.toString();
  }

  /** One action's timeline: steps and moves per ref, then what appeared and vanished. */
  public static String markdown(ActionHistory a) {
    StringBuilder sb = new StringBuilder("## " + Markdown.text(a.action()) + "\n\n");
    sb.append("Exists ").append(spans(a.exists())).append(".\n\n");
    sb.append("| ref | steps | anchors moved |\n| --- | ---: | --- |\n");
    for (RefState s : a.refs()) {
      sb.append("| ").append(Markdown.cell(s.ref())).append(" | ").append(s.present() ? s.steps() : "—")
          .append(" | ").append(s.moved().stream().map(m -> "`" + Markdown.codeCell(m) + "`")
              .collect(Collectors.joining("<br>"))).append(" |\n");
    }
    Map<Fact, List<Span>> changes = a.changes();
    if (!changes.isEmpty()) {
      sb.append("\n| | what | where | appears in | gone in |\n| --- | --- | --- | --- | --- |\n");
      changes.forEach((f, spans) -> spans.forEach(s -> sb.append("| ").append(f.kind().label)
          .append(" | `").append(cell(f.what())).append("` | ")
          .append(f.where().isEmpty() ? "" : "`" + cell(f.where()) + "`")
          .append(" | ").append(Markdown.cell(s.since())).append(" | ")
          .append(s.until() == null ? "" : Markdown.cell(s.until())).append(" |\n")));
    }
    return sb.toString();
  }

  /** A code span in a cell; a "\\n" a label writes for a line break reads as a space. */
  private static String cell(String s) {
    return Markdown.codeCell(s.replace("\\n", " "));
  }

  /** The JSON shape, apart from the model's own types so that changing them cannot change it. */
  record ReportOut(List<String> refs, List<ActionOut> actions) {}

  record ActionOut(String action, List<SpanOut> exists, List<RefOut> refs, List<FactOut> facts) {}

  record RefOut(String ref, boolean present, int steps, List<String> moved) {}

  record FactOut(String kind, String what, String where, List<SpanOut> spans) {}

  /** {@code until} is null while the last ref still has it. */
  record SpanOut(String since, String until) {}

  private static String json(HistoryReport r) {
    return Json.write(new ReportOut(r.refs(), r.actions().stream().map(HistoryText::out).toList()));
  }

  private static ActionOut out(ActionHistory a) {
    List<RefOut> refs = a.refs().stream()
        .map(s -> new RefOut(s.ref(), s.present(), s.steps(), s.moved())).toList();
    List<FactOut> facts = new java.util.ArrayList<>();
    a.facts().forEach((f, spans) -> facts.add(
        new FactOut(f.kind().label, f.what(), f.where(), jsonSpans(spans))));
    return new ActionOut(a.action(), jsonSpans(a.exists()), refs, facts);
  }

  private static List<SpanOut> jsonSpans(List<Span> spans) {
    return spans.stream().map(s -> new SpanOut(s.since(), s.until())).toList();
  }

}
