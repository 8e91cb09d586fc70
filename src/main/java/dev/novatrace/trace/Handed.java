package dev.novatrace.trace;

import java.util.Map;
import java.util.TreeMap;

/**
 * A function handed over to a callee, and the participant it runs in: where it was handed over
 * from (a closure of the compute manager runs in nova_compute, on that host, whoever calls it).
 * A nested def keeps the functions its enclosing call was handed ({@code closure}): the image
 * cache's {@code fetch_func_sync} calls the {@code fetch_func} its {@code cache} was given, even
 * when another function calls it.
 */
record Handed(Value.FunctionValue fn, String participant, Map<String, Handed> closure) {

  Handed(Value.FunctionValue fn, String participant) {
    this(fn, participant, Map.of());
  }

  /** What tells two hand-overs apart when a trace of the callee is reused. */
  String key() {
    StringBuilder sb = new StringBuilder(fn.function().qualifiedName()).append('@')
        .append(fn.function().ast().pos().start()).append(Value.typeText(fn.receiver()))
        .append('@').append(participant);
    if (!closure.isEmpty()) {
      sb.append('{');
      new TreeMap<>(closure).forEach((k, v) -> sb.append(k).append('=').append(v.key())
          .append(';'));
      sb.append('}');
    }
    return sb.toString();
  }

  /**
   * The functions a call of this one binds: what its enclosing call was handed, unless the call
   * binds a parameter of that name itself.
   */
  Map<String, Handed> withClosure(Map<String, Handed> bound) {
    if (closure.isEmpty()) {
      return bound;
    }
    Map<String, Handed> all = new java.util.HashMap<>(closure);
    fn.function().ast().params().forEach(p -> all.remove(p.name()));
    all.putAll(bound);
    return Map.copyOf(all);
  }
}
