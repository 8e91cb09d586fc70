package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions inside conditions are a service's fine print: below {@link #SHOWN} levels of blocks
 * in one activation, only the RPC skeleton stays (messages between services, state changes),
 * still inside its blocks.
 */
final class Nesting {
  /** Levels of nested blocks in one activation drawn with everything standard shows. */
  static final int SHOWN = 2;

  private Nesting() {}

  static List<Step> limit(List<Step> steps) {
    return limit(steps, 0);
  }

  private static List<Step> limit(List<Step> steps, int blocks) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && blocks + 1 > SHOWN) {
        out.addAll(Essentials.filter(List.of(b)));
      } else if (s instanceof Step.Block b) {
        List<Step.Branch> branches = new ArrayList<>();
        b.branches().forEach(br -> branches.add(
            new Step.Branch(br.condition(), limit(br.steps(), blocks + 1))));
        Branches.readd(b.kind(), branches, b.origin(), out);
      } else {
        // A call or a cast starts another activation, with its own levels.
        out.add(StepTrees.mapInner(s, inner -> limit(inner, 0)));
      }
    }
    return out;
  }
}
