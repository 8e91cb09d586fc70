package dev.novatrace.python;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns the raw token stream into Python's logical lines (Language Reference 2.1): NEWLINE only
 * where a logical line ends, INDENT/DEDENT from the indentation stack, nothing inside brackets or
 * for blank and comment-only lines.
 *
 * <p>The synthetic tokens are zero-width and sit right after the last real token, so a rule's
 * stop token never stretches a node's source range over trailing comments or blank lines.
 * Indentation problems (inconsistent dedent, ambiguous tabs) are reported to the error listeners
 * like any other lexical error; callers treat every reported error as a failed parse.
 */
public abstract class PythonLexerBase extends Lexer {

  private static final int TAB_SIZE = 8;

  private final Deque<Token> pending = new ArrayDeque<>();
  // Indentation stack, measured twice as CPython does: tabs to multiples of 8 and tabs as 1
  // column. When the two disagree about the nesting, the indentation depends on the tab size.
  private int[] columns = new int[64];
  private int[] altColumns = new int[64];
  private int depth = 1; // columns[0] == 0 is the module level
  private int brackets;
  private boolean lineOpen; // a logical line has tokens and still owes its NEWLINE
  private boolean started;
  private Token lastReal;

  protected PythonLexerBase(CharStream input) {
    super(input);
  }

  /**
   * Lexes a unit cut from a file (see {@link Units}) whose statements sit at {@code indentation}
   * (a class body's, or "" at the top level): that indentation is this unit's level zero, and
   * what precedes the unit in the file is not looked at.
   */
  void startInside(String indentation) {
    started = true;
    int col = 0;
    for (int i = 0; i < indentation.length(); i++) {
      col = indentation.charAt(i) == '\t' ? (col / TAB_SIZE + 1) * TAB_SIZE : col + 1;
    }
    columns[0] = col;
    altColumns[0] = indentation.length();
  }

  @Override
  public void reset() {
    super.reset();
    pending.clear();
    columns[0] = 0;
    altColumns[0] = 0;
    depth = 1;
    brackets = 0;
    lineOpen = false;
    started = false;
    lastReal = null;
  }

  @Override
  public Token nextToken() {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    while (true) {
      Token t = super.nextToken();
      if (t.getType() == PythonLexer.FSTRING_START) {
        t = fString(t);
      }
      int type = t.getType();
      if (type == Token.EOF) {
        atEndOfFile(t);
        return pending.poll();
      }
      if (type == PythonLexer.NEWLINE) {
        if (brackets > 0) {
          continue; // implicit line joining
        }
        int next = _input.LA(1);
        boolean blank = next == '\n' || next == '#' || next == CharStream.EOF;
        if (lineOpen) {
          pending.add(synthetic(PythonLexer.NEWLINE, t.getLine(), t.getCharPositionInLine()));
          lineOpen = false;
        }
        if (!blank) {
          indentTo(t.getText().substring(1), t.getLine() + 1);
        }
        if (!pending.isEmpty()) {
          return pending.poll();
        }
        continue;
      }
      if (!started) {
        started = true;
        String before = _input.getText(Interval.of(0, t.getStartIndex() - 1));
        if (t.getLine() == 1 && !before.isEmpty()) {
          indentTo(before, 1);
        }
      }
      if (type == PythonLexer.NAME) {
        normaliseName(t);
      }
      countBrackets(type);
      lineOpen = true;
      lastReal = t;
      if (pending.isEmpty()) {
        return t;
      }
      pending.add(t);
      return pending.poll();
    }
  }

  /**
   * The whole f-string or t-string whose opening {@code start} is: one STRING token, as the
   * parser knows no other kind of literal.
   */
  private Token fString(Token start) {
    String opening = start.getText();
    char quote = opening.charAt(opening.length() - 1);
    int quotes = opening.endsWith("\"\"\"") || opening.endsWith("'''") ? 3 : 1;
    String prefix = opening.substring(0, opening.length() - quotes).toLowerCase(java.util.Locale.ROOT);
    FStringScanner scanner = new FStringScanner(_input, () -> getInterpreter().consume(_input));
    char kind = prefix.indexOf('t') >= 0 ? 't' : 'f';
    try {
      scanner.literal(quote, quotes, prefix.indexOf('r') >= 0, kind);
      for (String field : scanner.fields()) {
        String problem = FStringFields.problem(field, kind);
        if (problem != null) {
          error(start.getLine(), problem);
          break;
        }
      }
    } catch (FStringScanner.Malformed e) {
      error(start.getLine(), e.getMessage());
    }
    CommonToken whole = new CommonToken(_tokenFactorySourcePair, PythonLexer.STRING, DEFAULT_TOKEN_CHANNEL,
        start.getStartIndex(), _input.index() - 1);
    whole.setLine(start.getLine());
    whole.setCharPositionInLine(start.getCharPositionInLine());
    return whole;
  }

  /** PEP 3131: identifiers are compared in NFKC form, so {@code ﬁle} is the name {@code file}. */
  private static void normaliseName(Token t) {
    String text = t.getText();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        ((CommonToken) t).setText(Normalizer.normalize(text, Normalizer.Form.NFKC));
        return;
      }
    }
  }

  private void countBrackets(int type) {
    switch (type) {
      case PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE -> brackets++;
      case PythonLexer.RPAR, PythonLexer.RSQB, PythonLexer.RBRACE -> brackets = Math.max(0, brackets - 1);
      default -> { }
    }
  }

  /** CPython's limit of nested indentation levels (MAXINDENT in its tokenizer). */
  private static final int MAX_INDENT = 100;

  /** Compares a line's leading whitespace with the indentation stack and queues INDENT/DEDENTs. */
  private void indentTo(String whitespace, int line) {
    int col = 0;
    int alt = 0;
    for (int i = 0; i < whitespace.length(); i++) {
      char c = whitespace.charAt(i);
      if (c == ' ') {
        col++;
        alt++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        alt++;
      } else if (c == '\f') {
        col = 0; // a form feed resets the count, as in CPython's tokenizer
        alt = 0;
      }
    }
    int top = columns[depth - 1];
    if (col == top) {
      if (alt != altColumns[depth - 1]) {
        error(line, "inconsistent use of tabs and spaces in indentation");
      }
    } else if (col > top) {
      if (alt <= altColumns[depth - 1]) {
        error(line, "inconsistent use of tabs and spaces in indentation");
      }
      if (depth >= MAX_INDENT) {
        // CPython's tokenizer refuses this too; it also keeps later stages' recursion bounded.
        error(line, "too many levels of indentation");
      }
      push(col, alt);
      pending.add(synthetic(PythonLexer.INDENT, line, col));
    } else {
      while (depth > 1 && col < columns[depth - 1]) {
        depth--;
        pending.add(synthetic(PythonLexer.DEDENT, line, col));
      }
      if (col != columns[depth - 1]) {
        error(line, "unindent does not match any outer indentation level");
      } else if (alt != altColumns[depth - 1]) {
        error(line, "inconsistent use of tabs and spaces in indentation");
      }
    }
  }

  private void push(int col, int alt) {
    if (depth == columns.length) {
      columns = java.util.Arrays.copyOf(columns, depth * 2);
      altColumns = java.util.Arrays.copyOf(altColumns, depth * 2);
    }
    columns[depth] = col;
    altColumns[depth] = alt;
    depth++;
  }

  private void atEndOfFile(Token eof) {
    if (lineOpen) {
      pending.add(synthetic(PythonLexer.NEWLINE, eof.getLine(), eof.getCharPositionInLine()));
      lineOpen = false;
    }
    for (; depth > 1; depth--) {
      pending.add(synthetic(PythonLexer.DEDENT, eof.getLine(), 0));
    }
    pending.add(eof);
  }

  private Token synthetic(int type, int line, int column) {
    int at = lastReal == null ? 0 : lastReal.getStopIndex() + 1;
    CommonToken t = new CommonToken(_tokenFactorySourcePair, type, DEFAULT_TOKEN_CHANNEL, at, at - 1);
    t.setLine(line);
    t.setCharPositionInLine(column);
    t.setText(type == PythonLexer.NEWLINE ? "<NEWLINE>" : type == PythonLexer.INDENT ? "<INDENT>" : "<DEDENT>");
    return t;
  }

  private void error(int line, String message) {
    getErrorListenerDispatch().syntaxError(this, null, line, 0, message, null);
  }
}
