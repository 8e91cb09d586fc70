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
    return Step.bottomUp(steps, Notes::mergeHere);
  }

  /** The notes of one list merged, the lists inside its steps merged already. */
  private static List<Step> mergeHere(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step step : steps) {
      int last = out.size() - 1;
      // A note of what runs where a setting is otherwise stays a line of its own: merged, the
      // steps after it would read as conditional too.
      if (step instanceof Step.Note n && last >= 0 && out.get(last) instanceof Step.Note prev
          && !Defaults.isOtherwise(n) && !Defaults.isOtherwise(prev)
          && prev.participant().equals(n.participant())
          && Objects.equals(prev.origin(), n.origin())) {
        if (!said(prev.text(), n.text())) {
          out.set(last, new Step.Note(n.participant(), prev.text() + "\n" + n.text(),
              prev.origin()));
        }
      } else {
        out.add(step);
      }
    }
    return out;
  }

  /**
   * Whether a note's line says what {@code text} says: the same words, or a notification's
   * legacy and versioned names of one event ({@code rebuild.scheduled}, {@code
   * rebuild_scheduled}).
   */
  private static boolean said(String note, String text) {
    String said = event(text);
    return note.lines().anyMatch(line -> line.equals(text)
        || line.startsWith("notify: ") && event(line).equals(said));
  }

  /** {@code live_migration._post.end} and {@code live_migration_post.end} alike. */
  private static String event(String line) {
    return line.replaceAll("[._]+", ".");
  }
}
