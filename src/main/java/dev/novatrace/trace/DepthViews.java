package dev.novatrace.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remembered trace used at another depth than it was made at, as a trace of that depth of its
 * own. What a function draws is the same at every depth its {@link Horizon} allows, but a detail
 * policy tells repeated code by the identity of its step lists (the same helper reached twice
 * at one depth is one list), so each depth a trace is used at gets lists of its own, the same
 * every time it is used there: as if it had been traced at that depth. The helpers it follows
 * are used one level deeper in turn; what another service does for it (a message's handler,
 * traced from that service's top) is the same list at every depth.
 */
final class DepthViews {
  /** Every trace made or viewed, by its step list. */
  private final Map<List<Step>, Tracer.Traced> byList = new IdentityHashMap<>();
  /** Each view's trace as made. */
  private final Map<Tracer.Traced, Tracer.Traced> madeOf = new IdentityHashMap<>();
  /** Each remembered trace as made, by the depths it was viewed at. */
  private final Map<Tracer.Traced, Map<Integer, Tracer.Traced>> views = new IdentityHashMap<>();

  /**
   * A trace just made; {@code remembered} when it is reused: one that is not would be traced
   * anew wherever it is met again, so each view of it is a new one too.
   */
  Tracer.Traced made(Tracer.Traced traced, boolean remembered) {
    register(traced);
    if (remembered) {
      views.put(traced, new HashMap<>());
    }
    return traced;
  }

  /** {@code traced}, made at one depth, as used at {@code depth}. */
  Tracer.Traced at(Tracer.Traced traced, int depth) {
    Tracer.Traced made = madeOf.getOrDefault(traced, traced);
    if (made.depth() == depth) {
      return made;
    }
    Map<Integer, Tracer.Traced> byDepth = views.getOrDefault(made, new HashMap<>());
    Tracer.Traced known = byDepth.get(depth);
    if (known == null) {
      known = new Tracer.Traced(shifted(made.steps(), depth - made.depth()), made.unsaved(),
          made.carried(), made.selfSet(), depth, made.reach());
      byDepth.put(depth, known);
      madeOf.put(known, made);
      register(known);
    }
    return known;
  }

  private void register(Tracer.Traced traced) {
    if (!traced.steps().isEmpty()) { // one empty list serves all: it says nothing of a trace
      byList.put(traced.steps(), traced);
    }
  }

  /**
   * A trace's own steps as made {@code shift} levels deeper: its helpers' lists their views at
   * their depth plus {@code shift}, and every list it built itself (a branch, a helper's
   * steps it rearranged) a list of its own.
   */
  private List<Step> shifted(List<Step> steps, int shift) {
    List<Step> out = new ArrayList<>(steps.size());
    for (Step s : steps) {
      out.add(shifted(s, shift));
    }
    return List.copyOf(out);
  }

  private Step shifted(Step s, int shift) {
    if (s instanceof Step.Local l) {
      Tracer.Traced helper = l.steps().isEmpty() ? null : byList.get(l.steps());
      return l.withSteps(helper != null ? at(helper, helper.depth() + shift).steps()
          : shifted(l.steps(), shift));
    }
    if (s instanceof Step.Nested n) {
      // Another service's handling starts at its own top: the same at any depth of the sender.
      boolean traced = !n.steps().isEmpty() && byList.containsKey(n.steps());
      return traced ? n : n.withSteps(shifted(n.steps(), 0));
    }
    if (s instanceof Step.Block b) {
      return b.mapChildren(list -> shifted(list, shift));
    }
    return s;
  }
}
