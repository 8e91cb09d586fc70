package dev.novatrace.drift;

import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.diff.Alignment;
import dev.novatrace.diff.FlatStep;
import dev.novatrace.diff.RpcMessage;
import dev.novatrace.diff.StateChanges;
import dev.novatrace.drift.Finding.Kind;
import dev.novatrace.project.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a diagram with a fresh trace of its action on what a reviewer cares about: the RPC
 * messages between services and the instance state changes ({@code task_state}/{@code vm_state}
 * written to the database). Database reads, notes and helpers are left out on purpose, so a
 * hand-drawn diagram that leaves detail out is not flooded with findings.
 */
public final class StepCheck {
  /** An RPC method written as words ({@code backup instance}): two to six of them. */
  private static final Pattern WORDS = Pattern.compile("[a-z]+( [a-z]+){1,5}");

  private StepCheck() {}

  /** A step that matters, by a key that ignores how it is drawn, and where it stands. */
  record Key(String key, FlatStep step) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.key.equals(key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }
  }

  public static List<Finding> check(String diagram, String action, String treeLabel,
      List<FlatStep> drawn, List<FlatStep> traced) {
    return check(diagram, action, treeLabel, drawn, traced, traced, Map.of());
  }

  /**
   * @param traced the trace at the level the diagram is reviewed at: what it should show
   * @param known the trace at full detail: a drawn step in it is in the code, even where the
   *     level leaves it out (a failure path's {@code vm_state = ERROR}), so it is no extra step
   * @param suggested the RPC methods the RPC check suggested for misspelt ones, by drawn line
   *     (empty where it suggested none): each such line is the RPC check's finding
   */
  public static List<Finding> check(String diagram, String action, String treeLabel,
      List<FlatStep> drawn, List<FlatStep> traced, List<FlatStep> known,
      Map<Integer, String> suggested) {
    List<Op<Key>> ops = Alignment.align(keys(traced), keys(drawn),
        (a, b) -> covers(a.key(), b.key()) ? Alignment.Pairing.SAME : null);
    ops = withoutPairs(ops);
    ops = withoutOtherBranches(ops, Branches.of(traced));
    List<Key> tracedKeys = new ArrayList<>(keys(traced));
    tracedKeys.addAll(keys(known));
    List<Finding> out = new ArrayList<>();
    int lastLine = drawn.stream().mapToInt(FlatStep::line).filter(l -> l > 0).findFirst().orElse(1);
    Set<Op<Key>> misspelt = misspelt(ops, suggested);
    // A state drawn from another participant than the one whose code saves it is one finding,
    // not a missing step and an extra one.
    List<Op<Key>> remaining = new ArrayList<>(ops);
    for (Op<Key> o : ops) {
      if (o.type() == Alignment.OpType.ADDED && !misspelt.contains(o)
          && tracedKeys.stream().noneMatch(t -> covers(t.key(), o.after().key()))) {
        fromAnother(o.after(), tracedKeys).ifPresent(t -> {
          out.add(wrongSender(diagram, action, treeLabel, o.after(), t));
          remaining.remove(o);
          remaining.removeIf(r -> r.type() == Alignment.OpType.REMOVED
              && r.before().key().equals(t.key()));
        });
      }
    }
    for (Op<Key> o : remaining) {
      if (misspelt.contains(o)) {
        // A misspelt RPC method is one finding, the unknown RPC with its suggestion; not also
        // the traced message missing and the drawn one extra.
        continue;
      }
      switch (o.type()) {
        case SAME -> lastLine = Math.max(lastLine, o.after().step().line());
        case REMOVED -> out.add(Finding.of(diagram, lastLine, Kind.MISSING_STEP,
            "the trace of " + action + " in " + treeLabel + " has " + o.before().key()
                + ", the diagram does not",
            o.before().step().anchor() == null ? ""
                : "add it after line " + lastLine + " (from " + o.before().step().anchor() + ")"));
        case ADDED -> {
          // A step the trace has, drawn once more (in both arms of a branch, say), is no
          // extra step: only one the trace lacks altogether is. An RPC the RPC check found
          // unknown is that one finding.
          if (tracedKeys.stream().noneMatch(t -> covers(t.key(), o.after().key()))
              && !suggested.containsKey(o.after().step().line())) {
            out.add(Finding.of(diagram, o.after().step().line(), Kind.EXTRA_STEP,
                o.after().key() + " is not in the trace of " + action + " in " + treeLabel, ""));
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /**
   * The traced state change a drawn one shows from another sender: the same fields written to
   * the same place ({@code libvirt->database: task_state = IMAGE_PENDING_UPLOAD}, which the code
   * saves in nova_compute through a callback the driver calls).
   */
  private static Optional<Key> fromAnother(Key drawn, List<Key> traced) {
    if (!drawn.key().contains(" = ")) {
      return Optional.empty();
    }
    String what = withoutSender(drawn.key());
    return traced.stream().filter(t -> t.key().contains(" = ")
        && !sender(t.key()).equals(sender(drawn.key()))
        && covers(withoutSender(t.key()), what)).findFirst();
  }

  private static Finding wrongSender(String diagram, String action, String treeLabel,
      Key drawn, Key traced) {
    String fields = drawn.key().substring(drawn.key().indexOf(": ") + 2);
    String saver = sender(traced.key());
    return Finding.of(diagram, drawn.step().line(), Kind.WRONG_ROUTE, fields + " is drawn from "
        + drawn.step().from() + "; the trace of " + action + " in " + treeLabel + " saves it in "
        + saver, "draw it from " + saver + (traced.step().anchor() == null ? ""
            : " (from " + traced.step().anchor() + ")"));
  }

  /** The service a key's step is drawn from ({@code nova_compute->database: ...}). */
  private static String sender(String key) {
    return key.substring(0, key.indexOf("->"));
  }

  private static String withoutSender(String key) {
    return key.substring(key.indexOf("->"));
  }

  /**
   * The ops of RPC messages drawn with a misspelt method: the drawn message at a line the RPC
   * check suggested a method for, and the traced message between the same services with that
   * method. Both are left to the RPC check's one finding.
   */
  private static Set<Op<Key>> misspelt(List<Op<Key>> ops, Map<Integer, String> suggested) {
    Set<Op<Key>> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Op<Key> added : ops) {
      FlatStep a = added.type() == Alignment.OpType.ADDED ? added.after().step() : null;
      String method = a == null ? null : suggested.get(a.line());
      for (Op<Key> removed : method == null ? List.<Op<Key>>of() : ops) {
        FlatStep r = removed.type() == Alignment.OpType.REMOVED ? removed.before().step() : null;
        if (r != null && !out.contains(removed)
            && RpcMessage.method(r).filter(method::equals).isPresent()
            && service(r.from()).equals(service(a.from()))
            && service(r.to()).equals(service(a.to()))) {
          out.add(added);
          out.add(removed);
          break;
        }
      }
    }
    return out;
  }

  /** {@code a->database: Instance.save: x = 1}: the object and method before the fields. */
  private static final java.util.regex.Pattern SUBJECT =
      java.util.regex.Pattern.compile("^([^:]*: )[A-Za-z_][A-Za-z0-9_]*\\.[a-z_]+: ");

  /**
   * Whether a drawn step is the traced one: the same key, or a state change between the same
   * participants that shows some of the fields the trace writes ({@code vm_state = RESCUED}
   * for {@code task_state = None, vm_state = RESCUED}).
   */
  static boolean covers(String traced, String drawn) {
    if (traced.equals(drawn)) {
      return true;
    }
    // A save names its object (Instance.save: vm_state = ...); a hand-drawn one may not.
    traced = SUBJECT.matcher(traced).replaceFirst("$1");
    drawn = SUBJECT.matcher(drawn).replaceFirst("$1");
    if (traced.equals(drawn)) {
      return true;
    }
    int t = traced.indexOf(": ");
    int d = drawn.indexOf(": ");
    if (t < 0 || d < 0 || !traced.substring(0, t).equals(drawn.substring(0, d))
        || !traced.contains(" = ") || !drawn.contains(" = ")) {
      return false;
    }
    List<String> tracedFields = List.of(traced.substring(t + 2).split(", "));
    return tracedFields.containsAll(List.of(drawn.substring(d + 2).split(", ")));
  }

  /**
   * A missing step and an extra step that describe the same step (same participants, a state
   * field in common) are one step written differently: neither is reported.
   */
  private static List<Op<Key>> withoutPairs(List<Op<Key>> ops) {
    List<Op<Key>> out = new ArrayList<>(ops);
    for (Op<Key> missing : ops) {
      if (missing.type() != Alignment.OpType.REMOVED) {
        continue;
      }
      for (Op<Key> extra : out) {
        if (extra.type() == Alignment.OpType.ADDED
            && describeSameStep(missing.before().key(), extra.after().key())) {
          out.remove(extra);
          out.remove(missing);
          break;
        }
      }
    }
    return out;
  }

  /**
   * A diagram that draws one branch of an {@code alt} the code takes has drawn that decision:
   * the steps of the other branches are not missing ({@code task_state = REBOOT_PENDING} drawn,
   * {@code REBOOT_PENDING_HARD} in the trace's other branch).
   */
  private static List<Op<Key>> withoutOtherBranches(List<Op<Key>> ops, Branches branches) {
    List<FlatStep> matched = ops.stream().filter(o -> o.type() == Alignment.OpType.SAME)
        .map(o -> o.before().step()).toList();
    return ops.stream().filter(o -> o.type() != Alignment.OpType.REMOVED
        || !branches.siblingDrawn(o.before().step(), matched)).toList();
  }

  /** Where each traced step stands among the alt blocks around it. */
  static final class Branches {
    /** A section of an alt block: the block's index in the flat list, and the section's. */
    record Section(int block, int section) {}

    private final java.util.Map<FlatStep, List<Section>> paths = new java.util.IdentityHashMap<>();

    static Branches of(List<FlatStep> steps) {
      Branches b = new Branches();
      java.util.Deque<int[]> open = new java.util.ArrayDeque<>(); // {block index, section, depth}
      for (int i = 0; i < steps.size(); i++) {
        FlatStep s = steps.get(i);
        while (!open.isEmpty() && s.depth() <= open.peek()[2]
            && !(s.kind() == FlatStep.Kind.ELSE && s.depth() == open.peek()[2])) {
          open.pop();
        }
        if (s.kind() == FlatStep.Kind.ELSE && !open.isEmpty() && open.peek()[2] == s.depth()) {
          open.peek()[1]++;
        } else if (s.kind() == FlatStep.Kind.BLOCK && s.from().equals("alt")) {
          open.push(new int[] {i, 0, s.depth()});
        }
        List<Section> path = new ArrayList<>();
        open.descendingIterator().forEachRemaining(o -> path.add(new Section(o[0], o[1])));
        b.paths.put(s, path);
      }
      return b;
    }

    /** Whether a step sits in an alt section some sibling section of which has a step drawn. */
    boolean siblingDrawn(FlatStep step, List<FlatStep> drawnTraced) {
      List<Section> path = paths.getOrDefault(step, List.of());
      for (FlatStep d : drawnTraced) {
        for (Section other : paths.getOrDefault(d, List.of())) {
          if (path.stream().anyMatch(p -> p.block() == other.block() && p.section() != other.section())) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static boolean describeSameStep(String a, String b) {
    int i = a.indexOf(": ");
    int j = b.indexOf(": ");
    if (i < 0 || j < 0 || !a.substring(0, i).equals(b.substring(0, j))) {
      return false;
    }
    List<String> fieldsA = List.of(a.substring(i + 2).split(", "));
    return List.of(b.substring(j + 2).split(", ")).stream().anyMatch(fieldsA::contains);
  }

  static List<Key> keys(List<FlatStep> steps) {
    List<Key> out = new ArrayList<>();
    for (FlatStep s : steps) {
      key(s).ifPresent(k -> out.add(new Key(k, s)));
    }
    return out;
  }

  /**
   * The comparison key: the RPC and its endpoints, or the state values written. Call and cast
   * arrows are not told apart: people often draw a cast as a plain arrow.
   */
  static Optional<String> key(FlatStep s) {
    Optional<String> method = RpcMessage.method(s).or(() -> wordsMethod(s));
    if (method.isPresent()) {
      return Optional.of(service(s.from()) + "->" + service(s.to()) + ": " + method.get());
    }
    TreeSet<String> states = StateChanges.of(s);
    if (!states.isEmpty()) {
      return Optional.of(service(s.from()) + "->" + s.to() + ": " + String.join(", ", states));
    }
    return Optional.empty();
  }

  /** An RPC whose label names its method in words: {@code backup instance} is backup_instance. */
  private static Optional<String> wordsMethod(FlatStep s) {
    if (!RpcMessage.isRpc(s)) {
      return Optional.empty();
    }
    String label = s.text().strip().split("\\\\n", 2)[0].replace("()", "")
        .toLowerCase(Locale.ROOT);
    return WORDS.matcher(label).matches() ? Optional.of(label.replace(' ', '_'))
        : Optional.empty();
  }

  /** Source and destination hosts are one service: people draw one nova_compute. */
  private static String service(String participant) {
    return Services.service(participant);
  }

}
