package dev.novatrace.python.ast;

import java.util.List;

/** A parsed Python file: its decoded source text and its top-level statements. */
public record Module(String path, String source, List<Stmt> body, int lines) {

  /** The source text a node spans, whitespace folded to single spaces. */
  public String text(Pos pos) {
    if (pos.end() <= pos.start() || pos.end() > source.length()) {
      return "";
    }
    return source.substring(pos.start(), pos.end()).replaceAll("\\s+", " ").trim();
  }
}
