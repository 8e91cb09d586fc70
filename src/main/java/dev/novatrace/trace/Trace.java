package dev.novatrace.trace;

import java.util.List;

/**
 * The trace of one API action: the client's request to the entry participant, what the entry
 * function does there, and the reply. Everything else hangs inside {@code steps}.
 *
 * @param project the registered project whose tree was traced, so the trace is drawn with its
 *     vocabulary and never guessed from its participants
 */
public record Trace(String project, String action, String client, String entryParticipant,
    String request, String reply, Step.Origin entry, List<Step> steps,
    java.util.Set<Step.Origin> hooks) {

  /**
   * @param hooks the functions the API runs before the entry (a framework's hooks checking the
   *     policy, reserving quota): their steps come first and are drawn before the entry's anchor
   */
  public Trace {
    steps = List.copyOf(steps);
    hooks = java.util.Set.copyOf(hooks);
  }

  /** A trace whose API runs no hook before the entry. */
  public Trace(String project, String action, String client, String entryParticipant,
      String request, String reply, Step.Origin entry, List<Step> steps) {
    this(project, action, client, entryParticipant, request, reply, entry, steps,
        java.util.Set.of());
  }

  /** The same trace with other steps: what every shaping stage makes of it. */
  public Trace withSteps(List<Step> others) {
    return new Trace(project, action, client, entryParticipant, request, reply, entry, others,
        hooks);
  }
}
