package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
      // A note of what runs where a setting is otherwise stays a line of its own: merged, the
      // steps after it would read as conditional too.
      if (step instanceof Step.Note n && last >= 0 && out.get(last) instanceof Step.Note prev
          && !Defaults.isOtherwise(n) && !Defaults.isOtherwise(prev)
          && prev.participant().equals(n.participant())
          && Objects.equals(prev.origin(), n.origin())) {
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
    return StepTrees.mapInner(s, Notes::merge);
  }

}
