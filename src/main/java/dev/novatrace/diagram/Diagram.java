package dev.novatrace.diagram;

import dev.novatrace.util.ControlChars;
import java.util.List;

/**
 * A sequence diagram: what the tracer produces, what the .wsd reader reads, and what every writer
 * (wsd, PlantUML, Mermaid) and renderer takes. Participants are listed in display order; elements
 * appear in time order. Texts hold real line breaks ("\n" in .wsd is read into a newline).
 */
public record Diagram(String title, List<Participant> participants, List<Element> elements) {

  public Diagram {
    title = ControlChars.escape(title);
    participants = List.copyOf(participants);
    elements = List.copyOf(elements);
  }
}
