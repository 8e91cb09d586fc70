package dev.novatrace.history;

import java.util.Comparator;
import java.util.List;

/** The history of the actions asked for over {@code refs} (oldest first), sorted by action. */
public record HistoryReport(List<String> refs, List<ActionHistory> actions) {
  public HistoryReport {
    refs = List.copyOf(refs);
    actions = actions.stream().sorted(Comparator.comparing(ActionHistory::action)).toList();
  }
}
