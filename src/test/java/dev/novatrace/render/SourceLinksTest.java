package dev.novatrace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.write.PlantUmlWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Source links: what a template gives for an anchor, and that nothing breaks out of a link. */
class SourceLinksTest {
  private static final String OPENDEV =
      "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}";

  @Test
  void anAnchorWithALineGivesTheLinkOfItsDef() {
    SourceLinks links = SourceLinks.of(OPENDEV, "34.0.0");
    assertEquals(Optional.of("https://opendev.org/openstack/nova/src/tag/34.0.0/nova/compute/"
        + "api.py#L4151"), links.forAnchor("nova/compute/api.py:4151 confirm_resize()"));
    // A hand-drawn anchor has no line: no link rather than a wrong one.
    assertEquals(Optional.empty(), links.forAnchor("nova/compute/api.py confirm_resize()"));
    assertEquals(Optional.empty(), links.forAnchor("just prose"));
    assertEquals(Optional.of("https://x.org/nova/api.py"),
        SourceLinks.of("https://x.org/{path}", null).forAnchor("nova/api.py pause()"));
  }

  @Test
  void substitutedValuesAreEncodedAndBadTemplatesRefused() {
    assertEquals(Optional.of("https://x.org/a%20b%5D%5D%7B/nova/a.py#L3"),
        SourceLinks.of("https://x.org/{ref}/{path}#L{line}", "a b]]{")
            .forAnchor("nova/a.py:3 f()"));
    assertThrows(IllegalArgumentException.class, () -> SourceLinks.of("https://x.org/]]", null));
    assertThrows(IllegalArgumentException.class, () -> SourceLinks.of("https://x.org/{nope}", null));
    assertThrows(IllegalArgumentException.class, () -> SourceLinks.of(OPENDEV, null));
  }

  @Test
  void aLabelCannotBreakOutOfItsLink() {
    Diagram d = new DiagramBuilder().title("t")
        .add(new Element.Comment("nova/a.py:3 f()", 0))
        .add(new Element.Message("a", "b", "x]] [[https://evil.org y]", Element.Arrow.SYNC,
            Element.Shorthand.NONE, 0))
        .add(new Element.Note(Element.NotePlace.OVER, java.util.List.of("a"), "n {tip}", 0))
        .build();
    String puml = PlantUmlWriter.write(d, SourceLinks.of("https://x.org/{path}#L{line}", null)
        ::forAnchor);
    assertEquals(true, puml.contains("a -> b : [[https://x.org/nova/a.py#L3{} x&#93;&#93; "
        + "&#91;&#91;https:&#47;&#47;evil.org y&#93;]]\n"), puml);
    assertEquals(true, puml.contains("note over a : [[https://x.org/nova/a.py#L3{} n &#123;tip&#125;]]\n"),
        puml);
  }
}
