package dev.novatrace.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.core.ImageData;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.nio.PathSystem;
import net.sourceforge.plantuml.preproc.Defines;

/**
 * Turns PlantUML source into SVG or PNG with the MIT edition of PlantUML, in-process and offline.
 * The only class that imports PlantUML.
 */
public final class PlantUmlRenderer {

  /**
   * PNG images larger than this (in pixels, either side) are cut by PlantUML. Its default, 4096,
   * cuts a diagram of about 120 messages; PlantUML reads the property when it draws, and it is
   * set here, before any PlantUML class loads, unless the user set it.
   */
  public static final int PNG_LIMIT = Integer.parseInt(limitProperty());

  private static String limitProperty() {
    if (System.getProperty("PLANTUML_LIMIT_SIZE") == null && System.getenv("PLANTUML_LIMIT_SIZE") == null) {
      System.setProperty("PLANTUML_LIMIT_SIZE", "32768");
    }
    System.setProperty("java.awt.headless", "true");
    String value = System.getProperty("PLANTUML_LIMIT_SIZE", System.getenv("PLANTUML_LIMIT_SIZE"));
    try {
      return String.valueOf(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return "4096";
    }
  }

  /** The image, plus warnings such as a PNG cut at {@link #PNG_LIMIT}. */
  public record Image(byte[] bytes, List<String> warnings) {
    public Image {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * PlantUML cannot draw the diagram: it is past a {@link DrawLimits} limit, PlantUML refused the
   * source or failed while drawing it. One line, no picture.
   */
  public static final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The line of the diagram it is about, 0 when none is known. */
    private final int line;

    public RenderException(String message) {
      this(0, message);
    }

    public RenderException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** PlantUML's source lines are cut here (a longer one is a bare "(Error)"). */
  private static final int SOURCE_LINE = 2000;

  /**
   * PlantUML logs a failure's stack trace to this logger's console handler, then draws the stack
   * trace as the picture. The failure is ours to report, as one line: the logger is kept quiet,
   * and held here so the setting outlives garbage collection of the logger.
   */
  private static final Logger PLANTUML_LOG = quiet(Logger.getLogger("com.plantuml"));

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.OFF);
    return logger;
  }

  private PlantUmlRenderer() {}

  /**
   * Renders {@code source} ({@code @startuml} ... {@code @enduml}) as SVG or PNG.
   *
   * <p>PlantUML's preprocessor is never run: the source is handed to {@link BlockUml} without a
   * definitions container, which PlantUML takes as "no preprocessing". So no text of a diagram,
   * however hostile, can include a file ({@code !include}, {@code %load_json}), read the
   * environment ({@code %getenv}) or vary between runs ({@code %date}, {@code %random}). Creole
   * markup is not a preprocessor matter: the writer escapes it.
   *
   * <p>PlantUML lower-cases SVG tag names and formats numbers with the default locale, so the
   * whole call runs under {@link Locale#ROOT}: a Turkish default would write {@code <tıtle>}.
   */
  public static Image render(String source, Format format) throws RenderException, IOException {
    FileFormat ff = switch (format) {
      case SVG -> FileFormat.SVG;
      case PNG -> FileFormat.PNG;
      default -> throw new IllegalArgumentException("PlantUML does not render " + format);
    };
    if (!source.startsWith("@start")) {
      throw new RenderException("no @startuml block");
    }
    synchronized (PlantUmlRenderer.class) {
      Locale saved = Locale.getDefault();
      Locale.setDefault(Locale.ROOT);
      try {
        return draw(source, format, ff);
      } finally {
        Locale.setDefault(saved);
      }
    }
  }

  /**
   * The lines of {@code source}, comment lines blank: the preprocessor is what drops PlantUML's
   * {@code '} comments. Blank, not removed, so error line numbers still match the source.
   */
  private static List<String> withoutComments(String source) {
    return source.lines().map(l -> l.stripLeading().startsWith("'") ? "" : l).toList();
  }

  private static Image draw(String source, Format format, FileFormat ff)
      throws RenderException, IOException {
    // A null DefinitionsContainer is PlantUML's own switch for "no preprocessor" (see above).
    BlockUml block = new BlockUml(null, PathSystem.fetch(),
        BlockUml.convert(withoutComments(source)), Defines.createEmpty(), null, null);
    Diagram diagram = block.getDiagram();
    if (diagram instanceof PSystemError error) {
      throw refused(error, source);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageData data = export(diagram, ff, out);
    List<String> warnings = new ArrayList<>();
    if (format == Format.PNG && (data.getWidth() > PNG_LIMIT || data.getHeight() > PNG_LIMIT)) {
      warnings.add("diagram is " + data.getWidth() + "x" + data.getHeight()
          + " pixels, PNG is cut at " + PNG_LIMIT + " (use svg, or set PLANTUML_LIMIT_SIZE)");
    }
    return new Image(out.toByteArray(), warnings);
  }

  /**
   * Draws the picture into {@code out}. A failure inside PlantUML is caught there and drawn as a
   * picture of the stack trace, with status 503: that is a failure, never a diagram.
   */
  private static ImageData export(Diagram diagram, FileFormat ff, ByteArrayOutputStream out)
      throws RenderException, IOException {
    ImageData data;
    try {
      // Without metadata: no copy of the source in the file, so the bytes depend on the picture only.
      data = diagram.exportDiagram(out, 0, new FileFormatOption(ff, false));
    } catch (RuntimeException | StackOverflowError e) {
      throw failed(e);
    }
    if (data.getRootCause() != null || data.getStatus() >= 400) {
      throw failed(data.getRootCause());
    }
    return data;
  }

  private static RenderException failed(Throwable cause) {
    if (cause == null) {
      return new RenderException("PlantUML failed to draw it");
    }
    StackTraceElement[] at = cause.getStackTrace();
    String where = at.length == 0 ? "" : " at " + at[0].getClassName()
        .substring(at[0].getClassName().lastIndexOf('.') + 1) + "." + at[0].getMethodName();
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
    return new RenderException("PlantUML failed to draw it (" + cause.getClass().getSimpleName()
        + message + where + ")");
  }

  private static RenderException refused(PSystemError error, String source) {
    int line = error.getLineLocation().getPosition();
    List<String> lines = source.lines().toList();
    if (line >= 0 && line < lines.size() && lines.get(line).length() > SOURCE_LINE) {
      // Escaping markup can make a short text long: five characters for each '*', for one.
      return new RenderException(String.format(Locale.ROOT, "a text too long for PlantUML once"
          + " escaped (%,d characters on one line; it reads at most %,d)", lines.get(line).length(),
          SOURCE_LINE));
    }
    return new RenderException("PlantUML: " + error.getWarningOrError().strip().replace('\n', ' ')
        + " (line " + (line + 1) + " of the generated source)");
  }
}
