package dev.novatrace.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A global sequence alignment (Needleman–Wunsch) of two step sequences. Unlike a line diff it has
 * a notion of substitution: two steps may pair as the same, as moved (same step, other anchor) or
 * as changed (same participants, other text), each scored lower, so a renamed RPC method shows as
 * one changed step rather than a removal and an addition.
 */
public final class Alignment {

  /** How two steps pair up; {@code null} from a {@link Matcher} means they do not. */
  public enum Pairing {
    SAME(4), MOVED(3), CHANGED(1);

    final int score;

    Pairing(int score) {
      this.score = score;
    }
  }

  /** What the alignment says of one position. */
  public enum OpType { SAME, MOVED, CHANGED, ADDED, REMOVED }

  /** One position: {@code before} is null for an addition, {@code after} for a removal. */
  public record Op<T>(OpType type, T before, T after) {}

  /** Tells how two steps pair, or null when they are unrelated. */
  public interface Matcher<T> extends BiFunction<T, T, Pairing> {}

  private static final int GAP = -1;

  private Alignment() {}

  /** Aligns {@code before} with {@code after}; the result runs in order through both. */
  public static <T> List<Op<T>> align(List<T> before, List<T> after, Matcher<T> matcher) {
    int n = before.size();
    int m = after.size();
    int[][] score = new int[n + 1][m + 1];
    for (int i = 1; i <= n; i++) {
      score[i][0] = i * GAP;
    }
    for (int j = 1; j <= m; j++) {
      score[0][j] = j * GAP;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int best = Math.max(score[i - 1][j], score[i][j - 1]) + GAP;
        Pairing p = matcher.apply(before.get(i - 1), after.get(j - 1));
        if (p != null) {
          best = Math.max(best, score[i - 1][j - 1] + p.score);
        }
        score[i][j] = best;
      }
    }
    List<Op<T>> ops = new ArrayList<>();
    int i = n;
    int j = m;
    // Walking back, prefer a pairing, then an addition, so removals read before additions.
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        Pairing p = matcher.apply(before.get(i - 1), after.get(j - 1));
        if (p != null && score[i][j] == score[i - 1][j - 1] + p.score) {
          ops.add(new Op<>(OpType.valueOf(p.name()), before.get(i - 1), after.get(j - 1)));
          i--;
          j--;
          continue;
        }
      }
      if (j > 0 && score[i][j] == score[i][j - 1] + GAP) {
        ops.add(new Op<>(OpType.ADDED, null, after.get(j - 1)));
        j--;
      } else {
        ops.add(new Op<>(OpType.REMOVED, before.get(i - 1), null));
        i--;
      }
    }
    Collections.reverse(ops);
    return ops;
  }

  /** The matcher for diagram steps: anchors and texts decide between same, moved and changed. */
  public static Pairing steps(FlatStep a, FlatStep b) {
    if (!a.sameShape(b)) {
      return null;
    }
    // White space alone is no change: a reformatted label is the same step.
    if (a.sameText(b)) {
      return a.sameAnchor(b) ? Pairing.SAME : Pairing.MOVED;
    }
    // A changed step keeps its anchor or most of its text; otherwise it is another step.
    return (a.anchor() != null && a.sameAnchor(b)) || similar(a.text(), b.text()) ? Pairing.CHANGED : null;
  }

  static boolean similar(String a, String b) {
    int longest = Math.max(a.length(), b.length());
    // distance * 2 <= longest, asked without computing more of the distance than that needs
    return longest > 0 && dev.novatrace.util.EditDistance.within(a, b, longest / 2);
  }
}
