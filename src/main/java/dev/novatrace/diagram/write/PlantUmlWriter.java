package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * Writes a diagram as PlantUML ({@code @startuml} ... {@code @enduml}). Every .wsd construct has a
 * PlantUML counterpart: {@code state over} becomes {@code rnote over} (a rounded note, as
 * websequencediagrams draws states), {@code A->+B} becomes {@code A -> B ++}, {@code B-->-A}
 * becomes {@code B --> A --}. The {@link #STYLE} skinparams give the look of the hand-drawn
 * collection (light-blue participant boxes, yellow notes) and keep large diagrams readable.
 */
public final class PlantUmlWriter extends SequenceTextWriter {

  /** Close to websequencediagrams' default style. */
  static final List<String> STYLE = List.of(
      "skinparam shadowing false",
      "skinparam defaultFontName SansSerif",
      "skinparam defaultFontSize 13",
      "skinparam sequenceMessageAlign left",
      "skinparam ParticipantBackgroundColor #DCE9F7",
      "skinparam ParticipantBorderColor #4A76A8",
      "skinparam ActorBackgroundColor #DCE9F7",
      "skinparam ActorBorderColor #4A76A8",
      "skinparam SequenceLifeLineBorderColor #8C8C8C",
      "skinparam SequenceLifeLineBackgroundColor #F2F7FC",
      "skinparam SequenceGroupBorderColor #8C8C8C",
      "skinparam SequenceGroupHeaderFontStyle bold",
      "skinparam SequenceReferenceBackgroundColor #F5F5F5",
      "skinparam ArrowColor #333333",
      "skinparam NoteBackgroundColor #FFFBD6",
      "skinparam NoteBorderColor #A8A070");

  private static final Set<String> RESERVED = Set.of("participant", "actor", "as", "note", "over",
      "left", "right", "of", "alt", "else", "opt", "loop", "par", "end", "group", "ref",
      "activate", "deactivate", "destroy", "autonumber", "title", "box", "hnote", "rnote",
      "return", "create", "boundary", "control", "entity", "database", "collections", "queue");

  private final ParticipantIds ids;
  /** A comment anchor's text to the URL of its source, when there is one. */
  private final Function<String, Optional<String>> links;
  /** The link of the anchor in force: the last comment read, as diagrams are read. */
  private String link;

  private PlantUmlWriter(Diagram d, Function<String, Optional<String>> links) {
    ids = new ParticipantIds(d.participants(), RESERVED);
    this.links = links;
  }

  public static String write(Diagram d) {
    return write(d, c -> Optional.empty());
  }

  /**
   * Writes a diagram whose messages and notes link to their source: {@code links} maps the text
   * of the comment anchor in force to a URL (one without spaces, brackets or braces).
   */
  public static String write(Diagram d, Function<String, Optional<String>> links) {
    return new PlantUmlWriter(d, links).render(d);
  }

  @Override
  protected void header(Diagram d) {
    line("@startuml");
    STYLE.forEach(this::line);
    if (d.title() != null && !d.title().isEmpty()) {
      line("title " + escape(d.title()));
    }
    blankLine();
  }

  @Override
  protected void footer(Diagram d) {
    line("@enduml");
  }

  @Override
  protected void participant(Participant p) {
    String keyword = p.kind() == Participant.Kind.ACTOR ? "actor" : "participant";
    line(keyword + " \"" + label(p.label()) + "\" as " + ids.id(p.name()));
  }

  @Override
  protected void message(Element.Message m) {
    String shorthand = switch (m.shorthand()) {
      case ACTIVATE_TARGET -> " ++";
      case DEACTIVATE_SOURCE -> " --";
      case NONE -> "";
    };
    String head = ids.id(m.from()) + " " + m.arrow().wsd + " " + ids.id(m.to()) + shorthand;
    line(m.text().isEmpty() ? head : head + " : " + linked(m.text()));
  }

  @Override
  protected void note(Element.Note n) {
    line("note " + place(n.place()) + " " + idList(n.participants()) + " : " + linked(n.text()));
  }

  /**
   * A text, as a link to the source when one is in force: {@code [[url{} text]]} shows the text
   * (a bare {@code [[url]]} would show the URL). Inside the link every bracket and brace of the
   * text is an entity, so none can close it early or start another.
   */
  private String linked(String text) {
    if (link == null) {
      return escape(text);
    }
    StringBuilder b = new StringBuilder();
    for (char c : escape(text).toCharArray()) {
      b.append("[]{}|".indexOf(c) >= 0 ? "&#" + (int) c + ";" : String.valueOf(c));
    }
    return "[[" + link + "{} " + b + "]]";
  }

  /**
   * A block's header: its text escaped, and its brackets too, as PlantUML reads a trailing
   * {@code [x]} of a section ({@code else [+]}, a diff's marker) as a link to x.
   */
  @Override
  protected String escapeHeader(String text) {
    return escape(text).replace("[", "&#91;").replace("]", "&#93;");
  }

  @Override
  protected void state(Element.State s) {
    line("rnote over " + idList(s.participants()) + " : " + escape(s.text()));
  }

  @Override
  protected void ref(Element.Ref r) {
    line("ref over " + idList(r.participants()) + " : " + escape(r.text()));
  }

  @Override
  protected String ref(String participant) {
    return ids.id(participant);
  }

  @Override
  protected void comment(Element.Comment c) {
    // One line (a newline would start a statement), and no '@': PlantUML ends the block at a
    // comment that holds "@enduml". Anchors, which links read, hold neither.
    line("' " + c.text().replace('\r', ' ').replace('\n', ' ').replace("@", "&#64;"));
    links.apply(c.text()).ifPresent(url -> link = url);
  }

  private String idList(List<String> names) {
    return String.join(", ", names.stream().map(ids::id).toList());
  }

  /** A quoted participant label: no double quotes inside. */
  private String label(String s) {
    return escape(s).replace("\"", "&#34;");
  }

  /**
   * Text as PlantUML shows it literally. Newlines become {@code \n}; what PlantUML reads as markup
   * becomes an {@code &#NN;} entity, which it shows as the plain character: doubled characters
   * ({@code __init__} would underline, {@code --force} strike through, {@code [[x]]} link,
   * {@code {{x}}} embed a diagram), '<' ({@code <b>}, {@code <&icon>}, {@code <<stereotype>>}),
   * '\\', '~' and '&', and a creole line marker ({@code * item}, {@code # item}, {@code = title},
   * {@code | cell}) at the start of a line. Its own escape '~' is not used: it fails on '~~'.
   *
   * <p>A '>' after "]]" gets a zero-width space before it (see below). '%' and '$' become entities too. Our renderer runs no preprocessor, but a .puml file may
   * be given to one that does, where {@code %load_json(...)} would read a file; entities are
   * decoded only after preprocessing. Directives ({@code !include}, {@code @enduml}) act only at
   * the start of a line, which no text reaches: every line starts with our keyword.
   */
  @Override
  protected String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    boolean lineStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean doubled = (i + 1 < s.length() && s.charAt(i + 1) == c) || (i > 0 && s.charAt(i - 1) == c);
      if (c == '\n') {
        b.append("\\n");
        lineStart = true;
        continue;
      } else if (c == '\r') {
        continue;
      } else if (c == '>' && i >= 2 && s.startsWith("]]", i - 2)) {
        // PlantUML writes '>' raw into an SVG's text, and XML forbids "]]>" there: a zero-width
        // space keeps the text as it reads and the file well-formed, from any PlantUML.
        b.append('\u200b').append(c);
      } else if ("<\\~&%$".indexOf(c) >= 0 || (doubled && "_-*/\"=[]^'{}".indexOf(c) >= 0)
          || (lineStart && "*#=|".indexOf(c) >= 0)) {
        b.append("&#").append((int) c).append(';');
      } else {
        b.append(c);
      }
      lineStart = lineStart && c == ' ';
    }
    return b.toString();
  }
}
