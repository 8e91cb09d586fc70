package dev.novatrace.python;

import dev.novatrace.python.PythonParser.Type_paramContext;
import dev.novatrace.python.PythonParser.Type_paramsContext;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules CPython applies to a PEP 695 type parameter list beyond its grammar: no parameter
 * without a default after one with a default (PEP 696), and no name twice. The parameters
 * themselves are not kept in the AST: nothing downstream traces through them.
 */
final class TypeParams {

  private TypeParams() {}

  static void check(Type_paramsContext ctx, Positions positions) {
    if (ctx == null) {
      return;
    }
    boolean defaults = false;
    Set<String> seen = new HashSet<>();
    for (Type_paramContext p : ctx.type_param()) {
      String name = p.name().getText();
      boolean hasDefault = p.ASSIGN() != null;
      if (defaults && !hasDefault) {
        throw new SyntaxProblem(positions.of(p),
            "non-default type parameter '" + name + "' follows default type parameter");
      }
      defaults |= hasDefault;
      if (!seen.add(name)) {
        throw new SyntaxProblem(positions.of(p), "duplicate type parameter '" + name + "'");
      }
    }
  }
}
