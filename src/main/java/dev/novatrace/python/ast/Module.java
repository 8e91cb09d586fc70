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
    return WHITESPACE.matcher(CONTINUATION.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
  }
}
