package dev.novatrace.python;

import dev.novatrace.python.ast.Pos;

/**
 * A syntax error the grammar lets through and the AST builder catches (assigning to a call,
 * mixing bytes and str literals, parameter order). Becomes a {@link Diagnostic}.
 */
final class SyntaxProblem extends RuntimeException {
  final int line;
  final int column;

  SyntaxProblem(Pos pos, String message) {
    super(message, null, false, false);
    this.line = pos.line();
    this.column = pos.column();
  }
}
