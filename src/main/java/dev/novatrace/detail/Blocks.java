package dev.novatrace.detail;

import dev.novatrace.trace.ConstText;
import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Nested blocks that say one thing are one block, as a person writes them: an {@code opt xs}
 * around {@code loop for x in xs} is the loop (an empty loop does nothing), an opt that only
 * holds an opt is one opt on both conditions, a loop that only holds an opt filters, and a loop
 * that only holds a loop is one loop over both, as a comprehension writes it.
 */
final class Blocks {
  private Blocks() {}

  static List<Step> simplify(List<Step> steps) {
    return Step.bottomUp(steps, Blocks::simplifyHere);
  }

  /** The blocks of one list simplified, the lists inside them simplified already. */
  private static List<Step> simplifyHere(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && savesWhatItTests(b)) {
        // "if migration: migration.status = 'queued'; migration.save()": the save says it.
        out.addAll(b.branches().get(0).steps());
      } else {
        out.add(s instanceof Step.Block b ? simplified(b) : s);
      }
    }
    return out;
  }

  /**
   * The steps without a test inside the same test: a helper that tests again what its caller
   * tested ({@code opt image_id} around safe_image_show's {@code opt image_id}) adds no level.
   */
  static List<Step> withoutRetests(List<Step> steps) {
    return Step.bottomUp(steps, list -> list.stream()
        .map(s -> s instanceof Step.Block b && retest(b) != null ? retest(b) : s).toList());
  }

  /** The inner block of an opt that only holds an opt on the same condition, or null. */
  private static Step.Block retest(Step.Block b) {
    return b.kind() == Step.BlockKind.OPT && b.branches().size() == 1
        && b.branches().get(0).steps().size() == 1
        && b.branches().get(0).steps().get(0) instanceof Step.Block child
        && child.kind() == Step.BlockKind.OPT && child.branches().size() == 1
        && child.branches().get(0).condition().equals(b.branches().get(0).condition())
        ? child : null;
  }

  private static Step simplified(Step.Block b) {
    if (b.branches().size() != 1 || b.branches().get(0).steps().size() != 1
        || !(b.branches().get(0).steps().get(0) instanceof Step.Block child)
        || child.branches().size() != 1 || child.kind() == Step.BlockKind.ALT) {
      return b;
    }
    String outer = b.branches().get(0).condition();
    String inner = child.branches().get(0).condition();
    List<Step> body = child.branches().get(0).steps();
    if (b.kind() == Step.BlockKind.OPT && child.kind() == Step.BlockKind.LOOP
        && (inner.endsWith(" in " + outer) || inner.contains(" in " + outer + " if "))) {
      return child;
    }
    if (b.kind() == Step.BlockKind.OPT && child.kind() == Step.BlockKind.OPT) {
      return block(Step.BlockKind.OPT, operand(outer) + " and " + operand(inner), body, b);
    }
    if (b.kind() == Step.BlockKind.LOOP && child.kind() == Step.BlockKind.OPT) {
      return block(Step.BlockKind.LOOP, outer + " if " + operand(inner), body, b);
    }
    if (b.kind() == Step.BlockKind.LOOP && child.kind() == Step.BlockKind.LOOP) {
      // As Python writes nested loops in a comprehension: for a in as for b in bs.
      return block(Step.BlockKind.LOOP, outer + " " + inner, body, b);
    }
    return b;
  }

  /**
   * An opt on whether an object is there ({@code migration}, {@code migration is not None})
   * that only saves that object: the guard only keeps a None from being saved.
   */
  private static boolean savesWhatItTests(Step.Block b) {
    if (b.kind() != Step.BlockKind.OPT || b.branches().size() != 1) {
      return false;
    }
    String tested = b.branches().get(0).condition().replaceFirst(" is not None$", "");
    if (!tested.matches("[a-z_][a-z0-9_.]*")) {
      return false;
    }
    String object = ConstText.camelCase(tested.substring(tested.lastIndexOf('.') + 1)) + ".";
    List<Step> steps = b.branches().get(0).steps();
    return !steps.isEmpty() && steps.stream().allMatch(x -> x instanceof Step.Message m
        && m.kind() == Step.Kind.DATABASE && m.subject().startsWith(object));
  }

  /**
   * The merged block, or the two blocks as they are when the merged condition would be cut: a
   * cut would hide the inner condition ({@code loop for share_mapping in ...} without its
   * {@code if}), and the steps would read as if they always ran.
   */
  private static Step block(Step.BlockKind kind, String condition, List<Step> body,
      Step.Block at) {
    if (!ConstText.whole(condition)) {
      return at;
    }
    return new Step.Block(kind, List.of(new Step.Branch(condition, body)), at.origin());
  }

  /** A condition as an operand of "and": parenthesised when it has an "or" of its own. */
  private static String operand(String condition) {
    return condition.contains(" or ") ? "(" + condition + ")" : condition;
  }
}
