package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions inside conditions are a service's fine print: below {@link #SHOWN} levels of blocks
 * in one activation, only the RPC skeleton stays (messages between services, state changes),
 * still inside its blocks, and one level more the requests to other services.
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
      if (s instanceof Step.Block b && blocks + 1 > SHOWN + 1) {
        out.addAll(Essentials.filter(List.of(b)));
      } else if (s instanceof Step.Block b && blocks + 1 > SHOWN) {
        out.addAll(withServices(b));
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

  /**
   * One level past {@link #SHOWN}: the skeleton and what the service asks other services to do
   * (cinder's attachment moves in a loop over the volumes, a placement claim); deeper, the
   * skeleton alone.
   */
  private static List<Step> withServices(Step.Block b) {
    List<Step.Branch> branches = new ArrayList<>();
    for (Step.Branch br : b.branches()) {
      List<Step> kept = new ArrayList<>();
      for (Step s : br.steps()) {
        if (s instanceof Step.Message m && m.kind() == Step.Kind.SERVICE
            && m.effect() != Step.Effect.READ) {
          kept.add(m);
        } else {
          kept.addAll(Essentials.filter(List.of(s)));
        }
      }
      branches.add(new Step.Branch(br.condition(), kept));
    }
    List<Step> out = new ArrayList<>();
    Branches.readd(b.kind(), branches, b.origin(), out);
    return out;
  }
}
