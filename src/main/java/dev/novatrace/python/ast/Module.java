package dev.novatrace.python.ast;

import java.util.List;
import java.util.regex.Pattern;

/** A parsed Python file: its decoded source text and its top-level statements. */
public record Module(String path, String source, List<Stmt> body, int lines) {
  // Compiled once: text() runs for every label and condition drawn.
  private static final Pattern CONTINUATION = Pattern.compile("\\\\\\R");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * The source text a node spans, as one readable line: a line continuation (backslash-newline)
   * is whitespace to Python, so it goes like any other line break, and whitespace is folded to
   * single spaces. Every label and condition made from source text comes through here.
   */
  public String text(Pos pos) {
    if (pos.end() <= pos.start() || pos.end() > source.length()) {
      return "";
    }
    String text = source.substring(pos.start(), pos.end());
    if (isOneLine(text)) {
      return text.trim(); // what the two replacements below leave of it, without their matchers
    }
    return WHITESPACE.matcher(CONTINUATION.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
  }

  /**
   * Whether neither replacement of {@link #text} changes {@code text}: no backslash, no
   * whitespace but single spaces. Most labels are such short expressions, asked for again and
   * again as every release is traced.
   */
  private static boolean isOneLine(String text) {
    char previous = 'x';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
          || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }
}
