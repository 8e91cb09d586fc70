package dev.novatrace.detail;

import dev.novatrace.trace.Continuations;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard detail is read whole, so it has a size budget. A diagram over it has its largest
 * handling of a message past the second hop (the destination's create flow a migration casts,
 * a backup restore a volume create casts) drawn in outline: the messages, the driver calls and
 * the state changes of that handling, without its notes and reads; full detail draws it all.
 * Where outlines are not enough, they are said in brief (the messages they send drawn with
 * only the RPC messages and state changes of their handling). Handlings on the second hop
 * (each volume's create flow in a group's create) are reduced only when no later one is left,
 * and the first hop's, the action's own flow, never. Work another service starts later in the
 * API's own service (a port reported up: a continuation) counts as a late handling.
 */
public final class Budget {
  /** Lines a diagram at standard detail is read in whole. */
  public static final int LINES = 300;
  /** Handlings this many hops from the API or more are outlined first; then the second hop's. */
  static final int LATE_HOP = 3;
  /** What an outlined handling says first. */
  static final String OUTLINE = "in outline: full detail draws all of it";
  /** What an outline whose own messages keep only the skeleton of their handling says first. */
  static final String BRIEF = "in brief: full detail draws all of it";

  private Budget() {}

  /** How much of a handling is drawn. */
  private enum Form { WHOLE, OUTLINE, BRIEF }

  /** Where to save lines: the handlings this many hops out or more. */
  private record Stage(int from) {}

  /**
   * The late handlings first, the largest of them outlined or, outlined already, said in brief
   * (the outline, its own messages drawn with the skeleton of their handling); only then the
   * second hop's.
   */
  private static final List<Stage> STAGES =
      List.of(new Stage(LATE_HOP), new Stage(LATE_HOP - 1));

  /**
   * The trace with its largest handling that may be drawn with less, drawn so; the same trace
   * (by identity) when none is left.
   */
  public static Trace outlineLargest(Trace t) {
    for (Stage stage : STAGES) {
      Step largest = largest(t.steps(), 0, stage, null, t.entryParticipant());
      if (largest != null) {
        return t.withSteps(reduce(t.steps(), largest));
      }
    }
    return t;
  }

  /**
   * The handling at least {@code stage.from()} hops out, not yet in brief, drawing most steps
   * among {@code steps} (their own {@code hop}), or {@code best}. A reduced handling's own
   * handlings were reduced with it.
   */
  private static Step largest(List<Step> steps, int hop, Stage stage, Step best, String api) {
    for (Step s : steps) {
      if (s instanceof Step.Block) {
        for (List<Step> branch : s.children()) {
          best = largest(branch, hop, stage, best, api);
        }
      } else if (handling(s) && !inner(s).isEmpty()) {
        Form form = form(s);
        // Work another service starts later in the API's own service (a port reported up) is
        // no part of the request's flow: it is outlined as a late handling is.
        int at = hop == 0 && Continuations.isContinuation(s, api) ? LATE_HOP : hop + 1;
        if (at >= stage.from() && form != Form.BRIEF
            && (best == null || size(inner(s)) > size(inner(best)))) {
          best = s;
        }
        if (form == Form.WHOLE) {
          best = largest(inner(s), at, stage, best, api);
        }
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

  private static Form form(Step s) {
    List<Step> inner = inner(s);
    if (inner.get(0) instanceof Step.Note n && n.text().equals(OUTLINE)) {
      return Form.OUTLINE;
    }
    return inner.get(0) instanceof Step.Note n && n.text().equals(BRIEF) ? Form.BRIEF
        : Form.WHOLE;
  }

  /** Steps drawn, blocks' branches counted: how much outlining a handling saves. */
  private static int size(List<Step> steps) {
    int n = 0;
    for (Step s : steps) {
      // A block's branches are a line each too (an else).
      n += 1 + (s instanceof Step.Block ? s.children().size() : 0);
      for (List<Step> inner : s.children()) {
        n += size(inner);
      }
    }
    return n;
  }

  /** {@code steps} with {@code target} (by identity) drawn in the next form. */
  private static List<Step> reduce(List<Step> steps, Step target) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s == target) {
        Form form = form(s);
        List<Step> was = form == Form.WHOLE ? inner(s) : inner(s).subList(1, inner(s).size());
        List<Step> inner = new ArrayList<>();
        String receiver = s instanceof Step.Cast c ? c.to() : ((Step.Invocation) s).to();
        inner.add(new Step.Note(receiver, form == Form.WHOLE ? OUTLINE : BRIEF,
            inner(s).get(0).origin()));
        inner.addAll(form == Form.WHOLE ? Essentials.outline(was) : unanswered(was));
        out.add(s.mapChildren(x -> inner));
      } else {
        out.add(s.mapChildren(x -> reduce(x, target)));
      }
    }
    return out;
  }

  /**
   * An outline whose messages to other services keep of their handling only its skeleton, the
   * RPC messages and state changes overview draws (a volume create's cast of the backup
   * restore, with the restore's messages and status saves): the brief form. The levels still
   * nest: what overview draws, standard draws.
   */
  private static List<Step> unanswered(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (handling(s)) {
        out.add(s.mapChildren(Essentials::filter));
      } else {
        out.add(s.mapChildren(Budget::unanswered));
      }
    }
    return out;
  }
}
