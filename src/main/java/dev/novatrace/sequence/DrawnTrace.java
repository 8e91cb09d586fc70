package dev.novatrace.sequence;

import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A shaped trace as its diagram draws it: every participant renamed (host roles merged where only
 * one host is used) and a note dropped when it repeats the step just before it. The diagram and
 * the JSON trace model are both made from this, so they name and count the same things.
 */
public final class DrawnTrace {
  private DrawnTrace() {}

  public static Trace of(Trace t, UnaryOperator<String> rename) {
    return new Trace(t.project(), t.action(), rename.apply(t.client()), rename.apply(t.entryParticipant()),
        t.request(), t.reply(), t.entry(), steps(t.steps(), rename), t.hooks());
  }

  private static List<Step> steps(List<Step> steps, UnaryOperator<String> rename) {
    return Step.bottomUp(steps, list -> renamed(list, rename));
  }

  /** One list's steps renamed and without repeated notes, the lists inside them done already. */
  private static List<Step> renamed(List<Step> steps, UnaryOperator<String> rename) {
    List<Step> out = new ArrayList<>(steps.size());
    for (Step s : steps) {
      Step r = renamed(s, rename);
      if (!isRepeatedNote(r, out)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The same note over the same participant right after itself says nothing new. */
  private static boolean isRepeatedNote(Step s, List<Step> before) {
    return s instanceof Step.Note n && !before.isEmpty()
        && before.get(before.size() - 1) instanceof Step.Note p
        && p.participant().equals(n.participant()) && p.text().equals(n.text());
  }

  /** The step with the participants it names renamed (a block or a frame names none). */
  private static Step renamed(Step s, UnaryOperator<String> rename) {
    if (s instanceof Step.Message m) {
      return new Step.Message(rename.apply(m.from()), rename.apply(m.to()), m.label(), m.kind(),
          m.effect(), m.origin(), m.fields(), m.subject(), m.background());
    } else if (s instanceof Step.Note n) {
      return new Step.Note(rename.apply(n.participant()), n.text(), n.origin());
    } else if (s instanceof Step.Invocation i) {
      return new Step.Invocation(rename.apply(i.from()), rename.apply(i.to()), i.label(),
          i.kind(), i.steps(), i.origin());
    } else if (s instanceof Step.Cast c) {
      return new Step.Cast(rename.apply(c.from()), rename.apply(c.to()), c.label(), c.steps(),
          c.origin());
    } else if (s instanceof Step.Local l) {
      return new Step.Local(rename.apply(l.participant()), l.callee(), l.noteWhenEmpty(),
          l.steps(), l.origin());
    }
    return s;
  }
}
