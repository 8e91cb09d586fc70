package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/** The same message several times in a row is drawn once, labelled with the count. */
final class Repeats {
  private Repeats() {}

  static List<Step> merge(List<Step> steps) {
    return Step.bottomUp(steps, Repeats::mergeHere);
  }

  /** The repeats of one list merged, the lists inside its steps merged already. */
  private static List<Step> mergeHere(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      Step s = steps.get(i);
      int n = 1;
      while (i + n < steps.size() && repeatable(s) && steps.get(i + n).equals(s)) {
        n++;
      }
      out.add(n == 1 ? s : counted(s, n));
      i += n;
    }
    return out;
  }

  private static boolean repeatable(Step s) {
    return s instanceof Step.Message || s instanceof Step.Invocation;
  }

  private static Step counted(Step s, int n) {
    String times = " (\u00d7" + n + ")";
    if (s instanceof Step.Message m) {
      return m.withLabel(m.label() + times);
    }
    Step.Invocation inv = (Step.Invocation) s;
    return new Step.Invocation(inv.from(), inv.to(), inv.label() + times, inv.kind(),
        inv.steps(), inv.origin());
  }
}
