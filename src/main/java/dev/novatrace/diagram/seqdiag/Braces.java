package dev.novatrace.diagram.seqdiag;

import dev.novatrace.diagram.DiagramError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Matches the braces of a seqdiag file in one pass, before the parser sees it. */
final class Braces {
  private Braces() {}

  /**
   * The first brace without a partner: a {@code '}'} that closes nothing, or else the innermost
   * {@code '{'} still open at the end (where a forgotten {@code '}'} most likely belongs); null
   * when every brace is matched.
   */
  static DiagramError unmatched(List<Token> tokens, String file) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.getType() == SeqdiagLexer.LBRACE) {
        open.push(t);
      } else if (t.getType() == SeqdiagLexer.RBRACE) {
        if (open.isEmpty()) {
          return new DiagramError(file, t.getLine(), "not valid seqdiag (column "
              + (t.getCharPositionInLine() + 1) + ": '}' closes no '{')");
        }
        open.pop();
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    Token last = open.peek();
    return new DiagramError(file, last.getLine(), "not valid seqdiag (column "
        + (last.getCharPositionInLine() + 1) + ": '{' never closed"
        + (open.size() > 1 ? ", nor " + (open.size() - 1) + " before it" : "") + ")");
  }
}
