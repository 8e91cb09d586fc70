package dev.novatrace.diagram.read;

import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.DiagramText;
import dev.novatrace.diagram.ReadDiagram;
import dev.novatrace.diagram.seqdiag.SeqdiagReader;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.util.ShownNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a diagram file in the language its extension names: {@code .dia} is blockdiag's
 * seqdiag (Nova's documentation), anything else websequencediagrams text.
 */
public final class DiagramFiles {
  /** The extensions of the diagram files that commands read from a folder. */
  public static final java.util.List<String> EXTENSIONS = java.util.List.of(".wsd", ".dia");

  private DiagramFiles() {}

  public static ReadDiagram read(Path file) throws IOException, DiagramException {
    String text = DiagramText.read(file);
    return isSeqdiag(file) ? SeqdiagReader.read(text, ShownNames.of(file))
        : WsdReader.readWithWarnings(text, ShownNames.of(file));
  }

  /** Whether a file name is a diagram that commands read from a folder. */
  public static boolean isDiagram(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /** Whether a file is seqdiag text, by its extension. */
  public static boolean isSeqdiag(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".dia");
  }
}
