package dev.novatrace.render;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.write.MermaidWriter;
import dev.novatrace.diagram.write.PlantUmlWriter;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.render.PlantUmlRenderer.Image;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a diagram in any {@link Format}: the one place that knows which writer or renderer makes
 * which format. Used by {@code render} and {@code trace}.
 */
public final class DiagramOutput {

  /** A file written, and what the user should know about it (one line each). */
  public record Written(Path file, List<String> warnings) {
    public Written {
      warnings = List.copyOf(warnings);
    }
  }

  private DiagramOutput() {}

  /** The diagram in {@code format}, as the bytes of a file. */
  public static Image render(Diagram d, Format format) throws IOException, RenderException {
    return switch (format) {
      case SVG, PNG -> PlantUmlRenderer.render(PlantUmlWriter.write(d), format);
      case PUML -> text(PlantUmlWriter.write(d));
      case MERMAID -> text(MermaidWriter.write(d));
      case WSD -> text(WsdWriter.write(d));
    };
  }

  /** Writes {@code dir/name.ext} atomically (the folder is created if needed). */
  public static Written write(Diagram d, Path dir, String name, Format format)
      throws IOException, RenderException {
    Path file = dir.resolve(name + "." + format.extension);
    Image image = render(d, format);
    AtomicFiles.write(file, image.bytes());
    return new Written(file, image.warnings());
  }

  private static Image text(String s) {
    return new Image(s.getBytes(StandardCharsets.UTF_8), List.of());
  }
}
