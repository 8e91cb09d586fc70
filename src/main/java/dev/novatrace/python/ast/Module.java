package dev.novatrace.python.ast;

import java.util.List;

/** A parsed Python file: its decoded source text and its top-level statements. */
public record Module(String path, String source, List<Stmt> body, int lines) {

  /**
   * The source text a node spans, as one readable line: a line continuation (backslash-newline)
   * is whitespace to Python, so it goes like any other line break, and whitespace is folded to
   * single spaces. Every label and condition made from source text comes through here.
   */
  public String text(Pos pos) {
    if (pos.end() <= pos.start() || pos.end() > source.length()) {
      return "";
    }
    return source.substring(pos.start(), pos.end()).replaceAll("\\\\\\R", " ")
        .replaceAll("\\s+", " ").trim();
  }
}
