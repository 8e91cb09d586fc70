package dev.novatrace.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The work other services start once a trace's messages have had their effect
 * ({@link TraceProfile.Continuation}): each continuation whose trigger the trace sends is traced
 * from its handler and appended as a cast, so that it is drawn after the request's reply, as the
 * work of a cast's receiver is. A handler's own messages trigger nothing further: what follows
 * a continuation is another story.
 */
public final class Continuations {
  private Continuations() {}

  /** {@code steps}, then a cast for each continuation they trigger, in the profile's order. */
  public static List<Step> appended(List<Step> steps, Tracer tracer, TraceProfile profile) {
    List<Step> out = new ArrayList<>(steps);
    for (TraceProfile.Continuation c : profile.continuations()) {
      if (Step.walk(steps).anyMatch(s -> triggers(s, c))) {
        List<Step> handler = tracer.traceEntry(c.entry(), c.participant(), 0, c.self());
        out.add(new Step.Cast(c.from(), c.participant(), c.label(), handler,
            Step.Origin.of(c.entry())));
      }
    }
    return out;
  }

  /** Whether {@code s} sends {@code c}'s trigger: a message or a cast of its labels. */
  static boolean triggers(Step s, TraceProfile.Continuation c) {
    if (s instanceof Step.Message m) {
      return m.to().equals(c.trigger()) && c.labels().contains(m.label());
    }
    return s instanceof Step.Cast k && k.to().equals(c.trigger())
        && c.labels().contains(k.label());
  }
}
