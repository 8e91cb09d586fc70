package dev.novatrace.diff;

import dev.novatrace.detail.Detail;
import dev.novatrace.project.ApiAction;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Traces actions in two loaded trees and aligns each pair of traces. */
public final class Differ {
  private final Workspace before;
  private final Workspace after;
  private final Detail detail;
  private final int depth;

  public Differ(Workspace before, Workspace after, Detail detail, int depth) {
    this.detail = detail;
    this.before = before;
    this.after = after;
    this.depth = depth;
  }

  /** Every action of either tree: those only one has are reported as such. */
  public DiffReport all() {
    TreeSet<String> names = new TreeSet<>();
    before.actions().forEach(a -> names.add(a.name()));
    after.actions().forEach(a -> names.add(a.name()));
    return diff(List.copyOf(names), false);
  }

  /**
   * The actions named (names or aliases); a name neither tree knows is a user error, one only
   * a tree knows is reported as only in that tree.
   */
  public DiffReport of(List<String> names) {
    return diff(names, true);
  }

  private DiffReport diff(List<String> names, boolean strict) {
    List<ActionDiff> diffs = new ArrayList<>();
    List<String> onlyBefore = new ArrayList<>();
    List<String> onlyAfter = new ArrayList<>();
    for (String name : names) {
      Optional<ApiAction> b = find(before, name);
      Optional<ApiAction> a = find(after, name);
      if (b.isPresent() && a.isPresent()) {
        diffs.add(ActionDiff.of(a.get().name(), steps(before, b.get()), steps(after, a.get())));
      } else if (b.isPresent()) {
        onlyBefore.add(b.get().name());
      } else if (a.isPresent()) {
        onlyAfter.add(a.get().name());
      } else if (strict) {
        after.action(name); // throws the user error naming the closest actions
      }
    }
    return new DiffReport(before.tree().name(), after.tree().name(), diffs, onlyBefore,
        onlyAfter);
  }

  private List<FlatStep> steps(Workspace ws, ApiAction action) {
    return Flattener.flatten(ws.diagram(action, detail, depth));
  }

  static Optional<ApiAction> find(Workspace ws, String name) {
    try {
      return Optional.of(ws.action(name));
    } catch (UserError e) {
      return Optional.empty();
    }
  }
}
