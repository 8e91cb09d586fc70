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
    return filter(steps, owner, Mode.SKELETON);
  }

  /**
   * The skeleton and every message to another service ({@code get_allocations_for_consumer}
   * to placement): what a note folding local work must never hide.
   */
  static List<Step> messages(List<Step> steps) {
    return filter(steps, null, Mode.MESSAGES);
  }

  /**
   * The skeleton of what {@code owner} does with what it asks other services to change or
   * hand over (an image downloaded from glance, a port bound): a driver's internals.
   */
  static List<Step> changes(List<Step> steps, String owner) {
    return filter(steps, owner, Mode.CHANGES);
  }

  /**
   * The outline of a handling too large for its diagram ({@link Budget}): the skeleton with
   * what it asks other services to change and every driver call it makes.
   */
  static List<Step> outline(List<Step> steps) {
    return filter(steps, null, Mode.OUTLINE);
  }

  /**
   * What the skeleton keeps besides RPC and state: nothing, changes asked of, all requests, or
   * changes asked of and the driver calls.
   */
  private enum Mode { SKELETON, CHANGES, MESSAGES, OUTLINE }

  private static boolean kept(Step.Message m, Mode mode) {
    return m.effect() == Step.Effect.STATE
        || mode == Mode.MESSAGES && m.kind() == Step.Kind.SERVICE
        || (mode == Mode.CHANGES || mode == Mode.OUTLINE) && m.kind() == Step.Kind.SERVICE
            && m.effect() != Step.Effect.READ;
  }

  private static List<Step> filter(List<Step> steps, String owner, Mode mode) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (owner != null && !doneBy(s, owner)) {
        out.add(s);
      } else if (s instanceof Step.Message m && kept(m, mode)) {
        out.add(m);
      } else if (s instanceof Step.Cast c) {
        out.add(c.withSteps(filter(c.steps(), null, mode)));
      } else if (s instanceof Step.Invocation inv) {
        List<Step> inner = filter(inv.steps(), null, mode);
        boolean again = again(inv);
        if (inv.kind() == Step.Kind.RPC_CALL || !inner.isEmpty() || again
            || mode == Mode.OUTLINE && inv.kind() == Step.Kind.DRIVER) {
          // A driver call whose handling was drawn before is drawn again: the branch that
          // makes it is not empty (an unencrypted volume's copy_image_to_volume, as for an
          // encrypted one).
          inner = again ? inv.steps() : inner;
          out.add(inv.withSteps(inner));
        }
      } else if (s instanceof Step.Block b) {
        block(b, owner, mode, out);
      }
    }
    return out;
  }

  /**
   * The skeleton with the tests that hold one branch opened: the way an action fails (a
   * rollback) said briefly, its conditions its own business ({@code if do_cleanup}); a choice
   * between two ways stays, and a loop, which says a message goes once per volume.
   */
  static List<Step> briefly(List<Step> steps) {
    return opened(filter(steps), false, false);
  }

  /**
   * Every message to another participant and the skeleton, with the tests that hold one branch
   * opened: what a callback sends, its conditions its own business, but not that its messages
   * always go: each request or record written behind an opened test says it is made only if
   * needed (the Nova notifier's event, sent only for a compute port's change).
   */
  static List<Step> sentBriefly(List<Step> steps) {
    return opened(messages(steps), true, false);
  }

  /**
   * The steps with the tests that hold one branch opened; {@code marking}: what such a test
   * held says "(if needed)" ({@code tested}: the steps are behind one already).
   */
  private static List<Step> opened(List<Step> steps, boolean marking, boolean tested) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && b.kind() != Step.BlockKind.LOOP && StepTrees.oneWay(b)) {
        b.branches().forEach(br -> Requests.addNew(opened(br.steps(), marking, marking), out));
      } else if (s instanceof Step.Block b) {
        // A choice between two ways, or a loop, stays with its own tests opened; what a call or
        // a cast leads to is kept as it is.
        out.add(b.mapChildren(inner -> opened(inner, marking, tested)));
      } else if (s instanceof Step.Message m && tested) {
        Requests.addNew(List.of(Requests.ifNeededOrState(m)), out);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean doneBy(Step s, String participant) {
    // Blocks are looked into; frames go with the skeleton's filter.
    return s instanceof Step.Block || s instanceof Step.Frame
        || StepTrees.doneBy(s, participant);
  }

  private static void block(Step.Block b, String owner, Mode mode, List<Step> out) {
    List<Step.Branch> branches = b.mapChildren(inner -> filter(inner, owner, mode)).branches();
    if (branches.stream().allMatch(br -> br.steps().stream().allMatch(Essentials::again))) {
      return; // the whole choice, driver calls drawn before in every branch, is as above
    }
    Branches.readd(b.kind(), branches, b.origin(), out);
  }

  private static boolean again(Step s) {
    return s instanceof Step.Invocation inv && inv.kind() == Step.Kind.DRIVER
        && StepTrees.asAbove(inv);
  }
}
