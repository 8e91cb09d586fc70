package dev.novatrace.diagram;

import java.util.List;

/**
 * A diagram read from a file, with the warnings its text gave: what the renderers people draw
 * with accept and draw although it is odd (an {@code else} inside an {@code opt}, a block left
 * open at the end of the file). Errors, text that nothing could draw, are a {@link
 * DiagramException} instead.
 */
public record ReadDiagram(Diagram diagram, List<DiagramError> warnings) {

  public ReadDiagram {
    warnings = List.copyOf(warnings);
  }
}
