package dev.novatrace.python;

import dev.novatrace.python.ast.Pos;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Source ranges for AST nodes. ANTLR indexes code points while {@link
 * dev.novatrace.python.ast.Module#source()} is a Java string, so offsets are mapped through a
 * table when the text has characters outside the BMP (emoji in strings, mostly).
 */
final class Positions {

  private final int[] charIndex; // code point index -> UTF-16 index; null when they coincide

  Positions(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      charIndex = null;
    } else {
      charIndex = new int[codePoints + 1];
      int ci = 0;
      for (int cp = 0; cp < codePoints; cp++) {
        charIndex[cp] = ci;
        ci += Character.charCount(text.codePointAt(ci));
      }
      charIndex[codePoints] = ci;
    }
  }

  private int index(int codePoint) {
    return charIndex == null ? codePoint : charIndex[Math.max(0, Math.min(codePoint, charIndex.length - 1))];
  }

  Pos of(ParserRuleContext ctx) {
    return of(ctx.getStart(), ctx.getStop());
  }

  /** From the start of {@code first} to the end of {@code last} (which may be synthetic, zero-width). */
  Pos of(Token first, Token last) {
    int start = first.getStartIndex();
    int end = last == null ? start : Math.max(start, last.getStopIndex() + 1);
    return new Pos(first.getLine(), first.getCharPositionInLine(), index(start), index(end));
  }

  static Pos span(Pos first, Pos last) {
    return new Pos(first.line(), first.column(), first.start(), Math.max(first.start(), last.end()));
  }

  Pos span(Pos first, Token last) {
    return new Pos(first.line(), first.column(), first.start(), Math.max(first.start(), index(last.getStopIndex() + 1)));
  }
}
