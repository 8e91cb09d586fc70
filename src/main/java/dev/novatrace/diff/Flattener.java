package dev.novatrace.diff;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diff.FlatStep.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a diagram (generated or hand-written) into its sequence of {@link FlatStep}s, depth first.
 * Activations and autonumbering are layout, not behaviour, and are left out; comment anchors are
 * not steps but set the anchor of the steps after them.
 */
public final class Flattener {
  private final List<FlatStep> out = new ArrayList<>();
  private Anchor anchor;

  private Flattener() {}

  public static List<FlatStep> flatten(Diagram d) {
    Flattener f = new Flattener();
    f.walk(d.elements(), 0);
    return List.copyOf(f.out);
  }

  /** The step a message draws, on its own (no anchor, no depth): what it says, not where. */
  public static FlatStep message(Element.Message m) {
    return new FlatStep(kindOf(m.arrow()), m.from(), m.to(), m.text() == null ? "" : m.text(),
        null, 0, m.line());
  }

  private void walk(List<Element> elements, int depth) {
    for (Element e : elements) {
      element(e, depth);
    }
  }

  private void element(Element e, int depth) {
    if (e instanceof Element.Comment c) {
      Anchor.parse(c.text()).ifPresent(a -> anchor = a);
    } else if (e instanceof Element.Message m) {
      add(kindOf(m.arrow()), m.from(), m.to(), m.text(), depth, m.line());
    } else if (e instanceof Element.Note n) {
      add(Kind.NOTE, String.join(",", n.participants()), "", n.text(), depth, n.line());
    } else if (e instanceof Element.State s) {
      add(Kind.BOX, "state", String.join(",", s.participants()), s.text(), depth, s.line());
    } else if (e instanceof Element.Ref r) {
      add(Kind.BOX, "ref", String.join(",", r.participants()), r.text(), depth, r.line());
    } else if (e instanceof Element.Block b) {
      for (int i = 0; i < b.sections().size(); i++) {
        Element.Section s = b.sections().get(i);
        if (i == 0) {
          add(Kind.BLOCK, DiagramBuilder.keyword(b.kind()), "", s.text(), depth, b.line());
        } else {
          add(Kind.ELSE, "else", "", s.text(), depth, b.line());
        }
        walk(s.elements(), depth + 1);
      }
    }
  }

  private void add(Kind kind, String from, String to, String text, int depth, int line) {
    out.add(new FlatStep(kind, from, to, text == null ? "" : text, anchor, depth, line));
  }

  private static Kind kindOf(Element.Arrow arrow) {
    return switch (arrow) {
      case SYNC -> Kind.CALL;
      case ASYNC -> Kind.CAST;
      case REPLY, ASYNC_REPLY -> Kind.REPLY;
    };
  }
}
