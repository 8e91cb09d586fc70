package dev.novatrace.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a module's text into units that parse on their own: its top-level statements and, in a
 * class, the class's members. An edited file mostly keeps its units' text (a release changes a
 * few methods of a class, not all), so a unit parsed for one version of a file serves the next
 * (see {@link IncrementalParser}).
 *
 * <p>The cut is found by a small scanner that knows just enough of Python's lexical rules to see
 * where a logical line starts: strings, comments, brackets and backslash joins. It need not be
 * perfect: a unit cut in a wrong place fails to parse, and the whole file is then parsed at once.
 */
final class Units {

  /** A logical line's first physical line: its offset, number and indentation width in chars. */
  record Start(int offset, int line, int indent) {}

  /**
   * A unit: {@code [start, end)} of the text, starting at line {@code line} (column 0), its
   * statements indented by {@code indent} (the class body's indentation; "" at the top level).
   */
  record Unit(int start, int end, int line, String indent) {}

  /** A top-level statement, and the members of the class it is when it can be cut into them. */
  record Chunk(Unit whole, List<Unit> members) {
    boolean isSplit() {
      return !members.isEmpty();
    }
  }

  // Keywords that continue the compound statement above them rather than start a new one.
  private static final Set<String> CONTINUING = Set.of("else", "elif", "except", "finally");

  private Units() {}

  /** The top-level chunks of {@code text} (line ends normalised to '\n'), in order. */
  static List<Chunk> of(String text) {
    List<Start> starts = logicalLines(text);
    List<Integer> cuts = cuts(text, starts, 0, starts.size(), 0);
    List<Chunk> chunks = new ArrayList<>();
    for (int c = 0; c < cuts.size(); c++) {
      int from = cuts.get(c);
      int to = c + 1 < cuts.size() ? cuts.get(c + 1) : starts.size();
      int start = c == 0 ? 0 : starts.get(from).offset();
      int end = to < starts.size() ? starts.get(to).offset() : text.length();
      int line = c == 0 ? 1 : starts.get(from).line();
      Unit whole = new Unit(start, end, line, "");
      chunks.add(new Chunk(whole, members(text, starts, from, to, whole)));
    }
    if (chunks.isEmpty()) {
      chunks.add(new Chunk(new Unit(0, text.length(), 1, ""), List.of()));
    }
    return chunks;
  }

  /**
   * The indices (into {@code starts[from, to)}) where a statement at indentation {@code indent}
   * begins: not a decorated definition's {@code def} (it stays with its decorators), not an
   * {@code else}/{@code except}... that continues the statement above.
   */
  private static List<Integer> cuts(String text, List<Start> starts, int from, int to,
      int indent) {
    List<Integer> cuts = new ArrayList<>();
    boolean afterDecorator = false;
    for (int i = from; i < to; i++) {
      Start s = starts.get(i);
      if (s.indent() != indent) {
        continue;
      }
      int code = s.offset() + s.indent();
      if (cuts.isEmpty() || !(afterDecorator || CONTINUING.contains(word(text, code)))) {
        cuts.add(i);
      }
      afterDecorator = text.charAt(code) == '@';
    }
    return cuts;
  }

  /**
   * A class statement's members as units: the first one together with the class header (so the
   * header parses as a class), then one unit per member. Empty when the chunk is no class, or
   * has fewer than two members, or its body's indentation is not one and the same.
   */
  private static List<Unit> members(String text, List<Start> starts, int from, int to,
      Unit whole) {
    int head = from;
    while (head < to && text.charAt(starts.get(head).offset()) == '@') {
      head++;
    }
    if (head + 1 >= to || !word(text, starts.get(head).offset()).equals("class")) {
      return List.of();
    }
    Start first = starts.get(head + 1);
    String indent = text.substring(first.offset(), first.offset() + first.indent());
    if (indent.indexOf('\f') >= 0) {
      return List.of(); // a form feed resets indentation: leave that to the whole file's lexer
    }
    for (int i = head + 1; i < to; i++) {
      Start s = starts.get(i);
      if (s.indent() < indent.length() || !text.startsWith(indent, s.offset())) {
        return List.of(); // mixed tabs and spaces, or code outside the class: parse it whole
      }
    }
    List<Integer> cuts = cuts(text, starts, head + 1, to, indent.length());
    if (cuts.size() < 2) {
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    units.add(new Unit(whole.start(), starts.get(cuts.get(1)).offset(), whole.line(), ""));
    for (int c = 1; c < cuts.size(); c++) {
      Start s = starts.get(cuts.get(c));
      int end = c + 1 < cuts.size() ? starts.get(cuts.get(c + 1)).offset() : whole.end();
      units.add(new Unit(s.offset(), end, s.line(), indent));
    }
    return units;
  }

  /** The identifier at {@code at} ("" if none). */
  private static String word(String text, int at) {
    int end = at;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return text.substring(at, end);
  }

  /**
   * Where every logical line starts: a physical line that is not blank or a comment, outside
   * brackets and strings, and not joined to the line above by a backslash.
   */
  static List<Start> logicalLines(String text) {
    List<Start> starts = new ArrayList<>();
    Scanner s = new Scanner(text);
    while (s.at < text.length()) {
      s.lineStart(starts);
      s.restOfLine();
    }
    return starts;
  }

  /** The scanner's state as it walks the text once. */
  private static final class Scanner {
    private final String text;
    private int at;
    private int line = 1;
    private int brackets;
    private boolean joined; // the line above ended with a backslash

    Scanner(String text) {
      this.text = text;
    }

    void lineStart(List<Start> starts) {
      int begin = at;
      while (at < text.length() && isBlank(text.charAt(at))) {
        at++;
      }
      boolean code = at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '#';
      if (code && brackets == 0 && !joined) {
        starts.add(new Start(begin, line, at - begin));
      }
      joined = false;
    }

    /** Up to and past the line's end; a string or bracket may carry it over many lines. */
    void restOfLine() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '\n') {
          at++;
          line++;
          return;
        } else if (c == '#') {
          while (at < text.length() && text.charAt(at) != '\n') {
            at++;
          }
        } else if (c == '\\' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
          at += 2;
          line++;
          joined = true;
          return;
        } else if (c == '\'' || c == '"') {
          string(c);
        } else {
          if (c == '(' || c == '[' || c == '{') {
            brackets++;
          } else if (c == ')' || c == ']' || c == '}') {
            brackets = Math.max(0, brackets - 1);
          }
          at++;
        }
      }
    }

    /**
     * A string literal from its opening quote. As in our lexer, a backslash protects the next
     * character in raw strings too; a short string ends at its line's end if unterminated.
     */
    private void string(char quote) {
      boolean triple = text.startsWith(String.valueOf(quote).repeat(3), at);
      at += triple ? 3 : 1;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '\\' && at + 1 < text.length()) {
          if (text.charAt(at + 1) == '\n') {
            line++;
          }
          at += 2;
        } else if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), at))) {
          at += triple ? 3 : 1;
          return;
        } else if (c == '\n') {
          if (!triple) {
            return; // unterminated: the parse of this unit reports it
          }
          line++;
          at++;
        } else {
          at++;
        }
      }
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\f';
    }
  }
}
