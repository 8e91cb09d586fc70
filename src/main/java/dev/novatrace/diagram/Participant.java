package dev.novatrace.diagram;

/**
 * A lifeline. {@code name} is the identifier used in messages; {@code label} is what is shown
 * ({@code participant "Nova API" as nova_api}), equal to the name when no label was given.
 */
public record Participant(String name, String label, Kind kind) {

  public enum Kind { PARTICIPANT, ACTOR }

  public static Participant of(String name) {
    return new Participant(name, name, Kind.PARTICIPANT);
  }
}
