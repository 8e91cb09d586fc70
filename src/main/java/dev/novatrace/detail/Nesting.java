package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions inside conditions are a service's fine print: below {@link #SHOWN} levels of blocks
 * in one activation, the RPC skeleton stays (messages between services, state changes) with the
 * requests to other services; one level more, the blocks that only make requests are opened and
 * their requests said as one arrow ({@link Requests}).
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
        out.addAll(Requests.said(List.of(b)));
      } else if (s instanceof Step.Block b && blocks + 1 > SHOWN) {
        out.addAll(withServices(b));
      } else if (s instanceof Step.Block b) {
        Branches.readd(b.kind(), b.mapChildren(inner -> limit(inner, blocks + 1)).branches(),
            b.origin(), out);
      } else {
        // A call or a cast starts another activation, with its own levels.
        out.add(s.mapChildren(inner -> limit(inner, 0)));
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
    List<Step> out = new ArrayList<>();
    Branches.readd(b.kind(), b.mapChildren(Nesting::withServices).branches(), b.origin(), out);
    return out;
  }

  /** One branch's steps, as {@link #withServices(Step.Block)} keeps them. */
  private static List<Step> withServices(List<Step> steps) {
    List<Step> kept = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Message m && m.kind() == Step.Kind.SERVICE
          && m.effect() != Step.Effect.READ) {
        kept.add(m);
      } else if (s instanceof Step.Block) {
        kept.addAll(Requests.said(List.of(s)));
      } else {
        kept.addAll(Essentials.filter(List.of(s)));
      }
    }
    return kept;
  }
}
