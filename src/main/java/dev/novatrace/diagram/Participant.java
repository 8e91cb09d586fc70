package dev.novatrace.diagram;

import dev.novatrace.util.ControlChars;

/**
 * A lifeline. {@code name} is the identifier used in messages; {@code label} is what is shown
 * ({@code participant "Nova API" as nova_api}), equal to the name when no label was given.
 */
public record Participant(String name, String label, Kind kind) {

  public Participant {
    name = ControlChars.escape(name);
    label = ControlChars.escape(label);
  }

  public enum Kind { PARTICIPANT, ACTOR }

  public static Participant of(String name) {
    return new Participant(name, name, Kind.PARTICIPANT);
  }
}
