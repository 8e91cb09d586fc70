package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard detail is read whole, so it has a size budget. A diagram over it has its largest
 * handling of a message past the second hop (the destination's create flow a migration casts,
 * a backup restore a volume create casts) drawn in outline: the messages, the driver calls and
 * the state changes of that handling, without its notes and reads; full detail draws it all.
 * Handlings on the second hop (each volume's create flow in a group's create) are outlined only
 * when no later one is left, and the first hop's, the action's own flow, never.
 */
public final class Budget {
  /** Lines a diagram at standard detail is read in whole. */
  public static final int LINES = 300;
  /** Handlings this many hops from the API or more are outlined first; then the second hop's. */
  static final int LATE_HOP = 3;
  /** What an outlined handling says first. */
  static final String OUTLINE = "in outline: full detail draws all of it";

  private Budget() {}

  /**
   * The trace with its largest handling that may be outlined, outlined; the same trace (by
   * identity) when none is left.
   */
  public static Trace outlineLargest(Trace t) {
    Step largest = largest(t.steps(), 0, LATE_HOP, null);
    if (largest == null) {
      largest = largest(t.steps(), 0, LATE_HOP - 1, null);
    }
    if (largest == null) {
      return t;
    }
    return new Trace(t.action(), t.client(), t.entryParticipant(), t.request(), t.reply(),
        t.entry(), outline(t.steps(), largest));
  }

  /**
   * The handling at least {@code from} hops out drawing most steps among {@code steps} (their
   * own {@code hop}), or {@code best}.
   */
  private static Step largest(List<Step> steps, int hop, int from, Step best) {
    for (Step s : steps) {
      if (s instanceof Step.Block b) {
        for (Step.Branch br : b.branches()) {
          best = largest(br.steps(), hop, from, best);
        }
      } else if (handling(s) && !inner(s).isEmpty()) {
        if (hop + 1 >= from && !outlined(s)
            && (best == null || size(inner(s)) > size(inner(best)))) {
          best = s;
        }
        best = largest(inner(s), hop + 1, from, best);
      }
    }
    return best;
  }

  /** A message another service handles: a cast, or an RPC call with its handling. */
  private static boolean handling(Step s) {
    return s instanceof Step.Cast
        || s instanceof Step.Invocation inv && inv.kind() == Step.Kind.RPC_CALL;
  }

  private static List<Step> inner(Step s) {
    return s instanceof Step.Cast c ? c.steps() : ((Step.Invocation) s).steps();
  }

  private static boolean outlined(Step s) {
    List<Step> inner = inner(s);
    return inner.get(0) instanceof Step.Note n && n.text().equals(OUTLINE);
  }

  /** Steps drawn, blocks' branches counted: how much outlining a handling saves. */
  private static int size(List<Step> steps) {
    int n = 0;
    for (Step s : steps) {
      n++;
      if (s instanceof Step.Block b) {
        for (Step.Branch br : b.branches()) {
          n += 1 + size(br.steps());
        }
      } else if (s instanceof Step.Cast || s instanceof Step.Invocation) {
        n += size(inner(s));
      }
    }
    return n;
  }

  /** {@code steps} with {@code target} (by identity) outlined. */
  private static List<Step> outline(List<Step> steps, Step target) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s == target) {
        List<Step> inner = new ArrayList<>();
        String receiver = s instanceof Step.Cast c ? c.to() : ((Step.Invocation) s).to();
        inner.add(new Step.Note(receiver, OUTLINE, inner(s).get(0).origin()));
        inner.addAll(Essentials.outline(inner(s)));
        out.add(StepTrees.mapInner(s, x -> inner));
      } else {
        out.add(StepTrees.mapInner(s, x -> outline(x, target)));
      }
    }
    return out;
  }
}
