package dev.novatrace.trace;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deep helpers are followed inside one participant, and what each trace learnt of it: a
 * function's trace depends on the depth it was reached at only through the horizon checks made
 * below it. A trace none of whose checks stopped at the horizon is the same at any depth from
 * which its deepest check still falls short of the horizon, so it is remembered once for all of
 * them, not once per depth (a helper reached at six depths is traced once, not six times). A
 * trace that some check stopped is the same only at its own depth.
 */
final class Horizon {
  /**
   * What a trace's checks were: the deepest, counted from the trace's own depth (-1: none),
   * and whether one stopped at the horizon.
   */
  record Reach(int deepest, boolean stopped) {}

  /** A trace being made: its depth, and what its checks have been so far. */
  private static final class Open {
    final int depth;
    int deepest = -1;
    boolean stopped;

    Open(int depth) {
      this.depth = depth;
    }

    /** Checks made {@code shift} levels below this trace's depth. */
    void add(int shift, Reach reach) {
      if (reach.deepest() >= 0) {
        deepest = Math.max(deepest, shift + reach.deepest());
      }
      stopped |= reach.stopped();
    }
  }

  private final int limit;
  private final Deque<Open> open = new ArrayDeque<>();

  Horizon(int limit) {
    this.limit = limit;
  }

  /**
   * Whether a helper called at {@code depth} is beyond the horizon, not followed; the trace
   * being made depends on the answer.
   */
  boolean beyond(int depth) {
    boolean beyond = depth >= limit;
    Open current = open.peek();
    if (current != null) {
      current.add(depth - current.depth, new Reach(0, beyond));
    }
    return beyond;
  }

  /** A trace at {@code depth} begins. */
  void begin(int depth) {
    open.push(new Open(depth));
  }

  /** The trace begun last ends: what its checks were, also counted as its caller's. */
  Reach end() {
    Open done = open.pop();
    Reach reach = new Reach(done.deepest, done.stopped);
    reused(done.depth, reach);
    return reach;
  }

  /**
   * A remembered trace is used at {@code depth}: its checks count as the caller's. A trace
   * whose depth is not its caller's plus what it adds (a message's handler, traced from depth 0
   * in the service it reaches) makes its checks at depths of its own; counting them is only
   * more cautious.
   */
  void reused(int depth, Reach reach) {
    Open caller = open.peek();
    if (caller != null && depth >= caller.depth) {
      caller.add(depth - caller.depth, reach);
    }
  }

  /** Whether a trace made at {@code madeAt} with {@code reach} is the same at {@code depth}. */
  boolean holds(int madeAt, Reach reach, int depth) {
    if (reach.stopped()) {
      return depth == madeAt;
    }
    return depth + reach.deepest() < limit;
  }
}
