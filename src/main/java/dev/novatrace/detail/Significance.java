package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * What still matters in a deeply nested helper: messages to other services (RPC, the virt
 * driver, external services) and state changes written to the database. Reads, notes and
 * helper chatter below the chosen depth are left out so diagrams stay readable.
 */
final class Significance {
  private Significance() {}

  static List<Step> filter(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Cast || s instanceof Step.Invocation) {
        out.add(s);
      } else if (s instanceof Step.Message m && isSignificant(m)) {
        out.add(s);
      } else if (s instanceof Step.Block b) {
        Step.Block kept = b.mapChildren(Significance::filter);
        if (kept.children().stream().anyMatch(inner -> !inner.isEmpty())) {
          out.add(kept);
        }
      }
    }
    return out;
  }

  /** External services always; the database only for state changes. */
  static boolean isSignificant(Step.Message m) {
    return m.kind() == Step.Kind.SERVICE || m.effect() == Step.Effect.STATE;
  }
}
