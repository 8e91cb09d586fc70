package dev.novatrace.diff;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.Markdown;
import dev.novatrace.util.Json;
import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.diff.Alignment.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a {@link DiffReport} as plain text, Markdown or JSON. */
public final class DiffText {
  private DiffText() {}

  public enum Style { TEXT, MARKDOWN, JSON }

  public static Style style(String name) {
    return Style.valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  public static String write(DiffReport r, Style style) {
    return switch (style) {
      case TEXT -> ControlChars.escape(text(r));
      case MARKDOWN -> markdown(r);
      case JSON -> json(r);
    };
  }

  // ---- text

  static String text(DiffReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.actions().size() > 1 || !r.onlyBefore().isEmpty() || !r.onlyAfter().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%-32s %7s %7s %6s %8s %8s %6s%n", "action",
          r.from(), r.to(), "added", "removed", "changed", "moved"));
      for (ActionDiff a : r.actions()) {
        sb.append(String.format(Locale.ROOT, "%-32s %7d %7d %6d %8d %8d %6d%n", a.action(),
            a.before().size(), a.after().size(), count(a, OpType.ADDED), count(a, OpType.REMOVED),
            count(a, OpType.CHANGED), a.anchorMoves().size()));
      }
      onlyLines(r).forEach(l -> sb.append(l).append('\n'));
    }
    for (ActionDiff a : r.actions()) {
      if (a.differs()) {
        sb.append('\n').append(headline(a, r)).append('\n');
        details(a).forEach(l -> sb.append("  ").append(l).append('\n'));
      } else if (r.actions().size() == 1) {
        sb.append(headline(a, r)).append('\n');
      }
    }
    return sb.toString().stripLeading();
  }

  private static String headline(ActionDiff a, DiffReport r) {
    return a.action() + ": " + a.before().size() + " steps in " + r.from() + ", "
        + a.after().size() + " in " + r.to() + "; " + count(a, OpType.ADDED) + " added, "
        + count(a, OpType.REMOVED) + " removed, " + count(a, OpType.CHANGED) + " changed, "
        + a.anchorMoves().size() + " anchors moved";
  }

  /** One line per finding: +/- steps, ~ changes, moved anchors, RPC methods. */
  public static List<String> details(ActionDiff a) {
    List<String> out = new ArrayList<>();
    for (Op<FlatStep> o : a.ops()) {
      switch (o.type()) {
        case ADDED -> out.add("+ " + o.after().describe() + at(o.after()));
        case REMOVED -> out.add("- " + o.before().describe() + at(o.before()));
        case CHANGED -> out.add("~ " + o.before().describe() + "  =>  " + o.after().describe());
        default -> { }
      }
    }
    a.anchorMoves().forEach(m -> out.add("anchor moved: " + m));
    a.rpcAppeared().forEach(m -> out.add("rpc appeared: " + m));
    a.rpcVanished().forEach(m -> out.add("rpc vanished: " + m));
    return out;
  }

  private static String at(FlatStep s) {
    return s.anchor() == null ? "" : "  [" + s.anchor() + "]";
  }

  private static List<String> onlyLines(DiffReport r) {
    List<String> out = new ArrayList<>();
    if (!r.onlyBefore().isEmpty()) {
      out.add("only in " + r.from() + ": " + String.join(", ", r.onlyBefore()));
    }
    if (!r.onlyAfter().isEmpty()) {
      out.add("only in " + r.to() + ": " + String.join(", ", r.onlyAfter()));
    }
    return out;
  }

  static int count(ActionDiff a, OpType t) {
    return a.of(t).size();
  }

  // ---- markdown

  static String markdown(DiffReport r) {
    StringBuilder sb = new StringBuilder("## novatrace diff: " + Markdown.text(r.from()) + " → "
        + Markdown.text(r.to()) + "\n\n");
    sb.append("| action | steps ").append(cell(r.from())).append(" | steps ").append(cell(r.to()))
        .append(" | added | removed | changed | anchors moved |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (ActionDiff a : r.actions()) {
      sb.append("| ").append(cell(a.action())).append(" | ").append(a.before().size())
          .append(" | ").append(a.after().size()).append(" | ").append(count(a, OpType.ADDED))
          .append(" | ").append(count(a, OpType.REMOVED)).append(" | ")
          .append(count(a, OpType.CHANGED)).append(" | ").append(a.anchorMoves().size())
          .append(" |\n");
    }
    List<String> only = onlyLines(r);
    if (!only.isEmpty()) {
      sb.append('\n');
      only.forEach(l -> sb.append("- ").append(Markdown.text(l)).append('\n'));
    }
    for (ActionDiff a : r.actions()) {
      if (a.differs()) {
        sb.append("\n### ").append(Markdown.text(a.action())).append("\n\n");
        details(a).forEach(l -> sb.append("- `").append(Markdown.code(l)).append("`\n"));
      }
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return Markdown.cell(s);
  }

  // ---- json: the published shape, one record per object

  record ReportOut(String from, String to, boolean differs, List<ActionOut> actions,
      List<String> onlyBefore, List<String> onlyAfter) {}

  record ActionOut(String action, int stepsBefore, int stepsAfter, boolean differs,
      List<StepOut> added, List<StepOut> removed, List<ChangeOut> changed,
      List<MoveOut> anchorsMoved, List<String> rpcAppeared, List<String> rpcVanished) {}

  /** A step and its anchor, "" when it has none. */
  record StepOut(String step, String anchor) {}

  record ChangeOut(StepOut before, StepOut after) {}

  record MoveOut(String before, String after) {}

  static String json(DiffReport r) {
    return Json.write(new ReportOut(r.from(), r.to(), r.differs(),
        r.actions().stream().map(DiffText::json).toList(), r.onlyBefore(), r.onlyAfter()));
  }

  private static ActionOut json(ActionDiff a) {
    return new ActionOut(a.action(), a.before().size(), a.after().size(), a.differs(),
        a.of(OpType.ADDED).stream().map(o -> step(o.after())).toList(),
        a.of(OpType.REMOVED).stream().map(o -> step(o.before())).toList(),
        a.of(OpType.CHANGED).stream()
            .map(o -> new ChangeOut(step(o.before()), step(o.after()))).toList(),
        a.anchorMoves().stream()
            .map(m -> new MoveOut(m.before().toString(), m.after().toString())).toList(),
        List.copyOf(a.rpcAppeared()), List.copyOf(a.rpcVanished()));
  }

  private static StepOut step(FlatStep s) {
    return new StepOut(s.describe(), s.anchor() == null ? "" : s.anchor().toString());
  }
}
