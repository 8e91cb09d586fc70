package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The RPC skeleton of some steps: messages between services (RPC casts and calls) and state
 * changes, with the blocks that choose between them. A driver call stays only for what of that
 * happens inside it; notes, reads, writes and external services are left out.
 */
final class Essentials {
  private Essentials() {}

  static List<Step> filter(List<Step> steps) {
    return filter(steps, null);
  }

  /**
   * The skeleton of what {@code owner} does (null: anyone), keeping whole what another
   * participant does among its steps: the manager's work a driver calls back into (the post and
   * rollback steps of a live migration) is no driver internal.
   */
  static List<Step> filter(List<Step> steps, String owner) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (owner != null && !doneBy(s, owner)) {
        out.add(s);
      } else if (s instanceof Step.Message m && m.effect() == Step.Effect.STATE) {
        out.add(m);
      } else if (s instanceof Step.Cast c) {
        out.add(new Step.Cast(c.from(), c.to(), c.label(), filter(c.steps()), c.origin()));
      } else if (s instanceof Step.Invocation inv) {
        List<Step> inner = filter(inv.steps());
        if (inv.kind() == Step.Kind.RPC_CALL || !inner.isEmpty()) {
          out.add(new Step.Invocation(inv.from(), inv.to(), inv.label(), inv.kind(), inner,
              inv.origin()));
        }
      } else if (s instanceof Step.Block b) {
        block(b, owner, out);
      }
    }
    return out;
  }

  private static boolean doneBy(Step s, String participant) {
    if (s instanceof Step.Message m) {
      return m.from().equals(participant);
    } else if (s instanceof Step.Note n) {
      return n.participant().equals(participant);
    } else if (s instanceof Step.Invocation inv) {
      return inv.from().equals(participant);
    } else if (s instanceof Step.Cast c) {
      return c.from().equals(participant);
    }
    return true; // blocks are looked into; frames go with the skeleton's filter
  }

  private static void block(Step.Block b, String owner, List<Step> out) {
    List<Step.Branch> branches = new ArrayList<>();
    for (Step.Branch br : b.branches()) {
      branches.add(new Step.Branch(br.condition(), filter(br.steps(), owner)));
    }
    Branches.readd(b.kind(), branches, b.origin(), out);
  }
}
