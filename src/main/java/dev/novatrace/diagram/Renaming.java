package dev.novatrace.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A diagram with its participants renamed, in every place a name is used. Two participants
 * that get one name become one lifeline, at the place of the first.
 */
public final class Renaming {
  private Renaming() {}

  /** {@code rename} gives each participant its new name (its own name to keep it). */
  public static Diagram apply(Diagram d, Function<Participant, String> rename) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Participant p : d.participants()) {
      String to = rename.apply(p);
      names.put(p.name(), to);
      participants.putIfAbsent(to, new Participant(to, p.label(), p.kind()));
    }
    Function<String, String> name = n -> names.getOrDefault(n, n);
    return new Diagram(d.title(), new ArrayList<>(participants.values()),
        elements(d.elements(), name));
  }

  private static List<Element> elements(List<Element> elements, Function<String, String> name) {
    return elements.stream().map(e -> element(e, name)).toList();
  }

  private static Element element(Element e, Function<String, String> name) {
    if (e instanceof Element.Message m) {
      return new Element.Message(name.apply(m.from()), name.apply(m.to()), m.text(), m.arrow(),
          m.shorthand(), m.line());
    } else if (e instanceof Element.Note n) {
      return new Element.Note(n.place(), n.participants().stream().map(name).toList(), n.text(), n.line());
    } else if (e instanceof Element.State s) {
      return new Element.State(s.participants().stream().map(name).toList(), s.text(), s.line());
    } else if (e instanceof Element.Ref r) {
      return new Element.Ref(r.participants().stream().map(name).toList(), r.text(), r.line());
    } else if (e instanceof Element.Lifeline l) {
      return new Element.Lifeline(l.action(), name.apply(l.participant()), l.line());
    } else if (e instanceof Element.Block b) {
      return new Element.Block(b.kind(), b.sections().stream().map(s -> new Element.Section(
          s.text(), elements(s.elements(), name))).toList(), b.line());
    }
    return e;
  }
}
