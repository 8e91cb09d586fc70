package dev.novatrace.python;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Expr.ConstKind;
import dev.novatrace.python.ast.Pos;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * Adjacent string literals to one {@link Expr.Constant}: prefixes and quotes stripped, escapes
 * resolved for non-raw literals, f- and t-strings kept as their raw body (the lexer checks their
 * fields, see {@link FStringFields}; nothing keeps them).
 */
final class StringLiterals {

  private StringLiterals() {}

  static Expr.Constant join(List<Token> tokens, Pos pos) {
    StringBuilder value = new StringBuilder();
    boolean anyBytes = false;
    boolean anyText = false;
    boolean anyF = false;
    boolean anyT = false;
    for (Token t : tokens) {
      String text = t.getText();
      int quote = 0;
      while (text.charAt(quote) != '\'' && text.charAt(quote) != '"') {
        quote++;
      }
      String prefix = text.substring(0, quote).toLowerCase(Locale.ROOT);
      int q = text.startsWith("\"\"\"", quote) || text.startsWith("'''", quote) ? 3 : 1;
      String body = text.substring(quote + q, text.length() - q);
      boolean bytes = prefix.contains("b");
      if (bytes && !body.chars().allMatch(c -> c < 128)) {
        throw new SyntaxProblem(pos, "bytes can only contain ASCII literal characters");
      }
      anyBytes |= bytes;
      anyText |= !bytes;
      if (prefix.contains("f") || prefix.contains("t")) {
        anyF |= prefix.contains("f");
        anyT |= prefix.contains("t");
        value.append(body);
      } else {
        value.append(prefix.contains("r") ? body : unescape(body, bytes));
      }
    }
    if (anyBytes && anyText) {
      throw new SyntaxProblem(pos, "cannot mix bytes and nonbytes literals");
    }
    if (anyT && tokens.stream().anyMatch(t -> !isTString(t.getText()))) {
      throw new SyntaxProblem(pos, "cannot mix t-string literals with string or bytes literals");
    }
    ConstKind kind = anyBytes ? ConstKind.BYTES : anyT ? ConstKind.TSTRING : anyF ? ConstKind.FSTRING : ConstKind.STRING;
    return new Expr.Constant(kind, value.toString(), pos);
  }

  private static boolean isTString(String text) {
    for (int i = 0; i < text.length() && text.charAt(i) != '\'' && text.charAt(i) != '"'; i++) {
      if (text.charAt(i) == 't' || text.charAt(i) == 'T') {
        return true;
      }
    }
    return false;
  }

  /** Resolves the escape sequences of section 2.4.1; unknown escapes keep their backslash. */
  static String unescape(String body, boolean bytes) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> { } // line continuation inside the literal
        case '\\', '\'', '"' -> out.append(e);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = hex(body, i, 2, out, "\\x");
        case 'u' -> i = bytes ? keep(out, "\\u", i) : hex(body, i, 4, out, "\\u");
        case 'U' -> i = bytes ? keep(out, "\\U", i) : hex(body, i, 8, out, "\\U");
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i - 1;
            while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
            i = end;
          } else {
            out.append('\\').append(e); // includes \N{...}, kept as written
          }
        }
      }
    }
    return out.toString();
  }

  private static int keep(StringBuilder out, String text, int i) {
    out.append(text);
    return i;
  }

  private static int hex(String body, int i, int digits, StringBuilder out, String escape) {
    if (i + digits <= body.length()) {
      try {
        out.appendCodePoint(Integer.parseInt(body.substring(i, i + digits), 16));
        return i + digits;
      } catch (IllegalArgumentException e) {
        // malformed: CPython rejects it, we keep the text rather than guess
      }
    }
    out.append(escape);
    return i;
  }
}
