package dev.novatrace.diagram.wsd;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder.NestingError;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.DiagramError;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.DiagramText;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.ReadDiagram;
import dev.novatrace.util.ShownNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a websequencediagrams (.wsd) file into a {@link Diagram}.
 *
 * <p>The file is read line by line: each line is one statement, parsed by the ANTLR grammar
 * ({@link StatementParser}); this class keeps what spans lines — block nesting, block notes
 * ({@code note over A} ... {@code end note}) and participant order. Every bad line becomes a
 * {@link DiagramError}; nothing is dropped silently, and reading goes on so all errors are reported.
 *
 * <p>Hand-kept diagrams are written against websequencediagrams, so what it draws we read: an
 * {@code else} inside an {@code opt} or {@code loop} (a divider), a block or note left open at the
 * end of the file (closed there), a stray {@code end} or {@code else} (ignored). Each is a
 * warning with its line. Errors are kept for lines that no renderer could draw.
 */
public final class WsdReader {

  /** Closes a block note or block ref: {@code end note}, {@code End Ref  }. */
  private static final Pattern END_TEXT_BLOCK = Pattern.compile("(?i)\\s*end\\s+(note|ref)\\s*");

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  /** A {@code note}/{@code ref} whose text follows on the lines up to {@code end note}. */
  private record TextBlock(Statement header, List<String> lines) {}

  private final String file;
  private final DiagramBuilder builder = new DiagramBuilder();
  private final List<DiagramError> errors = new ArrayList<>();
  private final List<DiagramError> warnings = new ArrayList<>();
  private final StatementParser parser = new StatementParser();

  private WsdReader(String file) {
    this.file = file;
  }

  /**
   * Reads a .wsd file. Only a regular file (or a link to one) is read: a FIFO or a device would
   * block or never end. Bytes that are not UTF-8 are an error naming their line.
   */
  public static Diagram read(Path file) throws IOException, DiagramException {
    return readWithWarnings(file).diagram();
  }

  /** Reads a .wsd file, keeping the warnings its text gave. */
  public static ReadDiagram readWithWarnings(Path file) throws IOException, DiagramException {
    return readWithWarnings(DiagramText.read(file), ShownNames.of(file));
  }


  /** Reads {@code source}; {@code file} is only used in error messages. */
  public static Diagram read(String source, String file) throws DiagramException {
    return readWithWarnings(source, file).diagram();
  }

  /** Reads {@code source}, keeping the warnings its text gave. */
  public static ReadDiagram readWithWarnings(String source, String file) throws DiagramException {
    return new WsdReader(file).readAll(source);
  }

  private ReadDiagram readAll(String source) throws DiagramException {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    String[] lines = LINE_BREAK.split(text, -1);
    TextBlock pending = null;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (pending != null) {
        if (END_TEXT_BLOCK.matcher(line).matches()) {
          addTextBlock(pending);
          pending = null;
        } else {
          pending.lines().add(line.strip());
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      Statement st;
      try {
        st = parser.parse(line, lineNo);
      } catch (StatementParser.BadLine e) {
        error(lineNo, e.getMessage());
        continue;
      }
      if (st.opensTextBlock()) {
        pending = new TextBlock(st, new ArrayList<>());
      } else {
        apply(st, lineNo);
      }
    }
    if (pending != null) {
      warning(pending.header().line(), "'" + pending.header().keyword() + "' block never closed"
          + " (expected 'end " + pending.header().keyword() + "'); its text runs to the end of the file");
      addTextBlock(pending);
    }
    for (DiagramBuilder.OpenBlock b : builder.openBlocks()) {
      warning(b.line(), "'" + DiagramBuilder.keyword(b.kind())
          + "' block never closed (expected 'end'); closed at the end of the file");
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(DiagramError::line));
      throw new DiagramException(errors);
    }
    warnings.sort(Comparator.comparingInt(DiagramError::line));
    return new ReadDiagram(builder.build(), warnings);
  }

  private void apply(Statement st, int lineNo) {
    if (st instanceof Else && builder.innermost() != null
        && builder.innermost() != BlockKind.ALT && builder.innermost() != BlockKind.PAR) {
      warning(lineNo, "'else' inside '" + DiagramBuilder.keyword(builder.innermost())
          + "' (only 'alt' has 'else'); drawn as a second section");
    }
    try {
      st.participantsUsed().forEach(builder::use);
      st.applyTo(builder);
    } catch (NestingError e) {
      warning(lineNo, e.getMessage() + "; ignored");
    }
  }

  private void addTextBlock(TextBlock block) {
    apply(block.header().withText(String.join("\n", block.lines())), block.header().line());
  }

  private void error(int line, String message) {
    errors.add(new DiagramError(file, line, message));
  }

  private void warning(int line, String message) {
    warnings.add(new DiagramError(file, line, "warning: " + message));
  }

  /** One parsed line, ready to be added to the diagram. */
  interface Statement {
    int line();

    default List<String> participantsUsed() {
      return List.of();
    }

    void applyTo(DiagramBuilder b);

    /** True for a note or ref header whose text follows on the next lines. */
    default boolean opensTextBlock() {
      return false;
    }

    /** The keyword that closes this statement's text block ({@code note} or {@code ref}). */
    default String keyword() {
      return "";
    }

    /** This statement with the text of its block. */
    default Statement withText(String text) {
      return this;
    }
  }

  /** A statement that simply adds an element. */
  record Add(Element element, List<String> participantsUsed) implements Statement {
    @Override
    public int line() {
      return element.line();
    }

    @Override
    public void applyTo(DiagramBuilder b) {
      b.add(element);
    }
  }

  /** {@code note over A} / {@code ref over A,B} without text on the line: text follows. */
  record TextBlockHeader(String keyword, NotePlace place, List<String> participantsUsed, int line)
      implements Statement {
    @Override
    public void applyTo(DiagramBuilder b) {
      throw new IllegalStateException("text block header applied without its text");
    }

    @Override
    public boolean opensTextBlock() {
      return true;
    }

    @Override
    public Statement withText(String text) {
      Element e = keyword.equals("ref")
          ? new Element.Ref(participantsUsed, text, line)
          : new Element.Note(place, participantsUsed, text, line);
      return new Add(e, participantsUsed);
    }
  }

  /** {@code else text}: the next section of the innermost block. */
  record Else(String text, int line) implements Statement {
    @Override
    public void applyTo(DiagramBuilder b) {
      b.elseSection(text);
    }
  }

  /** {@code end}, {@code end alt}: closes the innermost block. */
  record End(int line) implements Statement {
    @Override
    public void applyTo(DiagramBuilder b) {
      b.close();
    }
  }

  /** {@code title}, {@code participant}, {@code alt}: no element. */
  record Structure(int line, Consumer<DiagramBuilder> action) implements Statement {
    @Override
    public void applyTo(DiagramBuilder b) {
      action.accept(b);
    }
  }
}
