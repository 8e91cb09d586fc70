package dev.novatrace.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work other services start once a trace's messages have had their effect
 * ({@link TraceProfile.Continuation}): each continuation whose trigger the trace sends is traced
 * from its handler and appended as a cast, so that it is drawn after the request's reply, as the
 * work of a cast's receiver is. A handler's own messages trigger nothing further: what follows
 * a continuation is another story. Continuations of one group are alternatives (a port row
 * created is reported down, one updated is reported up): the one whose trigger the request
 * sends under the fewest conditions its content decides is drawn, the first of them on a tie.
 */
public final class Continuations {
  private Continuations() {}

  /** {@code steps}, then a cast for each continuation they trigger, in the profile's order. */
  public static List<Step> appended(List<Step> steps, Tracer tracer, TraceProfile profile) {
    Map<String, TraceProfile.Continuation> chosen = new LinkedHashMap<>();
    Map<String, Integer> fewest = new LinkedHashMap<>();
    for (TraceProfile.Continuation c : profile.continuations()) {
      int conditions = conditions(steps, c, 0);
      if (conditions < fewest.getOrDefault(c.group(), Integer.MAX_VALUE)) {
        fewest.put(c.group(), conditions);
        chosen.put(c.group(), c);
      }
    }
    List<Step> out = new ArrayList<>(steps);
    for (TraceProfile.Continuation c : chosen.values()) {
      List<Step> handler = tracer.traceEntry(c.entry(), c.participant(), c.self(),
          c.literals());
      // A trigger the request sends only behind a test of its content (a provider network's
      // localnet port) starts the handling only then.
      String label = fewest.get(c.group()) > 0 ? c.label() + " (if needed)" : c.label();
      out.add(new Step.Cast(c.from(), c.participant(), label, handler,
          Step.Origin.of(c.entry())));
    }
    return out;
  }

  /**
   * The fewest conditions under which {@code steps} send {@code c}'s trigger ({@code
   * Integer.MAX_VALUE}: never): a branch the request's content decides adds one; a loop's
   * body, a setting's default and the rest of a block after an early return's guard add none;
   * the branch of a deployment set otherwise is not looked into.
   */
  static int conditions(List<Step> steps, TraceProfile.Continuation c, int depth) {
    int best = Integer.MAX_VALUE;
    for (Step s : steps) {
      if (triggers(s, c)) {
        return depth;
      }
      List<List<Step>> branches = s.children();
      for (int i = 0; i < branches.size(); i++) {
        if (s instanceof Step.Block b && b.kind() == Step.BlockKind.DEFAULT && i > 0) {
          continue; // the way only a deployment set otherwise takes starts nothing here
        }
        best = Math.min(best, conditions(branches.get(i), c, depth + added(s, i, branches)));
      }
    }
    return best;
  }

  /** What the {@code i}th of a step's lists adds to the conditions it runs under. */
  private static int added(Step s, int i, List<List<Step>> branches) {
    if (!(s instanceof Step.Block b)) {
      return 0;
    }
    return switch (b.kind()) {
      case LOOP -> 0;
      case DEFAULT -> 0;
      case GUARD -> i == branches.size() - 1 ? 0 : 1;
      default -> 1;
    };
  }

  /**
   * Whether {@code s}, a step at the top of a trace whose API runs in {@code api}, is a
   * continuation {@link #appended} made: a cast back to the API's own service.
   */
  public static boolean isContinuation(Step s, String api) {
    return s instanceof Step.Cast c && c.to().equals(api);
  }

  /** Whether {@code s} sends {@code c}'s trigger: a message or a cast of its labels. */
  static boolean triggers(Step s, TraceProfile.Continuation c) {
    if (s instanceof Step.Message m) {
      return m.to().equals(c.trigger()) && c.labels().contains(m.label()) && c.fires().test(m);
    }
    return s instanceof Step.Cast k && k.to().equals(c.trigger())
        && c.labels().contains(k.label());
  }
}
