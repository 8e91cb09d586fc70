package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Participant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a diagram as Mermaid {@code sequenceDiagram} text (.mmd).
 *
 * <p>Mermaid differs from .wsd in ways that matter: its {@code ->} has no arrowhead, so calls are
 * {@code ->>} and replies {@code -->>}, while casts use the open arrows {@code -)} / {@code --)};
 * it has no {@code ref} or {@code state}, so those become notes; {@code destroy} must be followed
 * by a message, so it becomes a note too; it fails on deactivating an inactive lifeline, so such
 * deactivations are left out with a {@code %%} comment saying so. Labels escape what Mermaid
 * reads as syntax ({@code ;}, {@code #}, the word {@code end}) with {@code #NN;} entity codes.
 */
public final class MermaidWriter extends SequenceTextWriter {

  private static final Set<String> RESERVED = Set.of("participant", "actor", "as", "note", "over",
      "left", "right", "of", "loop", "alt", "else", "opt", "par", "and", "end", "rect", "critical",
      "option", "break", "activate", "deactivate", "autonumber", "title", "box", "create",
      "destroy", "links", "link", "properties", "details", "off", "sequencediagram");

  private static final Pattern END_WORD = Pattern.compile("(?i)\\bend\\b");

  private final ParticipantIds ids;
  /** Open activations per id, to keep Mermaid from failing on an unmatched deactivate. */
  private final Map<String, Integer> active = new HashMap<>();

  private MermaidWriter(Diagram d) {
    ids = new ParticipantIds(d.participants(), RESERVED);
  }

  public static String write(Diagram d) {
    return new MermaidWriter(d).render(d);
  }

  @Override
  protected String indentUnit() {
    return "    ";
  }

  @Override
  protected void header(Diagram d) {
    line("sequenceDiagram");
    if (d.title() != null && !d.title().isEmpty()) {
      line("title " + escape(d.title()).replace("<br/>", " "));
    }
  }

  @Override
  protected void participant(Participant p) {
    String keyword = p.kind() == Participant.Kind.ACTOR ? "actor " : "participant ";
    String id = ids.id(p.name());
    String label = escape(p.label());
    line(label.equals(id) ? keyword + id : keyword + id + " as " + label);
  }

  @Override
  protected void message(Element.Message m) {
    String from = ids.id(m.from());
    String to = ids.id(m.to());
    String shorthand = "";
    if (m.shorthand() == Element.Shorthand.ACTIVATE_TARGET) {
      shorthand = "+";
      active.merge(to, 1, Integer::sum);
    } else if (m.shorthand() == Element.Shorthand.DEACTIVATE_SOURCE) {
      if (release(from)) {
        shorthand = "-";
      } else {
        line("%% '-' left out: " + commentText(m.from()) + " is not active here");
      }
    }
    line(from + arrow(m.arrow()) + shorthand + to + ": " + escape(m.text()));
  }

  @Override
  protected void note(Element.Note n) {
    line("Note " + place(n.place()) + " " + span(n.participants()) + ": " + escape(n.text()));
  }

  @Override
  protected void state(Element.State s) {
    line("Note over " + span(s.participants()) + ": state: " + escape(s.text()));
  }

  @Override
  protected void ref(Element.Ref r) {
    line("Note over " + span(r.participants()) + ": ref: " + escape(r.text()));
  }

  @Override
  protected void lifeline(Element.Lifeline l) {
    String id = ids.id(l.participant());
    switch (l.action()) {
      case ACTIVATE -> {
        active.merge(id, 1, Integer::sum);
        line("activate " + id);
      }
      case DEACTIVATE -> line(release(id) ? "deactivate " + id
          : "%% deactivate " + commentText(l.participant()) + " left out: not active here");
      case DESTROY -> line("Note over " + id + ": destroyed");
    }
  }

  @Override
  protected String ref(String participant) {
    return ids.id(participant);
  }

  @Override
  protected void comment(Element.Comment c) {
    line("%% " + commentText(c.text()));
  }

  /**
   * A text inside a {@code %%} comment: one line, and no '%', since Mermaid finds
   * {@code %%{init: ...}%%} directives anywhere in the text, comments included.
   */
  private static String commentText(String text) {
    return text.replace('\r', ' ').replace('\n', ' ').replace("%", "#37;");
  }

  @Override
  protected void autonumber(Element.Autonumber a) {
    if (a.start() != null) {
      line("%% numbering starts at " + a.start() + " in the source; Mermaid always starts at 1");
    }
    line("autonumber");
  }

  /**
   * Mermaid's {@code opt} and {@code loop} have no {@code else}, which websequencediagrams and
   * PlantUML draw as a divider: such a block is written as an {@code alt}, which draws the same.
   */
  @Override
  protected BlockKind kindOf(Element.Block b) {
    boolean divided = b.sections().size() > 1;
    return divided && (b.kind() == BlockKind.OPT || b.kind() == BlockKind.LOOP) ? BlockKind.ALT : b.kind();
  }

  @Override
  protected String blockSection(BlockKind kind, String text) {
    return withText(kind == BlockKind.PAR ? "and" : "else", escape(text));
  }

  private boolean release(String id) {
    int n = active.getOrDefault(id, 0);
    if (n == 0) {
      return false;
    }
    active.put(id, n - 1);
    return true;
  }

  private static String arrow(Arrow a) {
    return switch (a) {
      case SYNC -> "->>";
      case REPLY -> "-->>";
      case ASYNC -> "-)";
      case ASYNC_REPLY -> "--)";
    };
  }

  /** Mermaid notes span at most two participants: the first and the last. */
  private String span(List<String> names) {
    String first = ids.id(names.get(0));
    String last = ids.id(names.get(names.size() - 1));
    return first.equals(last) ? first : first + "," + last;
  }

  /** A label Mermaid shows literally: syntax characters and the word "end" as #NN; codes. */
  @Override
  protected String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("<br/>");
      } else if (c == '\r') {
        continue;
      } else if ("#;%<>\"&".indexOf(c) >= 0) {
        b.append('#').append((int) c).append(';');
      } else {
        b.append(c);
      }
    }
    return END_WORD.matcher(b).replaceAll(r -> "#" + (int) r.group().charAt(0) + ";" + r.group().substring(1));
  }
}
