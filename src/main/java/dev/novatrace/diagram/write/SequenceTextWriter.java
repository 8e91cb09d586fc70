package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Block;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Participant;
import java.util.List;

/**
 * Walks a diagram in time order and writes one text line per construct; each target language
 * (.wsd, PlantUML, Mermaid) says how a construct looks. Statements inside a block are indented
 * by {@link #indentUnit()} per level, so nesting stays visible in every output.
 */
abstract class SequenceTextWriter {

  private final StringBuilder out = new StringBuilder();
  private int depth;

  /** Writes the whole diagram and returns the text (ends with a newline). */
  final String render(Diagram d) {
    header(d);
    for (Participant p : d.participants()) {
      participant(p);
    }
    if (!d.participants().isEmpty()) {
      blankLine();
    }
    elements(d.elements());
    footer(d);
    return out.toString();
  }

  protected String indentUnit() {
    return "  ";
  }

  protected final void line(String s) {
    out.append(Indent.of(indentUnit(), depth)).append(s).append('\n');
  }

  protected final void blankLine() {
    out.append('\n');
  }

  protected abstract void header(Diagram d);

  protected void footer(Diagram d) {}

  protected abstract void participant(Participant p);

  protected abstract void message(Element.Message m);

  protected abstract void note(Element.Note n);

  protected abstract void state(Element.State s);

  protected abstract void ref(Element.Ref r);

  protected abstract void comment(Element.Comment c);

  /** A text as the target shows it literally (newlines, markup, reserved characters). */
  protected abstract String escape(String text);

  /** How a statement refers to a participant: its name, quoted or turned into an id. */
  protected abstract String ref(String participant);

  /** {@code activate A}, {@code deactivate A}, {@code destroy A}: the same in .wsd and PlantUML. */
  protected void lifeline(Element.Lifeline l) {
    line(l.action().name().toLowerCase(java.util.Locale.ROOT) + " " + ref(l.participant()));
  }

  protected void autonumber(Element.Autonumber a) {
    line(a.start() == null ? "autonumber" : "autonumber " + a.start());
  }

  /** The line that opens a block ({@code alt x}); {@code text} may be empty. */
  protected String blockStart(BlockKind kind, String text) {
    return withText(keyword(kind), escapeHeader(text));
  }

  /** The kind a block is written as: its own, unless the target cannot draw it. */
  protected BlockKind kindOf(Block b) {
    return b.kind();
  }

  /** The line between two sections of a block ({@code else x}). */
  protected String blockSection(BlockKind kind, String text) {
    return withText("else", escapeHeader(text));
  }

  /** A block header's text as the target shows it literally: as any text, unless it says. */
  protected String escapeHeader(String text) {
    return escape(text);
  }

  protected String blockEnd() {
    return "end";
  }

  private void elements(List<Element> elements) {
    for (Element e : elements) {
      element(e);
    }
  }

  private void element(Element e) {
    if (e instanceof Element.Message m) {
      message(m);
    } else if (e instanceof Element.Note n) {
      note(n);
    } else if (e instanceof Element.State s) {
      state(s);
    } else if (e instanceof Element.Ref r) {
      ref(r);
    } else if (e instanceof Element.Lifeline l) {
      lifeline(l);
    } else if (e instanceof Element.Comment c) {
      comment(c);
    } else if (e instanceof Element.Autonumber a) {
      autonumber(a);
    } else if (e instanceof Block b) {
      block(b);
    } else {
      throw new IllegalArgumentException("unknown element " + e);
    }
  }

  private void block(Block b) {
    BlockKind kind = kindOf(b);
    for (int i = 0; i < b.sections().size(); i++) {
      Element.Section s = b.sections().get(i);
      line(i == 0 ? blockStart(kind, s.text()) : blockSection(kind, s.text()));
      depth++;
      elements(s.elements());
      depth--;
    }
    line(blockEnd());
  }

  /** {@code keyword} followed by a space and {@code text}, or the keyword alone. */
  protected static String withText(String keyword, String text) {
    return text.isEmpty() ? keyword : keyword + " " + text;
  }

  /** {@code over}, {@code left of}, {@code right of}: the same words in every target. */
  protected static String place(Element.NotePlace place) {
    return place.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  protected static String keyword(BlockKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
