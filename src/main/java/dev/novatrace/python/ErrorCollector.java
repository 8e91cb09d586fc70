package dev.novatrace.python;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Collects lexer and parser errors as {@link Diagnostic}s, rewording ANTLR's messages (which list
 * every expected token) into one short line in Python's terms.
 */
final class ErrorCollector extends BaseErrorListener {

  private final String path;
  final List<Diagnostic> diagnostics = new ArrayList<>();

  ErrorCollector(String path) {
    this.path = path;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
      String message, RecognitionException e) {
    diagnostics.add(new Diagnostic(path, line, column, reword(offending, message)));
  }

  static String reword(Object offending, String message) {
    String lexical = "token recognition error at: '";
    if (message.startsWith(lexical)) {
      // ANTLR quotes the text it could not match: "at: 'xyz'"
      String rest = message.substring(lexical.length(), Math.max(lexical.length(), message.length() - 1));
      if (rest.isEmpty()) {
        return "invalid syntax";
      }
      String head = rest.substring(0, Math.min(3, rest.length()));
      if (head.indexOf('\'') >= 0 || head.indexOf('"') >= 0) {
        return "unterminated string literal";
      }
      return rest.startsWith("\\") ? "unexpected character after line continuation character"
          : "invalid character '" + new String(Character.toChars(rest.codePointAt(0))) + "'";
    }
    if (message.startsWith("missing ") && message.length() < 80) {
      return "invalid syntax: " + message;
    }
    if (offending instanceof Token t) {
      return "invalid syntax: unexpected " + describe(t);
    }
    return message; // our own messages (indentation) come without a token
  }

  private static String describe(Token t) {
    switch (t.getType()) {
      case Token.EOF:
        return "end of file";
      case PythonLexer.NEWLINE:
        return "end of line";
      case PythonLexer.INDENT:
        return "indent";
      case PythonLexer.DEDENT:
        return "unindent";
      default:
        String text = t.getText();
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
  }
}
