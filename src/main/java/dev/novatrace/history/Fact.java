package dev.novatrace.history;

import dev.novatrace.diff.FlatStep;
import dev.novatrace.diff.RpcMessage;
import dev.novatrace.diff.StateChanges;
import dev.novatrace.project.Services;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something an action's diagram shows that a reader follows across releases: an RPC method and
 * its route, a participant, a state change, or a call to a service outside Nova.
 *
 * @param kind what it is
 * @param what the method, participant, state ({@code task_state = PAUSING}) or call label
 * @param where the route ({@code nova_api->>nova_compute}) or participant it happens in; empty
 *     for a participant
 */
public record Fact(Kind kind, String what, String where) implements Comparable<Fact> {

  public enum Kind {
    RPC("rpc"), PARTICIPANT("participant"), STATE("state"), EXTERNAL("external");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final Comparator<Fact> ORDER = Comparator.comparing(Fact::kind)
      .thenComparing(Fact::what).thenComparing(Fact::where);

  @Override
  public int compareTo(Fact o) {
    return ORDER.compare(this, o);
  }

  /** One line: {@code rpc reserve_block_device_name nova_api->nova_compute}. */
  public String describe() {
    return kind.label + " " + what + (where.isEmpty() ? "" : " " + where);
  }

  /** The facts of one diagram's steps. */
  public static Set<Fact> of(List<FlatStep> steps) {
    Set<Fact> out = new TreeSet<>();
    for (FlatStep s : steps) {
      participants(s).forEach(p -> out.add(new Fact(Kind.PARTICIPANT, p, "")));
      RpcMessage.method(s).ifPresent(m -> out.add(new Fact(Kind.RPC, m, route(s))));
      StateChanges.of(s).forEach(st -> out.add(new Fact(Kind.STATE, st, s.from())));
      if (s.kind() != FlatStep.Kind.REPLY && s.isMessage()
          && Services.EXTERNAL.contains(s.to())) {
        out.add(new Fact(Kind.EXTERNAL, firstLine(s.text()), route(s)));
      }
    }
    return out;
  }

  private static List<String> participants(FlatStep s) {
    if (s.isMessage()) {
      return List.of(s.from(), s.to());
    }
    if (s.kind() == FlatStep.Kind.NOTE) {
      return List.of(s.from().split(","));
    }
    return List.of();
  }

  /** {@code a->b} for a call, {@code a->>b} for a cast: a call that became a cast is news. */
  private static String route(FlatStep s) {
    return s.from() + (s.kind() == FlatStep.Kind.CAST ? "->>" : "->") + s.to();
  }

  private static String firstLine(String text) {
    return text.strip().split("\\\\n", 2)[0];
  }
}
