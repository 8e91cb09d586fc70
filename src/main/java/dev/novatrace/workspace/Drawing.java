package dev.novatrace.workspace;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.trace.Trace;
import java.util.List;

/**
 * One action drawn at one level of detail, as every command writes it.
 *
 * @param trace the trace as its diagram draws it (named, de-duplicated, marked partial), which
 *     the JSON model is written from so that it names what the diagram names
 * @param diagram the sequence diagram
 * @param missed the files its route needed and did not have: each made the drawing partial
 */
public record Drawing(Trace trace, Diagram diagram, List<BrokenFiles.Missed> missed) {
  public Drawing {
    missed = List.copyOf(missed);
  }
}
