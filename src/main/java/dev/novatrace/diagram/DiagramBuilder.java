package dev.novatrace.diagram;

import dev.novatrace.diagram.Element.Block;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Element.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Diagram} in time order: participants in order of first appearance (declared or
 * used), elements appended to the innermost open block. Nesting mistakes throw {@link
 * NestingError} so a reader can report them with a line number.
 */
public final class DiagramBuilder {

  /** A block opened and not yet closed; its finished sections plus the one being filled. */
  private record Frame(BlockKind kind, int line, List<Section> done, String text, List<Element> open) {}

  /** An {@code else} or {@code end} that does not fit the open blocks. */
  public static final class NestingError extends RuntimeException {
    public NestingError(String message) {
      super(message);
    }
  }

  private String title;
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private final List<Element> top = new ArrayList<>();
  private final Deque<Frame> open = new ArrayDeque<>();

  public DiagramBuilder title(String title) {
    this.title = title;
    return this;
  }

  /**
   * Declares a participant. It keeps the place of its first appearance, so a declaration after a
   * message that used the name only gives it its label and kind.
   */
  public DiagramBuilder declare(Participant p) {
    participants.put(p.name(), p);
    return this;
  }

  /** Notes a participant used by name; the first use adds it with its name as label. */
  public DiagramBuilder use(String name) {
    participants.putIfAbsent(name, Participant.of(name));
    return this;
  }

  public DiagramBuilder add(Element e) {
    current().add(e);
    return this;
  }

  public DiagramBuilder open(BlockKind kind, String text, int line) {
    open.push(new Frame(kind, line, new ArrayList<>(), text, new ArrayList<>()));
    return this;
  }

  /**
   * Starts the next section of the innermost block. Any block may have sections, as
   * websequencediagrams draws an {@code else} inside an {@code opt} or {@code loop} as a divider;
   * {@link #innermost()} tells a reader that wants to warn about it.
   */
  public DiagramBuilder elseSection(String text) {
    Frame f = open.peek();
    if (f == null) {
      throw new NestingError("'else' outside an 'alt' block");
    }
    f.done().add(new Section(f.text(), f.open()));
    open.pop();
    open.push(new Frame(f.kind(), f.line(), f.done(), text, new ArrayList<>()));
    return this;
  }

  public DiagramBuilder close() {
    Frame f = open.poll();
    if (f == null) {
      throw new NestingError("'end' without an open block");
    }
    List<Section> sections = new ArrayList<>(f.done());
    sections.add(new Section(f.text(), f.open()));
    current().add(new Block(f.kind(), sections, f.line()));
    return this;
  }

  /** A block not closed yet: its kind and the line that opened it. */
  public record OpenBlock(BlockKind kind, int line) {}

  /** The kind of the innermost open block, or null at the top level. */
  public BlockKind innermost() {
    Frame f = open.peek();
    return f == null ? null : f.kind();
  }

  /** The blocks still open, innermost first (empty when all are closed). */
  public List<OpenBlock> openBlocks() {
    return open.stream().map(f -> new OpenBlock(f.kind(), f.line())).toList();
  }

  /** The diagram; blocks still open are closed where the elements end. */
  public Diagram build() {
    while (!open.isEmpty()) {
      close();
    }
    return new Diagram(title, new ArrayList<>(participants.values()), top);
  }

  public static String keyword(BlockKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private List<Element> current() {
    Frame f = open.peek();
    return f == null ? top : f.open();
  }
}
