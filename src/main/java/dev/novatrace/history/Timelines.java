package dev.novatrace.history;

import dev.novatrace.diff.ActionDiff;
import dev.novatrace.diff.FlatStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds an action's history from its flattened diagram at each ref (null where it is absent). */
final class Timelines {
  private Timelines() {}

  static ActionHistory of(String action, List<String> refs, List<List<FlatStep>> stepsByRef) {
    List<RefState> states = new ArrayList<>();
    List<Set<Fact>> factsByRef = new ArrayList<>();
    List<FlatStep> previous = null;
    for (int i = 0; i < refs.size(); i++) {
      List<FlatStep> steps = stepsByRef.get(i);
      if (steps == null) {
        states.add(new RefState(refs.get(i), false, 0, List.of()));
        factsByRef.add(Set.of());
        continue;
      }
      List<String> moved = previous == null ? List.of()
          : ActionDiff.of(action, previous, steps).anchorMoves().stream()
              .map(ActionDiff.AnchorMove::toString).toList();
      states.add(new RefState(refs.get(i), true, steps.size(), moved));
      factsByRef.add(Fact.of(steps));
      previous = steps;
    }
    List<Boolean> exists = states.stream().map(RefState::present).toList();
    Set<Fact> all = new TreeSet<>();
    factsByRef.forEach(all::addAll);
    Map<Fact, List<Span>> facts = new TreeMap<>();
    for (Fact f : all) {
      facts.put(f, spans(refs, factsByRef.stream().map(s -> s.contains(f)).toList()));
    }
    return new ActionHistory(action, states, spans(refs, exists), facts);
  }

  /** The runs of refs where {@code holds}, each until the first ref after it where it does not. */
  static List<Span> spans(List<String> refs, List<Boolean> holds) {
    List<Span> out = new ArrayList<>();
    String since = null;
    for (int i = 0; i < refs.size(); i++) {
      if (holds.get(i) && since == null) {
        since = refs.get(i);
      } else if (!holds.get(i) && since != null) {
        out.add(new Span(since, refs.get(i)));
        since = null;
      }
    }
    if (since != null) {
      out.add(new Span(since, null));
    }
    return out;
  }
}
