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
    String request, String reply, Step.Origin entry, List<Step> steps) {

  public Trace {
    steps = List.copyOf(steps);
  }

  /** The same trace with other steps: what every shaping stage makes of it. */
  public Trace withSteps(List<Step> others) {
    return new Trace(project, action, client, entryParticipant, request, reply, entry, others);
  }
}
