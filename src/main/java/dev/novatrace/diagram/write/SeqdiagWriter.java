package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a diagram in blockdiag's seqdiag language, the one Nova's documentation keeps its
 * sequence diagrams in, so that a generated diagram can go into those docs.
 *
 * <p>seqdiag has edges, edge notes and separators, and nothing else, so the rest is mapped onto
 * them: a note or state box becomes the {@code note} of the edge before it (or a separator when
 * no edge comes before it in its block); an {@code alt}/{@code opt}/{@code loop}/{@code par} is
 * a separator at its start, at each {@code else} and at its end; comment anchors stay comments.
 * Activation bars are seqdiag's own business and are left out.
 */
public final class SeqdiagWriter {

  /** What the seqdiag reader takes as a bare name; anything else is quoted. */
  private static final Pattern PLAIN_NAME =
      Pattern.compile("[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_\\u0080-\\uFFFF]*"
          + "([-.][A-Za-z0-9_\\u0080-\\uFFFF]+)*");

  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("seqdiag", "diagram", "group");

  private final StringBuilder out = new StringBuilder();
  /** The edge written last in the current block, still open for notes; null when none. */
  private Edge pending;

  /** An edge waiting for the notes that follow it. */
  private record Edge(String head, String label, List<String> notes) {}

  private SeqdiagWriter() {}

  public static String write(Diagram d) {
    SeqdiagWriter w = new SeqdiagWriter();
    w.diagram(d);
    return w.out.toString();
  }

  private void diagram(Diagram d) {
    line(0, "seqdiag {");
    if (d.title() != null && !d.title().isEmpty()) {
      line(1, "// " + oneLine(d.title()));
    }
    line(1, "activation = none;");
    for (Participant p : d.participants()) {
      line(1, p.label().equals(p.name()) ? name(p.name()) + ";"
          : name(p.name()) + " [label = " + quote(p.label()) + "];");
    }
    blank();
    elements(d.elements(), 1);
    flush(1);
    line(0, "}");
  }

  private void elements(List<Element> elements, int depth) {
    for (Element e : elements) {
      element(e, depth);
    }
  }

  private void element(Element e, int depth) {
    if (e instanceof Element.Message m) {
      flush(depth);
      pending = new Edge(name(m.from()) + " " + arrow(m.arrow()) + " " + name(m.to()), m.text(),
          new ArrayList<>());
    } else if (e instanceof Element.Note n) {
      note(n.text(), depth);
    } else if (e instanceof Element.State s) {
      note(s.text(), depth);
    } else if (e instanceof Element.Ref r) {
      flush(depth);
      separator("ref: " + r.text(), depth);
    } else if (e instanceof Element.Comment c) {
      flush(depth);
      line(depth, c.text().isEmpty() ? "#" : "# " + oneLine(c.text()));
    } else if (e instanceof Element.Block b) {
      block(b, depth);
    } else if (e instanceof Element.Autonumber) {
      flush(depth);
      line(depth, "autonumber = True;");
    }
    // Lifelines (activate, deactivate, destroy) have no seqdiag form: left out.
  }

  private void block(Element.Block b, int depth) {
    flush(depth);
    String keyword = DiagramBuilder.keyword(b.kind());
    for (int i = 0; i < b.sections().size(); i++) {
      Element.Section s = b.sections().get(i);
      separator(i == 0 ? withText(keyword, s.text()) : withText("else", s.text()), depth);
      elements(s.elements(), depth + 1);
      flush(depth + 1);
    }
    separator("end " + keyword, depth);
  }

  private void note(String text, int depth) {
    if (pending != null) {
      pending.notes().add(text);
    } else {
      separator(text, depth);
    }
  }

  /** Writes the pending edge with its notes. */
  private void flush(int depth) {
    if (pending == null) {
      return;
    }
    List<String> attrs = new ArrayList<>();
    if (!pending.label().isEmpty()) {
      attrs.add("label = " + quote(pending.label()));
    }
    if (!pending.notes().isEmpty()) {
      attrs.add("note = " + quote(String.join("\n", pending.notes())));
    }
    line(depth, pending.head() + (attrs.isEmpty() ? "" : " [" + String.join(", ", attrs) + "]") + ";");
    pending = null;
  }

  private void separator(String text, int depth) {
    // A separator ends at the first "===": a text holding one is cut there by readers.
    line(depth, "=== " + oneLine(text).replace("===", "= = =") + " ===");
  }

  private static String arrow(Element.Arrow a) {
    return switch (a) {
      case SYNC -> "->";
      case ASYNC -> "->>";
      case REPLY -> "-->";
      case ASYNC_REPLY -> "-->>";
    };
  }

  static String name(String name) {
    return PLAIN_NAME.matcher(name).matches() && !KEYWORDS.contains(name) ? name : quote(name);
  }

  /** A seqdiag string: backslashes and quotes escaped, line breaks as {@code \n}. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "")
        .replace("\n", "\\n") + "\"";
  }

  private static String oneLine(String text) {
    return text.replace("\r", "").replace("\n", " ");
  }

  private static String withText(String keyword, String text) {
    return text.isEmpty() ? keyword : keyword + " " + oneLine(text);
  }

  private void line(int depth, String text) {
    out.append(Indent.of("  ", depth)).append(text).append('\n');
  }

  private void blank() {
    out.append('\n');
  }
}
