package dev.novatrace.diff;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.Markdown;
import dev.novatrace.util.Json;
import dev.novatrace.diff.Alignment.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link DiffReport} as plain text, Markdown or JSON. Text reads like {@code git diff}:
 * with several actions a {@code --stat} of those that changed first, then per action a headline,
 * the anchors that moved and the RPC methods that appeared or vanished, and the hunks
 * ({@link Hunks}). Markdown has the summary table and a fenced {@code diff} block per action.
 */
public final class DiffText {
  private DiffText() {}

  public enum Style { TEXT, MARKDOWN, JSON }

  /**
   * How to write: {@code context} lines of context around each change ({@code -U N}), and
   * {@code stat} for the stat alone.
   */
  public record Options(int context, boolean stat) {
    public static final Options DEFAULT = new Options(Hunks.DEFAULT_CONTEXT, false);

    public Options {
      if (context < 0) {
        throw new IllegalArgumentException("context < 0");
      }
    }
  }

  public static Style style(String name) {
    return Style.valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  public static String write(DiffReport r, Style style) {
    return write(r, style, Options.DEFAULT);
  }

  public static String write(DiffReport r, Style style, Options options) {
    return switch (style) {
      case TEXT -> ControlChars.escape(text(r, options));
      case MARKDOWN -> markdown(r, options);
      case JSON -> json(r, options);
    };
  }

  // ---- text

  static String text(DiffReport r, Options o) {
    StringBuilder sb = new StringBuilder();
    if (o.stat() || r.actions().size() > 1 || !r.onlyBefore().isEmpty()
        || !r.onlyAfter().isEmpty()) {
      stat(r).forEach(l -> sb.append(l).append('\n'));
    }
    if (o.stat()) {
      return sb.toString();
    }
    for (ActionDiff a : r.actions()) {
      if (a.differs()) {
        sb.append(sb.length() == 0 ? "" : "\n");
        block(a, r, o.context()).forEach(l -> sb.append(l).append('\n'));
      } else if (r.actions().size() == 1) {
        sb.append(headline(a, r)).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * One action's diff: its headline, the anchors that moved and RPC methods that appeared or
   * vanished (where git has its extended headers), then {@code ---}/{@code +++} and the hunks.
   */
  static List<String> block(ActionDiff a, DiffReport r, int context) {
    List<String> out = new ArrayList<>();
    out.add(headline(a, r));
    out.addAll(facts(a));
    out.add("--- " + r.from() + "/" + a.action());
    out.add("+++ " + r.to() + "/" + a.action());
    out.addAll(hunkLines(a, context));
    return out;
  }

  private static String headline(ActionDiff a, DiffReport r) {
    return a.action() + ": " + a.before().size() + " steps in " + r.from() + ", "
        + a.after().size() + " in " + r.to() + "; " + a.count(OpType.ADDED) + " added, "
        + a.count(OpType.REMOVED) + " removed, " + a.count(OpType.CHANGED) + " changed, "
        + a.anchorMoves().size() + (a.anchorMoves().size() == 1 ? " anchor" : " anchors")
        + " moved";
  }

  /** The moved anchors and the RPC methods that appeared or vanished, a line each. */
  static List<String> facts(ActionDiff a) {
    List<String> out = new ArrayList<>();
    a.anchorMoves().forEach(m -> out.add("anchor moved: " + m));
    a.rpcAppeared().forEach(m -> out.add("rpc appeared: " + m));
    a.rpcVanished().forEach(m -> out.add("rpc vanished: " + m));
    return out;
  }

  /**
   * The body of an action's diff as {@code diff} writes it, without its headline and file
   * lines: the moved anchors and RPC methods, then the hunks with {@code context} lines around
   * each change. The site shows these.
   */
  public static List<String> hunks(ActionDiff a, int context) {
    List<String> out = new ArrayList<>(facts(a));
    out.addAll(hunkLines(a, context));
    return out;
  }

  /** Each hunk's header and lines. */
  private static List<String> hunkLines(ActionDiff a, int context) {
    List<String> out = new ArrayList<>();
    for (Hunks.Hunk h : Hunks.of(a, context)) {
      out.add(h.header());
      out.addAll(h.lines());
    }
    return out;
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

  // ---- stat

  /** The widest line of a stat, as git's default. */
  private static final int STAT_WIDTH = 80;

  /**
   * {@code git diff --stat}: a line per action that differs, {@code ACTION | N +++--}, where N
   * counts insertions and deletions (a changed step is one of each, as a changed line is in git),
   * then a total line and the actions only one tree has.
   */
  static List<String> stat(DiffReport r) {
    List<ActionDiff> changed = r.actions().stream().filter(ActionDiff::differs).toList();
    int nameWidth = changed.stream().mapToInt(a -> a.action().length()).max().orElse(0);
    int most = changed.stream().mapToInt(DiffText::changes).max().orElse(0);
    int numberWidth = String.valueOf(most).length();
    int graph = Math.max(10, STAT_WIDTH - nameWidth - numberWidth - 5);
    List<String> out = new ArrayList<>();
    int insertions = 0;
    int deletions = 0;
    int moved = 0;
    for (ActionDiff a : changed) {
      int plus = insertions(a);
      int minus = deletions(a);
      insertions += plus;
      deletions += minus;
      moved += a.anchorMoves().size();
      String bar = bar(plus, minus, most, graph);
      out.add(String.format(Locale.ROOT, " %-" + nameWidth + "s | %" + numberWidth + "d%s",
          a.action(), plus + minus, bar.isEmpty() ? "" : " " + bar));
    }
    out.add(" " + changed.size() + " of " + plural(r.actions().size(), "action") + " changed, "
        + plural(insertions, "insertion") + "(+), " + plural(deletions, "deletion") + "(-)"
        + (moved == 0 ? "" : ", " + plural(moved, "anchor") + " moved"));
    out.addAll(onlyLines(r));
    return out;
  }

  static int insertions(ActionDiff a) {
    return a.count(OpType.ADDED) + a.count(OpType.CHANGED);
  }

  static int deletions(ActionDiff a) {
    return a.count(OpType.REMOVED) + a.count(OpType.CHANGED);
  }

  private static int changes(ActionDiff a) {
    return insertions(a) + deletions(a);
  }

  /** The +/- bar, scaled as git scales it when the largest change does not fit. */
  static String bar(int plus, int minus, int most, int width) {
    int total = plus + minus;
    if (most > width && total > 0) {
      int scaled = scale(total, width, most);
      if (scaled < 2 && plus > 0 && minus > 0) {
        scaled = 2;
      }
      if (plus < minus) {
        plus = scale(plus, scaled, total);
        minus = scaled - plus;
      } else {
        minus = scale(minus, scaled, total);
        plus = scaled - minus;
      }
    }
    return "+".repeat(plus) + "-".repeat(minus);
  }

  private static int scale(int n, int width, int most) {
    return n == 0 ? 0 : 1 + (int) ((long) n * (width - 1) / most);
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  // ---- markdown

  static String markdown(DiffReport r, Options o) {
    StringBuilder sb = new StringBuilder("## novatrace diff: " + Markdown.text(r.from()) + " → "
        + Markdown.text(r.to()) + "\n\n");
    sb.append("| action | steps ").append(cell(r.from())).append(" | steps ").append(cell(r.to()))
        .append(" | added | removed | changed | anchors moved |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (ActionDiff a : r.actions()) {
      sb.append("| ").append(cell(a.action())).append(" | ").append(a.before().size())
          .append(" | ").append(a.after().size()).append(" | ").append(a.count(OpType.ADDED))
          .append(" | ").append(a.count(OpType.REMOVED)).append(" | ")
          .append(a.count(OpType.CHANGED)).append(" | ").append(a.anchorMoves().size())
          .append(" |\n");
    }
    List<String> only = onlyLines(r);
    if (!only.isEmpty()) {
      sb.append('\n');
      only.forEach(l -> sb.append("- ").append(Markdown.text(l)).append('\n'));
    }
    if (o.stat()) {
      return sb.toString();
    }
    for (ActionDiff a : r.actions()) {
      if (a.differs()) {
        List<String> lines = block(a, r, o.context());
        sb.append("\n### ").append(Markdown.text(a.action())).append("\n\n")
            .append(Markdown.text(lines.get(0))).append("\n\n");
        sb.append(fenced("diff", lines.subList(1, lines.size())));
      }
    }
    return sb.toString();
  }

  /** A tag could start here: {@code <} then a letter, {@code /}, {@code !} or {@code ?}. */
  private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

  /**
   * Lines in a fenced code block that nothing in them can end or turn into markup: the fence is
   * longer than any run of backticks inside (a label holding {@code ```} stays inside), control
   * characters are escaped, and a {@code <} that could start a tag is followed by a zero-width
   * space. A CommonMark renderer shows a code block's text as it is, HTML included; the space is
   * for a renderer that knows no fences and would read the lines as HTML. Entities would show
   * as written ({@code &lt;}) in every renderer that does know them.
   */
  static String fenced(String info, List<String> lines) {
    List<String> safe = lines.stream()
        .map(l -> TAG_START.matcher(ControlChars.escape(l)).replaceAll("<\u200b")).toList();
    int longest = 0;
    for (String l : safe) {
      Matcher m = BACKTICKS.matcher(l);
      while (m.find()) {
        longest = Math.max(longest, m.group().length());
      }
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    StringBuilder sb = new StringBuilder(fence).append(info).append('\n');
    safe.forEach(l -> sb.append(l).append('\n'));
    return sb.append(fence).append('\n').toString();
  }

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private static String cell(String s) {
    return Markdown.cell(s);
  }

  // ---- json: the published shape, one record per object; fields are added, never renamed

  record ReportOut(String from, String to, boolean differs, List<ActionOut> actions,
      List<String> onlyBefore, List<String> onlyAfter) {}

  /**
   * {@code added}, {@code removed} and {@code changed} hold each distinct step once, {@code copies}
   * saying in how many branches of an alt it stands; {@code hunks} is the text's diff.
   */
  record ActionOut(String action, int stepsBefore, int stepsAfter, boolean differs,
      List<StepOut> added, List<StepOut> removed, List<ChangeOut> changed,
      List<MoveOut> anchorsMoved, List<String> rpcAppeared, List<String> rpcVanished,
      int insertions, int deletions, List<HunkOut> hunks) {}

  /** A step and its anchor, "" when it has none. */
  record StepOut(String step, String anchor, int copies) {}

  /** A change; {@code words} marks the words removed as [-old-] and added as {+new+}. */
  record ChangeOut(StepOut before, StepOut after, String words, int copies) {}

  record MoveOut(String before, String after) {}

  record HunkOut(String header, List<String> lines) {}

  static String json(DiffReport r, Options o) {
    return Json.write(new ReportOut(r.from(), r.to(), r.differs(),
        r.actions().stream().map(a -> json(a, o)).toList(), r.onlyBefore(), r.onlyAfter()));
  }

  private static ActionOut json(ActionDiff a, Options o) {
    return new ActionOut(a.action(), a.before().size(), a.after().size(), a.differs(),
        a.distinct(OpType.ADDED).stream().map(c -> step(c.op().after(), c.copies())).toList(),
        a.distinct(OpType.REMOVED).stream().map(c -> step(c.op().before(), c.copies())).toList(),
        a.distinct(OpType.CHANGED).stream()
            .map(c -> new ChangeOut(step(c.op().before(), 1), step(c.op().after(), 1),
                WordDiff.of(c.op().before().describe(), c.op().after().describe()), c.copies()))
            .toList(),
        a.anchorMoves().stream()
            .map(m -> new MoveOut(m.before().toString(), m.after().toString())).toList(),
        List.copyOf(a.rpcAppeared()), List.copyOf(a.rpcVanished()), insertions(a), deletions(a),
        o.stat() ? List.of() : Hunks.of(a, o.context()).stream()
            .map(h -> new HunkOut(h.header(), h.lines())).toList());
  }

  private static StepOut step(FlatStep s, int copies) {
    return new StepOut(s.describe(), s.anchor() == null ? "" : s.anchor().toString(), copies);
  }
}
