package dev.novatrace.neutron;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a callback expression is read: the resolver's scope, plus the names the code around it
 * binds that the scope cannot tell. A loop variable over a literal tuple ({@code for resource in
 * (PORT, NETWORK)}), a comprehension's target over a literal dict ({@code for res, cls in
 * m.items()}) and a parameter bound at one call site ({@code _ObjectChangeHandler(res, ...)}) are
 * each a {@link Bound}: an expression read in its own frame, and which part of it the name holds.
 */
record CallbackFrame(Scope scope, Map<String, Bound> env) {

  CallbackFrame {
    env = Map.copyOf(env);
  }

  static CallbackFrame of(Scope scope) {
    return new CallbackFrame(scope, Map.of());
  }

  /** The same frame with {@code name} bound. */
  CallbackFrame with(String name, Bound bound) {
    Map<String, Bound> more = new HashMap<>(env);
    more.put(name, bound);
    return new CallbackFrame(scope, more);
  }

  /** The same bindings read in another function's scope (a closure sees its enclosing loop). */
  CallbackFrame in(Scope other) {
    return new CallbackFrame(other, env);
  }

  boolean atModuleLevel() {
    return scope.function() == null;
  }

  /** Which part of its expression a bound name holds. */
  enum Part {
    /** The expression itself: a parameter bound at a call site. */
    WHOLE,
    /** Each element of a sequence, or each key of a dict: {@code for x in seq}. */
    ELEMENT,
    /** Each value of a dict: {@code for k, v in d.items()}. */
    VALUE,
    /** Item {@code index} of each element: {@code for a, b in [(x, y), ...]}. */
    ITEM
  }

  /**
   * What a name is bound to: {@code part} of {@code expr}, read in {@code frame}; {@code index}
   * is the item's position for {@link Part#ITEM}, else 0.
   */
  record Bound(Part part, int index, Expr expr, CallbackFrame frame) {

    static Bound whole(Expr expr, CallbackFrame frame) {
      return new Bound(Part.WHOLE, 0, expr, frame);
    }
  }
}
