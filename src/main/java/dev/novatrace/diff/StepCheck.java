package dev.novatrace.diff;

import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.diff.Finding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a diagram with a fresh trace of its action on what a reviewer cares about: the RPC
 * messages between services and the instance state changes ({@code task_state}/{@code vm_state}
 * written to the database). Database reads, notes and helpers are left out on purpose, so a
 * hand-drawn diagram that leaves detail out is not flooded with findings.
 */
public final class StepCheck {
  private static final Pattern STATE =
      Pattern.compile("\\b(task_state|vm_state)\\s*[=:]\\s*([\\w.]+)");

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
    List<Op<Key>> ops = Alignment.align(keys(traced), keys(drawn),
        (a, b) -> a.equals(b) ? Alignment.Pairing.SAME : null);
    List<Finding> out = new ArrayList<>();
    int lastLine = drawn.stream().mapToInt(FlatStep::line).filter(l -> l > 0).findFirst().orElse(1);
    for (Op<Key> o : ops) {
      switch (o.type()) {
        case SAME -> lastLine = Math.max(lastLine, o.after().step().line());
        case REMOVED -> out.add(Finding.of(diagram, lastLine, Kind.MISSING_STEP,
            "the trace of " + action + " in " + treeLabel + " has " + o.before().key()
                + ", the diagram does not",
            o.before().step().anchor() == null ? ""
                : "add it after line " + lastLine + " (from " + o.before().step().anchor() + ")"));
        case ADDED -> out.add(Finding.of(diagram, o.after().step().line(), Kind.EXTRA_STEP,
            o.after().key() + " is not in the trace of " + action + " in " + treeLabel, ""));
        default -> { }
      }
    }
    return out;
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
    Optional<String> method = RpcMessage.method(s);
    if (method.isPresent()) {
      return Optional.of(service(s.from()) + "->" + service(s.to()) + ": " + method.get());
    }
    if (s.kind() == FlatStep.Kind.CALL && isDatabase(s.to())) {
      TreeSet<String> states = new TreeSet<>();
      Matcher m = STATE.matcher(s.text());
      while (m.find()) {
        String value = m.group(2);
        states.add(m.group(1) + " = " + value.substring(value.lastIndexOf('.') + 1)
            .toUpperCase(Locale.ROOT));
      }
      if (!states.isEmpty()) {
        return Optional.of(service(s.from())
            + "->" + s.to() + ": " + String.join(", ", states));
      }
    }
    return Optional.empty();
  }

  /** Source and destination hosts are one service: people draw one nova_compute. */
  private static String service(String participant) {
    return participant.startsWith("nova_compute") ? "nova_compute" : participant;
  }

  private static boolean isDatabase(String participant) {
    String p = participant.toLowerCase(Locale.ROOT);
    return p.contains("database") || p.equals("db") || p.endsWith("_db");
  }
}
