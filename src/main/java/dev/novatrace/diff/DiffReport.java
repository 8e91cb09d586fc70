package dev.novatrace.diff;

import java.util.List;

/**
 * The diff of the actions asked for between two trees ({@code from} and {@code to} are their
 * labels), with the actions that only one of them has. Sorted by action name.
 */
public record DiffReport(String from, String to, List<ActionDiff> actions, List<String> onlyBefore,
    List<String> onlyAfter) {

  public DiffReport {
    actions = actions.stream().sorted(java.util.Comparator.comparing(ActionDiff::action)).toList();
    onlyBefore = onlyBefore.stream().sorted().toList();
    onlyAfter = onlyAfter.stream().sorted().toList();
  }

  public boolean differs() {
    return !onlyBefore.isEmpty() || !onlyAfter.isEmpty()
        || actions.stream().anyMatch(ActionDiff::differs);
  }
}
