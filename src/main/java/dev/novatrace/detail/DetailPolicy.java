package dev.novatrace.detail;

import dev.novatrace.trace.Trace;

/**
 * Shapes the raw trace of an action to one level of detail: the step between the tracer, which
 * follows everything, and the diagram, which shows what a reader needs.
 */
@FunctionalInterface
public interface DetailPolicy {

  /**
   * What the condition of a failure path ends with at full detail ({@code opt
   * mapping.status == 'attaching' (raises)}); the other levels leave such paths out.
   */
  String FAILS = " (raises)";

  Trace shape(Trace raw);

  /**
   * The policy of a level. {@code depth}: how many helper levels inside a service are shown
   * with everything they do (below it, only what crosses a service or changes state).
   */
  static DetailPolicy of(Detail detail, int depth, DetailRules rules) {
    return switch (detail) {
      case FULL -> raw -> Shaper.shape(raw, new Shaper.Level(depth, false), rules);
      case STANDARD -> raw -> Shaper.shape(raw, new Shaper.Level(depth, true), rules);
      case OVERVIEW -> raw -> overview(Shaper.shape(raw, new Shaper.Level(depth, true), rules));
    };
  }

  /** Overview is standard's RPC skeleton, so everything in it is in standard by construction. */
  private static Trace overview(Trace standard) {
    return standard.withSteps(Essentials.filter(standard.steps()));
  }
}
