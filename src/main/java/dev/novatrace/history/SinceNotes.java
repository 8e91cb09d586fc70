package dev.novatrace.history;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diff.Flattener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An action's newest diagram with a note {@code since REF} beside each message that shows a fact
 * (an RPC and its route, a state change, an external call) the action did not have from its
 * first ref on: where a reader sees what is new. Each fact is noted once, where it first shows.
 */
final class SinceNotes {
  private final Map<Fact, List<Span>> changes;
  private final Set<Fact> noted = new HashSet<>();

  private SinceNotes(ActionHistory action) {
    this.changes = action.changes();
  }

  static Diagram of(Diagram d, ActionHistory action) {
    SinceNotes s = new SinceNotes(action);
    return new Diagram(d.title(), d.participants(), s.walk(d.elements()));
  }

  private List<Element> walk(List<Element> elements) {
    List<Element> out = new ArrayList<>();
    for (Element e : elements) {
      if (e instanceof Element.Block b) {
        out.add(new Element.Block(b.kind(), b.sections().stream()
            .map(sec -> new Element.Section(sec.text(), walk(sec.elements()))).toList(),
            b.line()));
        continue;
      }
      out.add(e);
      if (e instanceof Element.Message m) {
        note(m).ifPresent(out::add);
      }
    }
    return out;
  }

  private java.util.Optional<Element> note(Element.Message m) {
    for (Fact f : Fact.of(List.of(Flattener.message(m)))) {
      List<Span> spans = changes.get(f);
      if (f.kind() != Fact.Kind.PARTICIPANT && spans != null && noted.add(f)) {
        String since = spans.get(spans.size() - 1).since();
        return java.util.Optional.of(new Element.Note(Element.NotePlace.RIGHT_OF,
            List.of(m.to()), "since " + since, 0));
      }
    }
    return java.util.Optional.empty();
  }
}
