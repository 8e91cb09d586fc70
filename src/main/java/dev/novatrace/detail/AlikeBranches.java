package dev.novatrace.detail;

import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Two branches of a choice that do the same thing and only write other values are one branch,
 * as a person draws them: a live migration the hypervisor reports failed or cancelled is rolled
 * back alike, with its migration's status {@code 'failed' or 'cancelled'}. The conditions and
 * the values keep their order. A choice whose every branch, else included, draws the same is no
 * choice at this level (an RPC client's version check casts the same message either way). Full
 * detail draws each branch apart.
 */
final class AlikeBranches {
  private AlikeBranches() {}

  static List<Step> merge(List<Step> steps) {
    return Step.bottomUp(steps, AlikeBranches::mergeAlts);
  }

  /** The alts of one list merged, the lists inside them merged already. */
  private static List<Step> mergeAlts(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && b.kind() == Step.BlockKind.ALT) {
        Step.Block m = merged(b);
        // Drawn the same either way: the first way's steps (shaped first, so drawn in full) stand
        // for every way.
        out.addAll(drawsTheSameEitherWay(m) ? m.branches().get(0).steps() : withCommonTail(m));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * A choice whose every way, else included, ends with the same steps (the attached and the
   * detached extend, each after its own policy check, run the same _extend): those steps are
   * drawn once after it, anchored as the first way draws them.
   */
  private static List<Step> withCommonTail(Step.Block b) {
    List<Step.Branch> branches = b.branches();
    if (branches.size() < 2 || !branches.get(branches.size() - 1).condition().isEmpty()) {
      return List.of(b);
    }
    int common = 0;
    while (sameFromEnd(branches, common)) {
      common++;
    }
    if (common == 0) {
      return List.of(b);
    }
    List<Step.Branch> heads = new ArrayList<>();
    for (Step.Branch br : branches) {
      heads.add(new Step.Branch(br.condition(),
          br.steps().subList(0, br.steps().size() - common)));
    }
    List<Step> first = branches.get(0).steps();
    List<Step> out = new ArrayList<>();
    Branches.add(heads, b.origin(), out);
    out.addAll(first.subList(first.size() - common, first.size()));
    return out;
  }

  /** Whether every branch has a step {@code k} from its end, drawn alike in all. */
  private static boolean sameFromEnd(List<Step.Branch> branches, int k) {
    List<Step> first = null;
    for (Step.Branch br : branches) {
      int at = br.steps().size() - 1 - k;
      if (at < 0) {
        return false;
      }
      List<Step> drawn = unanchored(asDrawn(List.of(br.steps().get(at))));
      if (first == null) {
        first = drawn;
      } else if (!sameDrawing(drawn, first)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every branch, else included, draws the same at standard detail, where what a save
   * computes is not shown ({@code old_instance_type_id} whichever way the flavor is found).
   */
  private static boolean drawsTheSameEitherWay(Step.Block b) {
    List<Step.Branch> branches = b.branches();
    List<Step> first = unanchored(asDrawn(branches.get(0).steps()));
    return branches.size() > 1 && branches.get(branches.size() - 1).condition().isEmpty()
        && branches.stream().allMatch(br -> sameDrawing(unanchored(asDrawn(br.steps())), first));
  }

  /**
   * The steps without where they come from: two ways into the same work (Cinder's
   * create_snapshot_force and create_snapshot, both _create_snapshot) draw the same, only
   * anchored to other functions; the first way's anchors then stand for both.
   */
  private static List<Step> unanchored(List<Step> steps) {
    return Step.bottomUp(steps, list -> list.stream().filter(s -> !(s instanceof Step.Frame))
        .map(s -> StepTrees.withOrigin(s, null)).toList());
  }

  /**
   * The same steps, where a call drawn again without what its receiver does (drawn before, or
   * "as above") is the same call as the one drawn with it.
   */
  private static boolean sameDrawing(List<Step> a, List<Step> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Step x = a.get(i);
      Step y = b.get(i);
      boolean same = x.equals(y)
          || x instanceof Step.Invocation v && y instanceof Step.Invocation w
              && v.from().equals(w.from()) && v.to().equals(w.to()) && v.label().equals(w.label())
              && v.kind() == w.kind() && (trimmed(v) || trimmed(w))
          || x instanceof Step.Block p && y instanceof Step.Block q && p.kind() == q.kind()
              && p.branches().size() == q.branches().size() && sameBranches(p, q);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameBranches(Step.Block p, Step.Block q) {
    for (int i = 0; i < p.branches().size(); i++) {
      Step.Branch x = p.branches().get(i);
      Step.Branch y = q.branches().get(i);
      if (!x.condition().equals(y.condition()) || !sameDrawing(x.steps(), y.steps())) {
        return false;
      }
    }
    return true;
  }

  private static boolean trimmed(Step.Invocation v) {
    return v.steps().isEmpty() || StepTrees.asAbove(v);
  }

  /** The steps with the values of computed fields left out, as standard detail draws them. */
  private static List<Step> asDrawn(List<Step> steps) {
    return withoutValues(steps, Step.Field::computed);
  }

  private static Step.Block merged(Step.Block b) {
    List<Step.Branch> branches = new ArrayList<>();
    for (Step.Branch br : b.branches()) {
      Step.Branch last = branches.isEmpty() ? null : branches.get(branches.size() - 1);
      if (last != null && mergeable(last, br)) {
        String condition = operand(last.condition()) + " or " + operand(br.condition());
        branches.set(branches.size() - 1,
            new Step.Branch(condition, zip(last.steps(), br.steps())));
      } else {
        branches.add(br);
      }
    }
    return branches.size() == b.branches().size() ? b
        : new Step.Block(b.kind(), branches, b.origin());
  }

  /**
   * Both have conditions (an else is what no condition chose), draw something, and differ at
   * most in the values they write (or not at all: a failed and a cancelled migration both
   * roll back); neither condition was cut, which the joined one would hide.
   */
  private static boolean mergeable(Step.Branch a, Step.Branch b) {
    return !a.condition().isEmpty() && !b.condition().isEmpty() && !a.steps().isEmpty()
        && shapes(a.steps()).equals(shapes(b.steps()))
        && ConstText.whole(a.condition()) && ConstText.whole(b.condition());
  }

  /** The steps with the values they write left out. */
  private static List<Step> shapes(List<Step> steps) {
    return withoutValues(steps, f -> true);
  }

  /**
   * The steps with the values of the fields {@code left} picks left out of the saves that write
   * any (and their labels, which are made from the fields).
   */
  private static List<Step> withoutValues(List<Step> steps, Predicate<Step.Field> left) {
    return Step.bottomUp(steps, list -> list.stream().map(s -> withoutValues(s, left)).toList());
  }

  private static Step withoutValues(Step s, Predicate<Step.Field> left) {
    if (s instanceof Step.Message m && m.fields().stream().anyMatch(left)) {
      return new Step.Message(m.from(), m.to(), "", m.kind(), m.effect(), m.origin(),
          m.fields().stream().map(f -> left.test(f)
              ? new Step.Field(f.name(), null, f.computed()) : f).toList(), m.subject(),
          m.background());
    }
    return s;
  }

  /** Steps of the same shape, step by step, with both values where they differ. */
  private static List<Step> zip(List<Step> a, List<Step> b) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(zip(a.get(i), b.get(i)));
    }
    return out;
  }

  private static Step zip(Step a, Step b) {
    if (a instanceof Step.Message m && b instanceof Step.Message n && !m.equals(n)) {
      List<Step.Field> fields = new ArrayList<>();
      for (int i = 0; i < m.fields().size(); i++) {
        Step.Field f = m.fields().get(i);
        String other = n.fields().get(i).value();
        String value = Objects.equals(f.value(), other) || f.value() == null || other == null
            ? f.value() : f.value() + " or " + other;
        fields.add(new Step.Field(f.name(), value, f.computed()));
      }
      return m.withFields(fields, false);
    }
    if (a.getClass() == b.getClass() && !a.children().isEmpty()) {
      // Blocks, calls and casts of the same shape: what they hold, zipped; the rest as a has it.
      List<List<Step>> x = a.children();
      List<List<Step>> y = b.children();
      List<List<Step>> inner = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        inner.add(zip(x.get(i), y.get(i)));
      }
      return a.withChildren(inner);
    }
    return a;
  }

  /** A condition as an operand of "or": parenthesised when it has an "and" or "or" of its own. */
  private static String operand(String condition) {
    return condition.contains(" and ") || condition.contains(" or ")
        ? "(" + condition + ")" : condition;
  }
}
