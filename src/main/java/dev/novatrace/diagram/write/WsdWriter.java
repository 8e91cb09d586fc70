package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a diagram as websequencediagrams text, in the style of the hand-drawn collection:
 * {@code title}, then one {@code participant} line per lifeline in display order, a blank line,
 * then the statements. Statements inside {@code alt}/{@code opt}/{@code loop}/{@code par} are
 * indented by two spaces per level (the collection had no blocks, so nesting needed a choice).
 * Newlines in texts are written as {@code \n}; block notes become one-line notes.
 */
public final class WsdWriter extends SequenceTextWriter {

  /** What the reader takes as a bare name (see WsdLexer.NAME). */
  private static final Pattern PLAIN_NAME =
      Pattern.compile("[^\\s\\-+>:,\"#]+(-[^\\s\\-+>:,\"#]+)*");

  /** Words the reader takes as keywords at the start of a line: such names are quoted. */
  private static final Set<String> KEYWORDS = Set.of("title", "alt", "else", "opt", "loop", "par",
      "end", "participant", "actor", "as", "note", "over", "left", "right", "of", "state", "ref",
      "activate", "deactivate", "destroy", "autonumber");

  private WsdWriter() {}

  public static String write(Diagram d) {
    return new WsdWriter().render(d);
  }

  @Override
  protected void header(Diagram d) {
    if (d.title() != null && !d.title().isEmpty()) {
      line("title " + text(d.title()));
      blankLine();
    }
  }

  @Override
  protected void participant(Participant p) {
    String keyword = p.kind() == Participant.Kind.ACTOR ? "actor " : "participant ";
    if (p.label().equals(p.name())) {
      line(keyword + name(p.name()));
    } else {
      line(keyword + "\"" + text(p.label()) + "\" as " + name(p.name()));
    }
  }

  @Override
  protected void message(Element.Message m) {
    String target = switch (m.shorthand()) {
      case ACTIVATE_TARGET -> "+";
      case DEACTIVATE_SOURCE -> "-";
      case NONE -> "";
    };
    String head = name(m.from()) + m.arrow().wsd + target + name(m.to());
    line(m.text().isEmpty() ? head : head + ": " + text(m.text()));
  }

  @Override
  protected void note(Element.Note n) {
    line("note " + place(n.place()) + " " + names(n.participants()) + ":" + spaced(n.text()));
  }

  @Override
  protected void state(Element.State s) {
    line("state over " + names(s.participants()) + ":" + spaced(s.text()));
  }

  @Override
  protected void ref(Element.Ref r) {
    line("ref over " + names(r.participants()) + ":" + spaced(r.text()));
  }

  @Override
  protected String escape(String text) {
    return text(text);
  }

  @Override
  protected String ref(String participant) {
    return name(participant);
  }

  @Override
  protected void comment(Element.Comment c) {
    line(c.text().isEmpty() ? "#" : "# " + c.text());
  }

  static String name(String name) {
    boolean plain = PLAIN_NAME.matcher(name).matches()
        && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
    return plain ? name : "\"" + name + "\"";
  }

  private static String names(List<String> names) {
    return String.join(",", names.stream().map(WsdWriter::name).toList());
  }

  private static String text(String text) {
    return text.replace("\r", "").replace("\n", "\\n");
  }

  private static String spaced(String text) {
    return text.isEmpty() ? "" : " " + text(text);
  }
}
