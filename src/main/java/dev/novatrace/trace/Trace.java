package dev.novatrace.trace;

import java.util.List;

/**
 * The trace of one API action: the client's request to the entry participant, what the entry
 * function does there, and the reply. Everything else hangs inside {@code steps}.
 */
public record Trace(String action, String client, String entryParticipant, String request,
    String reply, Step.Origin entry, List<Step> steps) {

  public Trace {
    steps = List.copyOf(steps);
  }
}
