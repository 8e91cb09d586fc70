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
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Message m && m.effect() == Step.Effect.STATE) {
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
        block(b, out);
      }
    }
    return out;
  }

  private static void block(Step.Block b, List<Step> out) {
    List<Step.Branch> branches = new ArrayList<>();
    for (Step.Branch br : b.branches()) {
      branches.add(new Step.Branch(br.condition(), filter(br.steps())));
    }
    Branches.readd(b.kind(), branches, b.origin(), out);
  }
}
