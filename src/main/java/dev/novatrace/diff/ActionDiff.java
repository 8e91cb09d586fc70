package dev.novatrace.diff;

import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.diff.Alignment.OpType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The aligned traces of one action in two trees, and what the alignment says changed. */
public record ActionDiff(String action, List<FlatStep> before, List<FlatStep> after,
    List<Op<FlatStep>> ops) {

  /** A source anchor that moved: the same step now comes from other code. */
  public record AnchorMove(Anchor before, Anchor after) {
    @Override
    public String toString() {
      return before + " -> " + after;
    }
  }

  public ActionDiff {
    before = List.copyOf(before);
    after = List.copyOf(after);
    ops = List.copyOf(ops);
  }

  public static ActionDiff of(String action, List<FlatStep> before, List<FlatStep> after) {
    return new ActionDiff(action, before, after, Alignment.align(before, after, Alignment::steps));
  }

  /** Every position of one kind, copies in an alt's branches each on its own. */
  public List<Op<FlatStep>> of(OpType type) {
    return ops.stream().filter(o -> o.type() == type).toList();
  }

  /**
   * The distinct steps added, removed or changed: a step repeated in several branches of an
   * {@code alt} is one (see {@link DistinctSteps}). Reports count these.
   */
  public List<DistinctSteps.Counted> distinct(OpType type) {
    return DistinctSteps.of(this, type);
  }

  /** How many distinct steps of one kind ({@link #distinct}). */
  public int count(OpType type) {
    return distinct(type).size();
  }

  /**
   * Distinct anchor moves, from steps equal but for their anchor, in order of first appearance.
   * A move to or from "no anchor" says nothing about the code and is left out.
   */
  public List<AnchorMove> anchorMoves() {
    return ops.stream().filter(o -> o.type() == OpType.MOVED)
        .filter(o -> o.before().anchor() != null && o.after().anchor() != null)
        .map(o -> new AnchorMove(o.before().anchor(), o.after().anchor()))
        .distinct().toList();
  }

  /** RPC methods called in the second tree's trace and not in the first's. */
  public Set<String> rpcAppeared() {
    Set<String> s = rpcMethods(after);
    s.removeAll(rpcMethods(before));
    return s;
  }

  /** RPC methods called in the first tree's trace and not in the second's. */
  public Set<String> rpcVanished() {
    Set<String> s = rpcMethods(before);
    s.removeAll(rpcMethods(after));
    return s;
  }

  private static Set<String> rpcMethods(List<FlatStep> steps) {
    Set<String> out = new TreeSet<>();
    steps.forEach(s -> RpcMessage.method(s).ifPresent(out::add));
    return out;
  }

  public boolean differs() {
    return ops.stream().anyMatch(o -> o.type() != OpType.SAME);
  }
}
