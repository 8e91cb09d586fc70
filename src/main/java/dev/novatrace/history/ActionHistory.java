package dev.novatrace.history;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One action across the refs: where it exists, its state at each ref, and for every fact its
 * diagrams showed, the spans of refs that show it.
 */
public record ActionHistory(String action, List<RefState> refs, List<Span> exists,
    Map<Fact, List<Span>> facts) {

  public ActionHistory {
    refs = List.copyOf(refs);
    exists = List.copyOf(exists);
    facts = java.util.Collections.unmodifiableMap(new TreeMap<>(facts));
  }

  /**
   * The facts whose spans are not the action's own: they appeared after the action did, or
   * vanished while it was still there. The rest held all along and tell no story.
   */
  public Map<Fact, List<Span>> changes() {
    Map<Fact, List<Span>> out = new TreeMap<>();
    facts.forEach((f, spans) -> {
      if (!spans.equals(exists)) {
        out.put(f, spans);
      }
    });
    return out;
  }

  /** The newest ref that has the action. */
  public String newest() {
    String last = null;
    for (RefState r : refs) {
      if (r.present()) {
        last = r.ref();
      }
    }
    return last;
  }
}
