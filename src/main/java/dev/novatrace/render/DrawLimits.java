package dev.novatrace.render;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PlantUML cannot draw, found before it tries. Past these limits PlantUML throws deep inside
 * its layout (2,000 nested blocks: "Infinite recursion?"; a text line over 2,000 characters: a
 * bare "(Error)"), runs for minutes (1,000 participants: 47 s) or runs out of memory (3,000
 * participants in 512 MB), and then draws a picture of its own stack trace. Each limit is far
 * above any traced or hand-drawn Nova diagram (at most 24 participants and about 130 messages).
 */
public final class DrawLimits {

  /** Lifelines side by side: layout time grows with the square (300: 3.5 s). */
  public static final int PARTICIPANTS = 300;
  /** Messages, notes and the rest: 20,000 need more than 1 GB. */
  public static final int ELEMENTS = 10_000;
  /** Blocks inside blocks: 1,000 take 3 s, 2,000 make PlantUML give up. */
  public static final int BLOCK_DEPTH = 500;
  /** Activations of one lifeline inside each other: each one widens the lifeline. */
  public static final int ACTIVATION_DEPTH = 100;
  /** One text: PlantUML reads at most 2,000 characters a line, escapes and names included. */
  public static final int TEXT = 1_500;

  /** A limit passed: the line of the diagram where it happened (0: generated), and what. */
  public record Exceeded(int line, String message) {}

  private final Map<String, Integer> activations = new HashMap<>();
  private int elements;

  private DrawLimits() {}

  /** The first limit {@code d} passes, or null when PlantUML can be asked to draw it. */
  public static Exceeded check(Diagram d) {
    if (d.participants().size() > PARTICIPANTS) {
      return new Exceeded(0, count(d.participants().size()) + " participants; PlantUML draws at most "
          + count(PARTICIPANTS) + " side by side");
    }
    Exceeded title = text(0, "title", d.title());
    if (title != null) {
      return title;
    }
    for (Participant p : d.participants()) {
      Exceeded name = text(0, "participant name", p.label().length() > p.name().length() ? p.label() : p.name());
      if (name != null) {
        return name;
      }
    }
    return new DrawLimits().walk(d.elements());
  }

  /**
   * Walks the elements in time order, sections of a block one after the other, with a stack of
   * its own: a hostile file nests blocks far deeper than the Java stack would allow.
   */
  private Exceeded walk(List<Element> top) {
    Deque<Iterator<Element>> open = new ArrayDeque<>();
    open.push(top.iterator());
    while (!open.isEmpty()) {
      if (!open.peek().hasNext()) {
        open.pop();
        continue;
      }
      Element e = open.peek().next();
      Exceeded found = visit(e, open.size() - 1);
      if (found != null) {
        return found;
      }
      if (e instanceof Element.Block b) {
        open.push(b.sections().stream().flatMap(s -> s.elements().stream()).iterator());
      }
    }
    return null;
  }

  private Exceeded visit(Element e, int depth) {
    if (++elements > ELEMENTS) {
      return new Exceeded(e.line(), "over " + count(ELEMENTS)
          + " messages, notes and blocks; PlantUML draws at most that many in one picture");
    }
    if (e instanceof Element.Block b) {
      return block(b, depth + 1);
    } else if (e instanceof Element.Message m) {
      return message(m);
    } else if (e instanceof Element.Note n) {
      return text(n.line(), "note", n.text());
    } else if (e instanceof Element.State s) {
      return text(s.line(), "state", s.text());
    } else if (e instanceof Element.Ref r) {
      return text(r.line(), "ref", r.text());
    } else if (e instanceof Element.Lifeline l) {
      return lifeline(l);
    }
    return null;
  }

  private static Exceeded block(Element.Block b, int depth) {
    if (depth > BLOCK_DEPTH) {
      return new Exceeded(b.line(), "blocks nested " + count(depth) + " deep; PlantUML draws at most "
          + count(BLOCK_DEPTH));
    }
    for (Element.Section s : b.sections()) {
      Exceeded text = text(b.line(), "block text", s.text());
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private Exceeded message(Element.Message m) {
    Exceeded text = text(m.line(), "message", m.text());
    if (text != null) {
      return text;
    }
    return switch (m.shorthand()) {
      case ACTIVATE_TARGET -> activate(m.to(), m.line());
      case DEACTIVATE_SOURCE -> deactivate(m.from());
      case NONE -> null;
    };
  }

  private Exceeded lifeline(Element.Lifeline l) {
    return switch (l.action()) {
      case ACTIVATE -> activate(l.participant(), l.line());
      case DEACTIVATE -> deactivate(l.participant());
      case DESTROY -> {
        activations.remove(l.participant());
        yield null;
      }
    };
  }

  private Exceeded activate(String participant, int line) {
    int depth = activations.merge(participant, 1, Integer::sum);
    return depth > ACTIVATION_DEPTH ? new Exceeded(line, count(depth) + " nested activations of "
        + participant + "; PlantUML draws at most " + count(ACTIVATION_DEPTH)) : null;
  }

  private Exceeded deactivate(String participant) {
    // A deactivation without an activation is PlantUML's to report; it never nests deeper.
    activations.computeIfPresent(participant, (p, depth) -> depth > 1 ? depth - 1 : null);
    return null;
  }

  private static Exceeded text(int line, String what, String text) {
    return text != null && text.length() > TEXT ? tooLong(line, what, text) : null;
  }

  private static Exceeded tooLong(int line, String what, String text) {
    return new Exceeded(line, "a " + what + " of " + count(text.length())
        + " characters; PlantUML draws at most " + count(TEXT) + " in one text");
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
