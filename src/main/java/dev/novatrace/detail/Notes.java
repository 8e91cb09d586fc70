package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes in a row over the same participant from the same function are one note of several
 * lines, as a person writes them.
 */
final class Notes {
  private Notes() {}

  static List<Step> merge(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      Step step = inner(s);
      int last = out.size() - 1;
      if (step instanceof Step.Note n && last >= 0 && out.get(last) instanceof Step.Note prev
          && prev.participant().equals(n.participant())
          && java.util.Objects.equals(prev.origin(), n.origin())) {
        if (!prev.text().equals(n.text())) {
          out.set(last, new Step.Note(n.participant(), prev.text() + "\n" + n.text(),
              prev.origin()));
        }
      } else {
        out.add(step);
      }
    }
    return out;
  }

  private static Step inner(Step s) {
    if (s instanceof Step.Block b) {
      List<Step.Branch> branches = new ArrayList<>();
      b.branches().forEach(br -> branches.add(new Step.Branch(br.condition(), merge(br.steps()))));
      return new Step.Block(b.kind(), branches, b.origin());
    }
    if (s instanceof Step.Invocation inv) {
      return new Step.Invocation(inv.from(), inv.to(), inv.label(), inv.kind(),
          merge(inv.steps()), inv.origin());
    }
    if (s instanceof Step.Cast c) {
      return new Step.Cast(c.from(), c.to(), c.label(), merge(c.steps()), c.origin());
    }
    return s;
  }
}
