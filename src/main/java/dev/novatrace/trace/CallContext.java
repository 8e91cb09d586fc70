package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import java.util.Map;

/**
 * What a call is read against: the function that makes it, the scope its names resolve in, the
 * participant it runs in, the parameters a caller bound to literal True/False/None, the
 * parameters bound to functions a caller handed over, and the names bound to a literal's text
 * ({@code delete_type} to {@code 'delete'}), and the literal a field of {@code self} holds on
 * the path ({@code self.host_list}: {@code None}), and the strings a caller built for its
 * parameters ({@link PathTemplates}). A trace knows all of them; a reading of
 * the code alone ({@link CallGraph}) knows only the first three.
 */
record CallContext(FunctionInfo function, Scope scope, String participant,
    Map<String, Boolean> flags, Map<String, Handed> callables, Map<String, String> literals,
    java.util.function.Function<String, String> selfField, Map<String, String> templates) {

  /** Without the names bound to a literal's text (a reading of the code alone). */
  CallContext(FunctionInfo function, Scope scope, String participant,
      Map<String, Boolean> flags, Map<String, Handed> callables) {
    this(function, scope, participant, flags, callables, Map.of(), attr -> null, Map.of());
  }

  /** A function read on its own, as any caller may call it. */
  static CallContext of(FunctionInfo function, Scope scope, String participant) {
    return new CallContext(function, scope, participant, Map.of(), Map.of());
  }

  /** An expression's source text, shortened as labels and conditions show it. */
  String text(Expr e) {
    return ConstText.shorten(function.module().ast().text(e.pos()));
  }
}
