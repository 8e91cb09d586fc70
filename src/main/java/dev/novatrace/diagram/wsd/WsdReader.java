package dev.novatrace.diagram.wsd;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.DiagramBuilder.NestingError;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.NotePlace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a websequencediagrams (.wsd) file into a {@link Diagram}.
 *
 * <p>The file is read line by line: each line is one statement, parsed by the ANTLR grammar
 * ({@link StatementParser}); this class keeps what spans lines — block nesting, block notes
 * ({@code note over A} ... {@code end note}) and participant order. Every bad line becomes a
 * {@link WsdError}; nothing is dropped silently, and reading goes on so all errors are reported.
 */
public final class WsdReader {

  /** Closes a block note or block ref: {@code end note}, {@code End Ref  }. */
  private static final Pattern END_TEXT_BLOCK = Pattern.compile("(?i)\\s*end\\s+(note|ref)\\s*");

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  /** A {@code note}/{@code ref} whose text follows on the lines up to {@code end note}. */
  private record TextBlock(Statement header, List<String> lines) {}

  private final String file;
  private final DiagramBuilder builder = new DiagramBuilder();
  private final List<WsdError> errors = new ArrayList<>();
  private final StatementParser parser = new StatementParser();

  private WsdReader(String file) {
    this.file = file;
  }

  /**
   * Reads a .wsd file. Only a regular file (or a link to one) is read: a FIFO or a device would
   * block or never end. Bytes that are not UTF-8 are an error naming their line.
   */
  public static Diagram read(Path file) throws IOException, WsdException {
    if (!Files.isRegularFile(file)) {
      throw fileError(file, Files.isDirectory(file) ? "is a folder, not a .wsd file"
          : "not a regular file (a FIFO, device or socket); only regular files are read");
    }
    return read(decode(Files.readAllBytes(file), file), file.toString());
  }

  /** The text of {@code bytes} as strict UTF-8; an error names the line of the first bad byte. */
  private static String decode(byte[] bytes, Path file) throws WsdException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new WsdException(List.of(new WsdError(file.toString(), line, String.format(
          Locale.ROOT, "not UTF-8: byte 0x%02x at column %d (save the file as UTF-8)",
          bytes[at] & 0xff, at - lineStart + 1))));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static WsdException fileError(Path file, String message) {
    return new WsdException(List.of(new WsdError(file.toString(), 0, message)));
  }

  /** Reads {@code source}; {@code file} is only used in error messages. */
  public static Diagram read(String source, String file) throws WsdException {
    return new WsdReader(file).readAll(source);
  }

  private Diagram readAll(String source) throws WsdException {
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
      error(pending.header().line(), "'" + pending.header().keyword() + "' block never closed"
          + " (expected 'end " + pending.header().keyword() + "')");
    }
    for (DiagramBuilder.OpenBlock b : builder.openBlocks()) {
      error(b.line(), "'" + DiagramBuilder.keyword(b.kind()) + "' block never closed (expected 'end')");
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(WsdError::line));
      throw new WsdException(errors);
    }
    return builder.build();
  }

  private void apply(Statement st, int lineNo) {
    try {
      st.participantsUsed().forEach(builder::use);
      st.applyTo(builder);
    } catch (NestingError e) {
      error(lineNo, e.getMessage());
    }
  }

  private void addTextBlock(TextBlock block) {
    apply(block.header().withText(String.join("\n", block.lines())), block.header().line());
  }

  private void error(int line, String message) {
    errors.add(new WsdError(file, line, message));
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

  /** {@code title}, {@code participant}, {@code alt}, {@code else}, {@code end}: no element. */
  record Structure(int line, Consumer<DiagramBuilder> action) implements Statement {
    @Override
    public void applyTo(DiagramBuilder b) {
      action.accept(b);
    }
  }
}
