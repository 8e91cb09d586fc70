package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A choice the deployment's settings decide, below full detail: the default branch is drawn as
 * the path, and the other is one note saying when it runs and what it then asks of other
 * services, so a reader sees that it exists without reading it as what a cloud does.
 */
final class Defaults {
  /** Labels named in a note; more are "...". */
  private static final int SHOWN = 3;
  private static final String IF = "if ";
  /** How the tracer ends the other branch's condition ({@code [quota] driver set otherwise}). */
  private static final String OTHERWISE = " set otherwise: ";

  private Defaults() {}

  /**
   * The note for the branch not taken by default, or null when it asks nothing of another
   * participant that the default branch does not ask too (a service's own bookkeeping, or the
   * same calls either way, is not worth a line).
   */
  static Step.Note otherwise(Step.Block b, String participant) {
    Step.Branch other = b.branches().get(1);
    Set<String> labels = new LinkedHashSet<>();
    messages(other.steps(), labels);
    Set<String> either = new LinkedHashSet<>();
    messages(b.branches().get(0).steps(), either);
    labels.removeAll(either);
    if (labels.isEmpty()) {
      return null;
    }
    List<String> shown = new ArrayList<>(labels).subList(0, Math.min(SHOWN, labels.size()));
    String what = String.join(", ", shown) + (labels.size() > SHOWN ? ", ..." : "");
    String where = participant != null ? participant : first(b);
    return where == null ? null : new Step.Note(where, IF + other.condition() + ": " + what,
        b.origin());
  }

  /**
   * Whether steps do nothing in a default deployment: a choice the settings decide whose default
   * branch does nothing, perhaps inside helpers and other choices that do nothing else
   ({@code power_down_for_instance} returns at once unless {@code cpu_power_management} is on).
   */
  static boolean idle(List<Step> steps) {
    return !steps.isEmpty() && steps.stream().allMatch(Defaults::inert) && decides(steps);
  }

  /**
   * A step that does nothing by default: a choice whose default branch does nothing, a block
   * of such, or a helper that is idle itself. A helper that draws nothing but is called (a note
   * at standard: "get guest") does something.
   */
  private static boolean inert(Step s) {
    if (s instanceof Step.Block b) {
      return b.kind() == Step.BlockKind.DEFAULT
          ? b.branches().get(0).steps().stream().allMatch(Defaults::inert)
          : b.children().stream().allMatch(inner -> inner.stream().allMatch(Defaults::inert));
    }
    return s instanceof Step.Local l && idle(l.steps());
  }

  /** Whether a choice the settings decide is among the steps, in blocks and helpers. */
  private static boolean decides(List<Step> steps) {
    return Step.walk(steps, s -> s instanceof Step.Block || s instanceof Step.Local
            ? s.children() : List.of())
        .anyMatch(s -> s instanceof Step.Block b && b.kind() == Step.BlockKind.DEFAULT);
  }

  /** Whether a note is one {@link #otherwise} made: a line of its own, never merged. */
  static boolean isOtherwise(Step.Note n) {
    return n.text().startsWith(IF) && n.text().contains(OTHERWISE);
  }

  /**
   * What each message to another participant says, depth first: the first line of its label,
   * or for a save, the object it saves.
   */
  private static void messages(List<Step> steps, Set<String> out) {
    Step.walk(steps).forEach(s -> {
      if (s instanceof Step.Message m && !m.from().equals(m.to())) {
        out.add(m.fields().isEmpty() ? firstLine(m.label()) : "save " + saved(m));
      } else if (s instanceof Step.Invocation i) {
        out.add(firstLine(i.label()));
      } else if (s instanceof Step.Cast c) {
        out.add(firstLine(c.label()));
      }
    });
  }

  /** A save's fields, by name: {@code vm_state, task_state}. */
  private static String saved(Step.Message m) {
    List<String> names = m.fields().stream().map(Step.Field::name).distinct().toList();
    return String.join(", ", names.subList(0, Math.min(2, names.size())))
        + (names.size() > 2 ? ", ..." : "");
  }

  private static String firstLine(String label) {
    int nl = label.indexOf('\n');
    return nl < 0 ? label : label.substring(0, nl);
  }

  /** Who runs the block's code, from the first step that says. */
  private static String first(Step.Block b) {
    for (Step.Branch br : b.branches()) {
      for (Step s : br.steps()) {
        String p = s instanceof Step.Message m ? m.from() : s instanceof Step.Invocation i
            ? i.from() : s instanceof Step.Cast c ? c.from() : s instanceof Step.Local l
            ? l.participant() : s instanceof Step.Note n ? n.participant() : null;
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
