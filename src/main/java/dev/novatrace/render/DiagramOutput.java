package dev.novatrace.render;

import dev.novatrace.util.AtomicFiles;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.write.MermaidWriter;
import dev.novatrace.diagram.write.PlantUmlWriter;
import dev.novatrace.diagram.write.SeqdiagWriter;
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

  /**
   * What {@code trace} adds to what it writes: a provenance line at the top of a .wsd (null: none)
   * and links from messages and notes to their source in PlantUML-made formats (null: none).
   */
  public record Extras(Provenance provenance, SourceLinks links) {
    public static final Extras NONE = new Extras(null, null);
  }

  private DiagramOutput() {}

  /** The diagram in {@code format}, as the bytes of a file. */
  public static Image render(Diagram d, Format format) throws IOException, RenderException {
    return render(d, format, Extras.NONE);
  }

  /** The diagram in {@code format} with {@code extras}, as the bytes of a file. */
  public static Image render(Diagram d, Format format, Extras extras)
      throws IOException, RenderException {
    return switch (format) {
      case SVG, PNG -> PlantUmlRenderer.render(drawable(d, extras), format);
      // A .puml is for PlantUML: what it cannot draw is refused as it is for a picture.
      case PUML -> text(withComments(drawable(d, extras), "' ", extras));
      case MERMAID -> text(comments("%% ", extras) + MermaidWriter.write(d));
      case WSD -> text(provenance(extras) + WsdWriter.write(d));
      case SEQDIAG -> text(provenance(extras) + SeqdiagWriter.write(d));
    };
  }

  /** The PlantUML source of {@code d}, once it is known to be within what PlantUML can draw. */
  private static String drawable(Diagram d, Extras extras) throws RenderException {
    DrawLimits.Exceeded exceeded = DrawLimits.check(d);
    if (exceeded != null) {
      throw new RenderException(exceeded.line(), exceeded.message());
    }
    return plantUml(d, extras);
  }

  /**
   * The provenance as PlantUML comments, just inside {@code @startuml} (where PlantUML reads
   * them as comments); the pictures drawn from the same source do not carry them.
   */
  private static String withComments(String plantUml, String prefix, Extras extras) {
    String start = "@startuml\n";
    return plantUml.startsWith(start)
        ? start + comments(prefix, extras).replace("@", "&#64;") + plantUml.substring(start.length())
        : plantUml;
  }

  /**
   * The provenance as comment lines of a text format ({@code ' } PlantUML's, {@code %% }
   * Mermaid's), each one line.
   */
  private static String comments(String prefix, Extras extras) {
    if (extras.provenance() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    java.util.stream.Stream.concat(java.util.stream.Stream.of(extras.provenance().text()),
        extras.provenance().assumptionLines().stream())
        .forEach(l -> sb.append(prefix).append(l.replace('\r', ' ').replace('\n', ' '))
            .append('\n'));
    return sb.toString();
  }

  /** A comment line: readers (ours, websequencediagrams and seqdiag) skip it. */
  private static String provenance(Extras extras) {
    if (extras.provenance() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder("# ").append(extras.provenance().text()).append('\n');
    extras.provenance().assumptionLines().forEach(l -> sb.append("# ").append(l).append('\n'));
    return sb.toString();
  }

  private static String plantUml(Diagram d, Extras extras) {
    return extras.links() == null ? PlantUmlWriter.write(d)
        : PlantUmlWriter.write(d, extras.links()::forAnchor);
  }

  /** Writes {@code dir/name.ext} atomically (the folder is created if needed). */
  public static Written write(Diagram d, Path dir, String name, Format format)
      throws IOException, RenderException {
    return write(d, dir, name, format, Extras.NONE);
  }

  /** Writes {@code dir/name.ext} atomically with {@code extras}. */
  public static Written write(Diagram d, Path dir, String name, Format format, Extras extras)
      throws IOException, RenderException {
    Path file = dir.resolve(name + "." + format.extension);
    Image image = render(d, format, extras);
    AtomicFiles.write(dir, file, image.bytes());
    return new Written(file, image.warnings());
  }

  private static Image text(String s) {
    return new Image(s.getBytes(StandardCharsets.UTF_8), List.of());
  }
}
