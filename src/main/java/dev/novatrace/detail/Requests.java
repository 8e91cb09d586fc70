package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests to other services a part of a diagram makes, said in little space where its own
 * detail is left out (a folded helper, a block nested too deep): the RPC skeleton and state
 * changes in their blocks, and every request, the blocks that hold nothing else opened, and
 * requests in a row to one service one arrow of several lines. Whatever else is folded, a
 * message to another participant is never hidden.
 */
final class Requests {
  private Requests() {}

  static List<Step> said(List<Step> steps) {
    return joined(opened(Essentials.messages(steps)));
  }

  /** The blocks that only make requests opened: their conditions are the helper's business. */
  private static List<Step> opened(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && onlyRequests(b)) {
        b.branches().forEach(br -> out.addAll(opened(br.steps())));
      } else if (s instanceof Step.Block b) {
        out.add(new Step.Block(b.kind(), b.branches().stream()
            .map(br -> new Step.Branch(br.condition(), joined(opened(br.steps())))).toList(),
            b.origin()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean onlyRequests(Step.Block b) {
    return b.branches().stream().flatMap(br -> br.steps().stream()).allMatch(s ->
        s instanceof Step.Message m && isRequest(m)
            || s instanceof Step.Block inner && onlyRequests(inner));
  }

  private static boolean isRequest(Step.Message m) {
    return m.kind() == Step.Kind.SERVICE && m.fields().isEmpty();
  }

  /** Requests in a row from one participant to the same service, one arrow of several lines. */
  private static List<Step> joined(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      int last = out.size() - 1;
      if (s instanceof Step.Message m && isRequest(m) && last >= 0
          && out.get(last) instanceof Step.Message prev && isRequest(prev)
          && prev.from().equals(m.from()) && prev.to().equals(m.to())) {
        if (!prev.label().lines().toList().contains(m.label())) {
          Step.Effect effect = prev.effect() == Step.Effect.READ ? m.effect() : prev.effect();
          out.set(last, new Step.Message(prev.from(), prev.to(), prev.label() + "\n" + m.label(),
              prev.kind(), effect, prev.origin(), List.of()));
        }
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
