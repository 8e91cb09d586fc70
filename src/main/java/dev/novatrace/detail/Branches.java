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
    branches = withoutEmpty(branches);
    if (branches.size() == 1) {
      out.add(new Step.Block(Step.BlockKind.OPT, List.copyOf(branches), origin));
    } else {
      out.add(new Step.Block(Step.BlockKind.ALT, List.copyOf(branches), origin));
    }
  }

  /**
   * The branches that draw something, none drawn empty: an elif chain says each condition whole,
   * so an empty one is left out; the else after one says it did not hold ({@code else not
   * (A or B)}), and is an opt on that when nothing before it draws anything.
   */
  private static List<Step.Branch> withoutEmpty(List<Step.Branch> branches) {
    Step.Branch last = branches.get(branches.size() - 1);
    boolean orElse = last.condition().isEmpty();
    List<Step.Branch> kept = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Step.Branch b : branches.subList(0, branches.size() - (orElse ? 1 : 0))) {
      if (b.steps().isEmpty()) {
        skipped.add(b.condition());
      } else {
        kept.add(b);
      }
    }
    if (orElse) {
      kept.add(skipped.isEmpty() ? last
          : new Step.Branch(Conditions.negated(skipped.size() == 1 ? skipped.get(0)
              : String.join(" or ", skipped)), last.steps()));
    }
    return kept;
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
