package dev.novatrace.detail;

import dev.novatrace.trace.Conditions;
import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/** Turns a choice between branches into what a diagram draws, once their contents are known. */
final class Branches {
  private Branches() {}

  /**
   * opt for one branch with steps, alt for several, nothing when no branch draws anything; a
   * lone else branch is an opt on the negated condition.
   */
  static void add(List<Step.Branch> branches, Step.Origin origin, List<Step> out) {
    long nonEmpty = branches.stream().filter(b -> !b.steps().isEmpty()).count();
    if (nonEmpty == 0) {
      return;
    }
    while (!branches.isEmpty() && branches.get(branches.size() - 1).steps().isEmpty()) {
      branches = branches.subList(0, branches.size() - 1);
    }
    if (branches.size() == 1) {
      out.add(new Step.Block(Step.BlockKind.OPT, List.copyOf(branches), origin));
    } else if (nonEmpty == 1 && branches.size() == 2 && branches.get(0).steps().isEmpty()
        && branches.get(1).condition().isEmpty()) {
      String negated = Conditions.negated(branches.get(0).condition());
      out.add(new Step.Block(Step.BlockKind.OPT,
          List.of(new Step.Branch(negated, branches.get(1).steps())), origin));
    } else {
      out.add(new Step.Block(Step.BlockKind.ALT, List.copyOf(branches), origin));
    }
  }

  /**
   * A drawn block again after some of its steps were left out: a loop or an opt (its one
   * condition kept as it is, perhaps a negated else) only if something is left, an alt as a
   * choice between what is left.
   */
  static void readd(Step.BlockKind kind, List<Step.Branch> branches, Step.Origin origin,
      List<Step> out) {
    if (kind == Step.BlockKind.LOOP || kind == Step.BlockKind.OPT) {
      if (!branches.get(0).steps().isEmpty()) {
        out.add(new Step.Block(kind, branches, origin));
      }
    } else {
      add(branches, origin, out);
    }
  }

  /** "if x: ...; return" with the rest of the block: inline when the guarded part is empty. */
  static void addGuard(Step.Branch guarded, List<Step> rest, Step.Origin origin,
      List<Step> out) {
    if (guarded.steps().isEmpty()) {
      out.addAll(rest);
      return;
    }
    List<Step.Branch> branches = new ArrayList<>();
    branches.add(guarded);
    if (!rest.isEmpty()) {
      branches.add(new Step.Branch("", rest));
    }
    add(branches, origin, out);
  }
}
