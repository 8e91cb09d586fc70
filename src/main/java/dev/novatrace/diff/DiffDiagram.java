package dev.novatrace.diff;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diff.Alignment.Op;
import dev.novatrace.project.Projects;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Draws an {@link ActionDiff} as one diagram holding both traces in aligned order: added steps
 * start with {@code [+]}, removed ones with {@code [-]}, changed ones with {@code [~]} and their
 * old text, and a note says where an anchor moved. Markers are in the text rather than in colours
 * so the .wsd, SVG and every other writer show them alike.
 */
public final class DiffDiagram {
  private final DiagramBuilder builder = new DiagramBuilder();
  private final Deque<Element.BlockKind> open = new ArrayDeque<>();
  private Anchor lastAnchor;
  /** The anchor moves already noted, as "before -> after". */
  private final Set<String> movesSaid = new HashSet<>();
  /** Where the request enters (nova_api, cinder_api): block headers hang there. */
  private String entry = Projects.named(Projects.DEFAULT).drawing().apiParticipant();

  private DiffDiagram() {}

  public static Diagram of(ActionDiff diff, String from, String to) {
    DiffDiagram d = new DiffDiagram();
    // The first message of a trace is the client's request to the API.
    java.util.stream.Stream.concat(diff.after().stream(), diff.before().stream())
        .filter(FlatStep::isMessage).findFirst().ifPresent(s -> d.entry = s.to());
    d.builder.title(diff.action() + ": " + from + " -> " + to);
    diff.ops().forEach(d::op);
    return d.builder.build();
  }

  private void op(Op<FlatStep> o) {
    FlatStep s = o.after() != null ? o.after() : o.before();
    String prefix = switch (o.type()) {
      case ADDED -> "[+] ";
      case REMOVED -> "[-] ";
      case CHANGED -> "[~] ";
      default -> "";
    };
    String text = prefix + s.text()
        + (o.type() == Alignment.OpType.CHANGED ? "\n(was: " + o.before().text() + ")" : "");
    if (!Objects.equals(s.anchor(), lastAnchor) && s.anchor() != null) {
      builder.add(new Element.Comment(s.anchor().toString(), 0));
      lastAnchor = s.anchor();
    }
    place(s, text);
    // A function renamed or split moves every step it makes: its move is said once, at its first.
    if (o.type() == Alignment.OpType.MOVED
        && movesSaid.add(o.before().anchor() + " -> " + o.after().anchor())) {
      String over = s.isMessage() ? s.from() : firstParticipant(s);
      if (over != null) {
        builder.use(over);
        builder.add(new Element.Note(Element.NotePlace.OVER, List.of(over),
            "anchor moved: " + o.before().anchor() + "\n-> " + o.after().anchor(), 0));
      }
    }
  }

  private void place(FlatStep s, String text) {
    int target = s.kind() == FlatStep.Kind.ELSE ? s.depth() + 1 : s.depth();
    while (open.size() > target) {
      builder.close();
      open.pop();
    }
    switch (s.kind()) {
      case BLOCK -> {
        Element.BlockKind kind = Element.BlockKind.valueOf(s.from().toUpperCase(Locale.ROOT));
        builder.open(kind, text, 0);
        open.push(kind);
      }
      case ELSE -> {
        if (open.size() == target && open.peek() == Element.BlockKind.ALT) {
          builder.elseSection(text);
        } else if (!s.text().isBlank()) {
          // Its alt was closed by the steps aligned before it: the condition is still said.
          note(firstParticipant(s), "else " + text);
        }
      }
      case CALL, CAST, REPLY -> {
        builder.use(s.from()).use(s.to());
        builder.add(new Element.Message(s.from(), s.to(), text, arrow(s.kind()),
            Element.Shorthand.NONE, 0));
      }
      case NOTE -> note(s.from(), text);
      case BOX -> note(s.to(), s.from() + ": " + text);
    }
  }

  private void note(String participants, String text) {
    if (participants == null) {
      return;
    }
    List<String> over = Arrays.asList(participants.split(","));
    over.forEach(builder::use);
    builder.add(new Element.Note(Element.NotePlace.OVER, over, text, 0));
  }

  /** Where to hang a note for a step without participants of its own (a block header). */
  private String firstParticipant(FlatStep s) {
    return s.kind() == FlatStep.Kind.NOTE ? s.from().split(",")[0] : entry;
  }

  private static Element.Arrow arrow(FlatStep.Kind kind) {
    return switch (kind) {
      case CAST -> Element.Arrow.ASYNC;
      case REPLY -> Element.Arrow.REPLY;
      default -> Element.Arrow.SYNC;
    };
  }
}
