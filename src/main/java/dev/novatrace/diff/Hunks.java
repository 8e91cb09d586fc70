package dev.novatrace.diff;

import dev.novatrace.diff.Alignment.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ActionDiff} as {@code git diff} shows two files: hunks of changed lines with lines of
 * context around them. The "files" are the two traces listed one step a line, indented by block
 * depth, with a comment line {@code # path function()} where the anchor changes, as the
 * {@code .wsd} has it. So a renamed function is its comment line removed and added, the steps
 * under it unchanged. A line starts with {@code ' '} (the same in both), {@code '-'} (only in
 * the first), {@code '+'} (only in the second) or {@code '~'}: a step changed in place, its
 * changed words marked as {@link WordDiff} does; it stands for a line of each side. A hunk's
 * header counts lines of these listings, as git's does ({@code @@ -12,7 +12,8 @@}), and names
 * the anchor in force just before it in the first trace, as git names the function around a
 * hunk.
 */
public final class Hunks {
  /** Lines of context by default, as git's. */
  public static final int DEFAULT_CONTEXT = 3;

  private Hunks() {}

  /** A hunk: its {@code @@ ... @@} header and its lines, each with its mark first. */
  public record Hunk(String header, List<String> lines) {}

  /** A line of the listing; {@code anchorBefore} is the first trace's anchor in force after it. */
  private record Row(char mark, String text, Anchor anchorBefore, Anchor anchorAfter) {
    boolean inBefore() {
      return mark != '+';
    }

    boolean inAfter() {
      return mark != '-';
    }
  }

  /** The hunks of a diff with {@code context} unchanged lines around each change. */
  public static List<Hunk> of(ActionDiff diff, int context) {
    List<Row> rows = rows(diff);
    List<Hunk> out = new ArrayList<>();
    int k = 0;
    while (k < rows.size()) {
      if (rows.get(k).mark() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - context);
      int last = k;
      // Changes closer than twice the context share a hunk, as git's do.
      for (int j = k + 1; j < rows.size() && j - last - 1 <= 2 * context; j++) {
        if (rows.get(j).mark() != ' ') {
          last = j;
        }
      }
      int end = Math.min(rows.size(), last + context + 1);
      out.add(hunk(rows, start, end));
      k = end;
    }
    return out;
  }

  private static Hunk hunk(List<Row> rows, int start, int end) {
    int beforeFrom = 1;
    int afterFrom = 1;
    for (int i = 0; i < start; i++) {
      beforeFrom += rows.get(i).inBefore() ? 1 : 0;
      afterFrom += rows.get(i).inAfter() ? 1 : 0;
    }
    int beforeCount = 0;
    int afterCount = 0;
    List<String> lines = new ArrayList<>();
    for (int i = start; i < end; i++) {
      Row r = rows.get(i);
      beforeCount += r.inBefore() ? 1 : 0;
      afterCount += r.inAfter() ? 1 : 0;
      lines.add(r.mark() + r.text());
    }
    Anchor around = start == 0 ? null : rows.get(start - 1).anchorBefore() != null
        ? rows.get(start - 1).anchorBefore() : rows.get(start - 1).anchorAfter();
    String header = "@@ -" + range(beforeFrom, beforeCount) + " +" + range(afterFrom, afterCount)
        + " @@" + (around == null ? "" : " " + around);
    return new Hunk(header, lines);
  }

  /** git's range: an empty one names the line before it, a one-line one has no count. */
  private static String range(int from, int count) {
    if (count == 0) {
      return (from - 1) + ",0";
    }
    return count == 1 ? String.valueOf(from) : from + "," + count;
  }

  private static List<Row> rows(ActionDiff diff) {
    List<Row> rows = new ArrayList<>();
    Anchor inBefore = null;
    Anchor inAfter = null;
    for (Op<FlatStep> o : diff.ops()) {
      FlatStep b = o.before();
      FlatStep a = o.after();
      Anchor newBefore = b != null && b.anchor() != null && !b.anchor().equals(inBefore)
          ? b.anchor() : null;
      Anchor newAfter = a != null && a.anchor() != null && !a.anchor().equals(inAfter)
          ? a.anchor() : null;
      if (newBefore != null && newBefore.equals(newAfter)) {
        rows.add(new Row(' ', indent(a) + "# " + newAfter, newBefore, newAfter));
      } else {
        if (newBefore != null) {
          rows.add(new Row('-', indent(b) + "# " + newBefore, newBefore, inAfter));
        }
        if (newAfter != null) {
          rows.add(new Row('+', indent(a) + "# " + newAfter, b == null || newBefore == null
              ? inBefore : newBefore, newAfter));
        }
      }
      inBefore = newBefore != null ? newBefore : inBefore;
      inAfter = newAfter != null ? newAfter : inAfter;
      rows.add(new Row(mark(o), line(o), inBefore, inAfter));
    }
    return removalsFirst(rows);
  }

  /**
   * In each run of lines removed and added, the removed ones first, as git writes them; a line
   * both sides of a run begin or end with (an anchor's comment line, said again) is context.
   * Each trace's lines keep their order, so the listings are the same.
   */
  private static List<Row> removalsFirst(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    List<Row> removed = new ArrayList<>();
    List<Row> added = new ArrayList<>();
    for (Row r : rows) {
      if (r.mark() == '-' || r.mark() == '+') {
        (r.mark() == '-' ? removed : added).add(r);
        continue;
      }
      flush(removed, added, out);
      out.add(r);
    }
    flush(removed, added, out);
    return out;
  }

  private static void flush(List<Row> removed, List<Row> added, List<Row> out) {
    while (!removed.isEmpty() && !added.isEmpty()
        && removed.get(0).text().equals(added.get(0).text())) {
      out.add(both(removed.remove(0), added.remove(0)));
    }
    List<Row> end = new ArrayList<>();
    while (!removed.isEmpty() && !added.isEmpty() && removed.get(removed.size() - 1).text()
        .equals(added.get(added.size() - 1).text())) {
      end.add(0, both(removed.remove(removed.size() - 1), added.remove(added.size() - 1)));
    }
    out.addAll(removed);
    out.addAll(added);
    out.addAll(end);
    removed.clear();
    added.clear();
  }

  private static Row both(Row removed, Row added) {
    return new Row(' ', added.text(), removed.anchorBefore(), added.anchorAfter());
  }

  private static char mark(Op<FlatStep> o) {
    return switch (o.type()) {
      case SAME, MOVED -> ' ';
      case ADDED -> '+';
      case REMOVED -> '-';
      case CHANGED -> '~';
    };
  }

  private static String line(Op<FlatStep> o) {
    FlatStep s = o.after() != null ? o.after() : o.before();
    if (o.type() == Alignment.OpType.CHANGED) {
      return indent(s) + WordDiff.of(o.before().describe(), s.describe());
    }
    return indent(s) + s.describe();
  }

  /** Two spaces a block level, as the .wsd indents. */
  private static String indent(FlatStep s) {
    return "  ".repeat(s.depth());
  }
}
