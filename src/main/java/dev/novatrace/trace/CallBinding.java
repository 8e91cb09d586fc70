package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one call binds in its callee besides flags: parameters bound to a literal's text,
 * functions passed in (called inside the callee, they are traced there), every argument as
 * written (to carry fields the callee leaves unsaved back to the caller's receiver), and the
 * types of the arguments the caller's code tells ({@code self._run(task)}: {@code
 * task.execute()} inside is that task class's), and the strings of the named constants passed
 * ({@code resources.PORT}: its literal is the name, its string {@code 'port'}), for what a
 * framework looks up by them ({@link TraceProfile#dispatched}).
 */
record CallBinding(Map<String, String> literals, Map<String, Handed> callables,
    Map<String, Expr> passed, Map<String, Value> types, Map<String, Object> decided,
    Map<String, String> templates, Map<String, String> constants) {
  static final CallBinding NONE = new CallBinding(Map.of(), Map.of(), Map.of(), Map.of());

  CallBinding(Map<String, String> literals, Map<String, Handed> callables,
      Map<String, Expr> passed, Map<String, Value> types) {
    this(literals, callables, passed, types, Map.of(), Map.of(), Map.of());
  }

  /** The same binding, with what the enclosing call handed a nested def ({@link Handed}). */
  CallBinding enclosedBy(Handed handed) {
    Map<String, Handed> all = handed.withClosure(callables);
    return all == callables ? this
        : new CallBinding(literals, all, passed, types, decided, templates, constants);
  }

  String key() {
    StringBuilder sb = new StringBuilder(new TreeMap<>(literals).toString());
    new TreeMap<>(callables).forEach((k, v) -> sb.append(k).append('=').append(v.key()));
    new TreeMap<>(types).forEach((k, v) -> sb.append(k).append(':').append(Value.typeText(v)));
    sb.append(SettingTests.key(decided));
    sb.append(new TreeMap<>(templates));
    if (!constants.isEmpty()) {
      sb.append(new TreeMap<>(constants));
    }
    return sb.toString();
  }
}
