package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites the step lists nested in a step (branches, a call's or a cast's receiver steps). */
final class StepTrees {
  private StepTrees() {}

  static Step mapInner(Step s, UnaryOperator<List<Step>> f) {
    if (s instanceof Step.Block b) {
      List<Step.Branch> branches = new ArrayList<>();
      b.branches().forEach(br -> branches.add(new Step.Branch(br.condition(), f.apply(br.steps()))));
      return new Step.Block(b.kind(), branches, b.origin());
    }
    if (s instanceof Step.Invocation inv) {
      return new Step.Invocation(inv.from(), inv.to(), inv.label(), inv.kind(),
          f.apply(inv.steps()), inv.origin());
    }
    if (s instanceof Step.Cast c) {
      return new Step.Cast(c.from(), c.to(), c.label(), f.apply(c.steps()), c.origin());
    }
    return s;
  }

  /** The step with another anchor (the steps nested in it keep theirs). */
  static Step withOrigin(Step s, Step.Origin origin) {
    if (s instanceof Step.Message m) {
      return new Step.Message(m.from(), m.to(), m.label(), m.kind(), m.effect(), origin,
          m.fields(), m.subject());
    }
    if (s instanceof Step.Note n) {
      return new Step.Note(n.participant(), n.text(), origin);
    }
    if (s instanceof Step.Block b) {
      return new Step.Block(b.kind(), b.branches(), origin);
    }
    if (s instanceof Step.Invocation inv) {
      return new Step.Invocation(inv.from(), inv.to(), inv.label(), inv.kind(), inv.steps(),
          origin);
    }
    if (s instanceof Step.Cast c) {
      return new Step.Cast(c.from(), c.to(), c.label(), c.steps(), origin);
    }
    return s;
  }
}
