package dev.novatrace.python;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;

/**
 * Checks the expression of an f-string's (or t-string's) replacement field by parsing it with
 * the same grammar, as CPython does: {@code f"{a b}"} is refused like {@code (a b)}. The result is
 * not kept; the literal stays one constant with its raw text.
 */
final class FStringFields {

  private FStringFields() {}

  /**
   * Null when {@code field} (as {@link FStringScanner#fields} gives it, without a
   * self-documenting '=') is an expression, else why not, for a literal of {@code kind} f or t.
   */
  static String problem(String field, char kind) {
    // Parenthesised, as a field is: line breaks inside are free, and it is one expression. The
    // line break before ')' ends a comment the field may end with.
    ParseResult r = SourceParser.parseString("<f-string>", "(" + field + "\n)\n");
    if (!r.ok()) {
      String message = r.diagnostics().get(0).message();
      // a nested literal's own problem already says which literal it is
      return message.matches("[ft]-string: .*") ? message : kind + "-string: " + message;
    }
    Expr value = r.module().body().get(0) instanceof Stmt.ExprStmt e ? e.value() : null;
    if (value instanceof Expr.Starred) {
      return kind + "-string: can't use starred expression here";
    }
    if (value instanceof Expr.Comprehension c && c.kind() == Expr.SeqKind.GENERATOR && c.pos().start() == 0) {
      // the parentheses that make it a generator are ours, not the field's
      return kind + "-string: expecting '=', or '!', or ':', or '}'";
    }
    return null;
  }
}
