package dev.novatrace.diff;

import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.diff.Alignment.OpType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps an alignment added, removed or changed, each counted once however many alternative
 * branches repeat it. A trace draws every way the code can go, so {@code alt do_cast} draws the
 * conductor's and compute host's steps once under the call and once more under the cast: one
 * new step there is two added lines, but one step. Two positions are copies of one step when they
 * are the same step (kind, participants, text but for white space, anchor) in branches that
 * exclude each other: different sections of one {@code alt}, or of two {@code alt}s on the same
 * condition (the trace splits {@code do_cast} where the request returns: the call's work before
 * the reply, the cast's after it), or the {@code else} of an {@code alt} and an {@code opt} on
 * its condition (an {@code opt} is an {@code alt} whose {@code else} draws nothing: {@code alt
 * cast} with the call's work under its {@code else}, {@code opt cast} after the reply). A step that one way through the code runs twice (two
 * notifications in a row) still counts twice; outside an {@code alt} every step counts.
 */
public final class DistinctSteps {
  private DistinctSteps() {}

  /** A distinct step: the first of its positions in the alignment, and how many there are. */
  public record Counted(Op<FlatStep> op, int copies) {}

  /** A section of an alt block: the block's condition, and the section's index. */
  private record Branch(String condition, int section) {}

  /** The positions counted as one step, and the branches each stands in. */
  private static final class Slot {
    final Op<FlatStep> first;
    final List<List<Branch>> paths = new ArrayList<>();

    Slot(Op<FlatStep> first) {
      this.first = first;
    }

    /** Whether a position on this path excludes every position already here. */
    boolean excludes(List<Branch> path) {
      return paths.stream().allMatch(p -> exclusive(p, path));
    }
  }

  /** The distinct steps of one kind of change, in order of first appearance. */
  static List<Counted> of(ActionDiff diff, OpType type) {
    List<FlatStep> side = type == OpType.REMOVED ? diff.before() : diff.after();
    Map<FlatStep, List<Branch>> paths = paths(side);
    Map<List<Object>, List<Slot>> byStep = new HashMap<>();
    List<Slot> slots = new ArrayList<>();
    for (Op<FlatStep> o : diff.ops()) {
      if (o.type() != type) {
        continue;
      }
      FlatStep s = type == OpType.REMOVED ? o.before() : o.after();
      List<Object> step = new ArrayList<>(List.of(s.kind(), s.from(), s.to(), s.plainText()));
      step.add(s.anchor()); // may be null
      if (type == OpType.CHANGED) {
        step.add(o.before().plainText());
      }
      List<Branch> path = paths.getOrDefault(s, List.of());
      List<Slot> same = byStep.computeIfAbsent(step, k -> new ArrayList<>());
      Slot slot = same.stream().filter(x -> x.excludes(path)).findFirst().orElse(null);
      if (slot == null) {
        slot = new Slot(o);
        same.add(slot);
        slots.add(slot);
      }
      slot.paths.add(path);
    }
    return slots.stream().map(x -> new Counted(x.first, x.paths.size())).toList();
  }

  /** Two paths exclude each other when they take different sections of one condition. */
  private static boolean exclusive(List<Branch> a, List<Branch> b) {
    for (Branch x : a) {
      for (Branch y : b) {
        if (x.condition().equals(y.condition()) && x.section() != y.section()) {
          return true;
        }
      }
    }
    return false;
  }

  /** An alt or opt block open while flattening: its condition, the section we are in, its depth. */
  private static final class OpenAlt {
    final String condition;
    final int depth;
    int section;

    OpenAlt(String condition, int depth) {
      this.condition = condition;
      this.depth = depth;
    }
  }

  /** Where each step stands among the alt and opt blocks around it, outermost first. */
  private static Map<FlatStep, List<Branch>> paths(List<FlatStep> steps) {
    Map<FlatStep, List<Branch>> paths = new IdentityHashMap<>();
    Deque<OpenAlt> open = new ArrayDeque<>();
    for (FlatStep s : steps) {
      boolean isElse = s.kind() == FlatStep.Kind.ELSE;
      while (!open.isEmpty() && s.depth() <= open.peek().depth
          && !(isElse && s.depth() == open.peek().depth)) {
        open.pop();
      }
      if (isElse && !open.isEmpty() && open.peek().depth == s.depth()) {
        open.peek().section++;
      }
      List<Branch> path = new ArrayList<>();
      open.descendingIterator().forEachRemaining(o -> path.add(new Branch(o.condition, o.section)));
      paths.put(s, path);
      if (s.kind() == FlatStep.Kind.BLOCK && (s.from().equals("alt") || s.from().equals("opt"))) {
        open.push(new OpenAlt(s.plainText(), s.depth()));
      }
    }
    return paths;
  }
}
