package dev.novatrace.python;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * The compile-time rules for {@code from __future__ import} (Language Reference 7.11): only at
 * the top of a module, after the docstring, and only for features Python knows. CPython rejects
 * files that break them, so we do too.
 */
final class FutureImports {

  private static final Set<String> FEATURES = Set.of("nested_scopes", "generators", "division",
      "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
      "generator_stop", "annotations");

  private FutureImports() {}

  static void check(List<Stmt> body) {
    boolean atTop = true;
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      boolean future = s instanceof Stmt.ImportFrom f && f.level() == 0 && f.module().equals("__future__");
      if (future) {
        if (!atTop) {
          throw new SyntaxProblem(s.pos(), "from __future__ imports must occur at the beginning of the file");
        }
        for (Stmt.Alias alias : ((Stmt.ImportFrom) s).names()) {
          if (alias.name().equals("braces")) {
            throw new SyntaxProblem(s.pos(), "not a chance");
          }
          if (!FEATURES.contains(alias.name())) {
            throw new SyntaxProblem(s.pos(), "future feature " + alias.name() + " is not defined");
          }
        }
      } else if (!(i == 0 && isDocstring(s))) {
        atTop = false;
      }
    }
  }

  private static boolean isDocstring(Stmt s) {
    return s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING;
  }
}
