package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the detail policies ask of steps beyond {@link Step#children}: who does a step, a step
 * anchored elsewhere, the steps a list runs with its blocks opened.
 */
final class StepTrees {
  private StepTrees() {}

  /** What a note adds to say that what it stands for was drawn before. */
  static final String AS_ABOVE = " (as above)";

  /** The step with another anchor (the steps nested in it keep theirs). */
  static Step withOrigin(Step s, Step.Origin origin) {
    if (s instanceof Step.Message m) {
      return new Step.Message(m.from(), m.to(), m.label(), m.kind(), m.effect(), origin,
          m.fields(), m.subject(), m.background());
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

  /**
   * The steps {@code owner} does, blocks and all, anchored to {@code origin}; what another
   * participant does among them (a callback into the manager) keeps its own anchors.
   */
  static List<Step> anchored(List<Step> steps, Step.Origin origin, String owner) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b) {
        // A block holding another's steps is that code's choice (the manager's, called back).
        out.add(withOrigin(b.mapChildren(inner -> anchored(inner, origin, owner)),
            allDoneBy(b, owner) ? origin : b.origin()));
      } else if (!(s instanceof Step.Frame)) {
        // A frame would say the path goes through a function the steps are no longer at.
        out.add(doneBy(s, owner) ? withOrigin(s, origin) : s);
      }
    }
    return out;
  }

  private static boolean allDoneBy(Step.Block b, String owner) {
    return inBlocks(List.of(b)).allMatch(s -> doneBy(s, owner));
  }

  /**
   * The steps {@code steps} run in their own activation, in order: what their blocks hold, at
   * any depth, but not the blocks themselves, nor what a call, a cast or a helper holds.
   */
  static Stream<Step> inBlocks(List<Step> steps) {
    return Step.walk(steps, s -> s instanceof Step.Block ? s.children() : List.of())
        .filter(s -> !(s instanceof Step.Block));
  }

  /**
   * Whether a block goes at most one way (an opt, a loop, a choice of which one branch draws):
   * opening it says its steps may happen; opening a choice between two ways would draw both.
   */
  static boolean oneWay(Step.Block b) {
    return b.branches().stream().filter(br -> !br.steps().isEmpty()).count() <= 1;
  }

  /** A call drawn again whose handling is as drawn before: one "(as above)" note. */
  static boolean asAbove(Step.Invocation inv) {
    return inv.steps().size() == 1 && inv.steps().get(0) instanceof Step.Note n
        && n.text().endsWith(AS_ABOVE);
  }

  /** Whether {@code participant} sends or says the step (a block or frame: no one). */
  static boolean doneBy(Step s, String participant) {
    if (s instanceof Step.Message m) {
      return m.from().equals(participant);
    } else if (s instanceof Step.Note n) {
      return n.participant().equals(participant);
    } else if (s instanceof Step.Invocation inv) {
      return inv.from().equals(participant);
    } else if (s instanceof Step.Cast c) {
      return c.from().equals(participant);
    }
    return false;
  }
}
