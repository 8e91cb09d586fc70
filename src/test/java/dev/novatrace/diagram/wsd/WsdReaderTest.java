package dev.novatrace.diagram.wsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramError;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.Block;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Element.LifelineAction;
import dev.novatrace.diagram.Element.Message;
import dev.novatrace.diagram.Element.Note;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element.Section;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diagram.ReadDiagram;
import dev.novatrace.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WsdReaderTest {

  private static Diagram read(String source) throws DiagramException {
    return WsdReader.read(source, "test.wsd");
  }

  private static List<Message> messages(Diagram d) {
    return Fixtures.flatten(d.elements()).filter(Message.class::isInstance)
        .map(Message.class::cast).toList();
  }

  @Test
  void seedExampleReadsAsDrawn() {
    Diagram d = Fixtures.read("seed-pause.wsd");
    assertEquals("pause a server", d.title());
    assertEquals(List.of("client", "nova_api", "database", "nova_compute", "libvirt"),
        d.participants().stream().map(Participant::name).toList());
    List<Message> m = messages(d);
    assertEquals(10, m.size());
    assertEquals(new Message("nova_compute", "database",
        "vm_state = vm_states.PAUSED\ntask_state = None", Arrow.SYNC, Shorthand.NONE, 41), m.get(8));
    assertEquals(new Element.Comment("nova/compute/api.py pause()", 15), d.elements().get(7));
    assertEquals(new Element.Lifeline(LifelineAction.ACTIVATE, "client", 7), d.elements().get(1));
  }

  @Test
  void everyConstruct() {
    Diagram d = Fixtures.read("constructs.wsd");
    assertEquals("Every construct\nof the language", d.title());
    assertEquals(List.of(
        new Participant("nova_api", "Nova API", Participant.Kind.PARTICIPANT),
        new Participant("sched", "Scheduler", Participant.Kind.PARTICIPANT),
        new Participant("operator", "operator", Participant.Kind.ACTOR),
        Participant.of("nova.compute-1"),
        Participant.of("quoted name"),
        Participant.of("nova conductor"),
        Participant.of("libvirt-2")), d.participants());
    assertEquals(new Element.Autonumber(10, 2), d.elements().get(0));
    List<Message> m = messages(d);
    assertEquals(new Message("nova_api", "sched", "select_destinations", Arrow.SYNC,
        Shorthand.ACTIVATE_TARGET, 12), m.get(1));
    assertEquals(new Message("sched", "nova_api", "hosts", Arrow.REPLY,
        Shorthand.DEACTIVATE_SOURCE, 13), m.get(2));
    assertEquals(Arrow.ASYNC, m.get(3).arrow());
    assertEquals(Arrow.ASYNC_REPLY, m.get(4).arrow());
    assertEquals("self call\nwith two lines", m.get(5).text());
    assertEquals("", m.get(6).text());
    assertEquals(new Message("nova conductor", "quoted name", "message between quoted names",
        Arrow.SYNC, Shorthand.NONE, 18), m.get(7));
    assertEquals("spawn, then a -> b: arrows in text", m.get(8).text());
    List<Element> rest = d.elements().stream().filter(e -> e.line() >= 20).toList();
    assertEquals(List.of(
        new Element.Lifeline(LifelineAction.ACTIVATE, "libvirt-2", 20),
        new Element.Lifeline(LifelineAction.DEACTIVATE, "libvirt-2", 21),
        new Element.Lifeline(LifelineAction.DESTROY, "libvirt-2", 22),
        new Note(NotePlace.OVER, List.of("nova_api"), "a note", 23),
        new Note(NotePlace.OVER, List.of("nova_api", "sched"), "a note over two", 24),
        new Note(NotePlace.LEFT_OF, List.of("operator"), "left note", 25),
        new Note(NotePlace.RIGHT_OF, List.of("sched"), "right note", 26),
        new Note(NotePlace.OVER, List.of("nova.compute-1"), "a block note\non two lines", 27),
        new Element.State(List.of("sched"), "SCHEDULING", 31),
        new Element.Ref(List.of("nova_api", "sched"), "see the scheduler diagram", 32),
        new Element.Ref(List.of("operator", "nova_api"), "block ref", 33),
        new Element.Autonumber(null, 36),
        new Message("nova_api", "operator", "202 Accepted", Arrow.REPLY, Shorthand.NONE, 37)),
        rest);
  }

  @Test
  void nestedBlocks() {
    Diagram d = Fixtures.read("nested-blocks.wsd");
    Block alt = (Block) d.elements().get(1);
    assertEquals(BlockKind.ALT, alt.kind());
    assertEquals(List.of("instance found", "", "not authorized"),
        alt.sections().stream().map(Element.Section::text).toList());
    Block opt = (Block) alt.sections().get(0).elements().get(1);
    assertEquals(BlockKind.OPT, opt.kind());
    assertEquals(new Note(NotePlace.OVER, List.of("api"), "cache hit", 11), opt.sections().get(0).elements().get(0));
    Block loop = (Block) opt.sections().get(0).elements().get(1);
    assertEquals("every cell", loop.sections().get(0).text());
    Block par = (Block) loop.sections().get(0).elements().get(1);
    assertEquals(BlockKind.PAR, par.kind());
    Block inner = (Block) alt.sections().get(2).elements().get(1);
    assertEquals(List.of("nested alt", "nested else"),
        inner.sections().stream().map(Element.Section::text).toList());
    Block last = (Block) d.elements().get(2);
    assertEquals(BlockKind.LOOP, last.kind());
    assertEquals("", last.sections().get(0).text());
  }

  @Test
  void sloppyHandwrittenFile() {
    Diagram d = Fixtures.read("sloppy-windows-crlf.wsd");
    assertEquals("Reboot a server", d.title());
    assertEquals(List.of("client", "nova_api", "database", "nova_compute", "libvirt", "neutron_agent"),
        d.participants().stream().map(Participant::name).toList());
    List<Element> all = Fixtures.flatten(d.elements()).toList();
    assertTrue(all.contains(new Element.Comment("#nova/api/openstack/compute/servers.py _action_reboot()", 11)));
    assertTrue(all.contains(new Element.Comment("nova/compute/api.py reboot()", 15)));
    assertTrue(all.contains(new Note(NotePlace.OVER, List.of("nova_api"), "authrize contxt", 12)));
    assertTrue(all.contains(new Note(NotePlace.OVER, List.of("nova_api"), "check policy", 16)));
    assertTrue(all.contains(new Note(NotePlace.OVER, List.of("nova_api"), "", 17)));
    assertTrue(all.contains(new Note(NotePlace.OVER, List.of("nova_compute"),
        "nothing to stop — état spécial ✓", 30)));
    assertTrue(all.contains(new Element.Comment("the end", 41)));
    List<Message> m = messages(d);
    assertEquals("get instnace by uuid", m.get(1).text());
    assertEquals("task_state = REBOOTING", m.get(3).text());
    assertEquals("reboot_instance (type -> HARD)", m.get(5).text());
    assertEquals("", m.get(8).text());
    assertEquals("vm_state = ACTIVE\ntask_state = None", m.get(9).text());
  }

  @Test
  void participantsInOrderOfFirstAppearanceDeclaredOrUsed() throws DiagramException {
    Diagram d = read("a->b: x\nparticipant c\nparticipant \"Bee\" as b\nactivate d\n");
    assertEquals(List.of(Participant.of("a"), new Participant("b", "Bee", Participant.Kind.PARTICIPANT),
        Participant.of("c"), Participant.of("d")), d.participants());
  }

  @Test
  void unquotedMultiWordLabelAndKeywordsAnyCase() throws DiagramException {
    Diagram d = read("PARTICIPANT Nova API as api\nNote Left Of api: x\nAutoNumber\n");
    assertEquals(new Participant("api", "Nova API", Participant.Kind.PARTICIPANT), d.participants().get(0));
    assertEquals(new Note(NotePlace.LEFT_OF, List.of("api"), "x", 2), d.elements().get(0));
  }

  @Test
  void lenientWhereRealFilesAreSloppy() throws DiagramException {
    Diagram d = read("\uFEFFtitle: t\r\n\tLOOP   every host  \r\nA -> B :x:y\r\nEnd loop # done\r\n"
        + "note right of B:\r\nstate over A\r\nparticipant Foo as F\r\n#\r\n# last words");
    assertEquals("t", d.title());
    Block loop = (Block) d.elements().get(0);
    assertEquals("every host", loop.sections().get(0).text());
    assertEquals(List.of(new Message("A", "B", "x:y", Arrow.SYNC, Shorthand.NONE, 3)),
        loop.sections().get(0).elements());
    assertEquals(List.of(
        new Note(NotePlace.RIGHT_OF, List.of("B"), "", 5),
        new Element.State(List.of("A"), "", 6),
        new Element.Comment("", 8),
        new Element.Comment("last words", 9)), d.elements().subList(1, 5));
    assertEquals(new Participant("F", "Foo", Participant.Kind.PARTICIPANT), d.participants().get(2));
  }

  @Test
  void keywordsInsideNamesAndTextsAreNotKeywords() throws DiagramException {
    Diagram d = read("endpoint->alternative: note over x: end\nparticipant \"end\"\n\"end\"->state: loop\n");
    assertEquals(List.of(
        new Message("endpoint", "alternative", "note over x: end", Arrow.SYNC, Shorthand.NONE, 1),
        new Message("end", "state", "loop", Arrow.SYNC, Shorthand.NONE, 3)), messages(d));
  }

  @Test
  void errorsAreCollectedWithFileAndLine() {
    DiagramException e = assertThrows(DiagramException.class,
        () -> read("a->b: ok\nend\na=>b\nnote sideways of a: x\n"));
    assertEquals(2, e.errors().size(), e.errors().toString());
    assertTrue(e.errors().get(0).toString().startsWith("test.wsd:3: not a valid line"), e.errors().get(0).toString());
    assertTrue(e.errors().get(1).toString().startsWith("test.wsd:4: "), e.errors().get(1).toString());
    assertTrue(e.getMessage().endsWith("(and 1 more)"), e.getMessage());
  }

  @Test
  void elseInsideOptIsASecondSection() throws DiagramException {
    ReadDiagram r = WsdReader.readWithWarnings("opt maybe\na->b: x\nelse otherwise\nb->a: y\nend\n", "t.wsd");
    Block opt = (Block) r.diagram().elements().get(0);
    assertEquals(BlockKind.OPT, opt.kind());
    assertEquals(List.of("maybe", "otherwise"), opt.sections().stream().map(Section::text).toList());
    assertEquals(List.of("t.wsd:3: warning: 'else' inside 'opt' (only 'alt' has 'else'); drawn as a second section"),
        r.warnings().stream().map(DiagramError::toString).toList());
  }

  @Test
  void blocksLeftOpenAreClosedAtTheEnd() throws DiagramException {
    ReadDiagram r = WsdReader.readWithWarnings("alt a\nloop b\nx->y: z\n", "t.wsd");
    Block alt = (Block) r.diagram().elements().get(0);
    Block loop = (Block) alt.sections().get(0).elements().get(0);
    assertEquals(1, loop.sections().get(0).elements().size());
    assertEquals(List.of(1, 2), r.warnings().stream().map(DiagramError::line).toList());
  }

  @Test
  void cleanTextHasNoWarnings() throws Exception {
    assertEquals(List.of(), WsdReader.readWithWarnings(Fixtures.VALID.resolve("constructs.wsd")).warnings());
  }

  static Stream<Path> lenientFixtures() {
    return Fixtures.lenient();
  }

  private static final Pattern WARNS = Pattern.compile("# warns: (\\d+): (.*)");

  /** Each lenient fixture lists on its first lines every warning it must give, in order. */
  @ParameterizedTest
  @MethodSource("lenientFixtures")
  void lenientFixtureReadsWithItsWarnings(Path file) throws Exception {
    List<String> expected = Files.readAllLines(file).stream().map(WARNS::matcher)
        .filter(Matcher::matches).map(m -> file + ":" + m.group(1) + ": warning: " + m.group(2)).toList();
    assertFalse(expected.isEmpty(), file + " must start with '# warns: LINE: message' lines");
    List<String> got = WsdReader.readWithWarnings(file).warnings().stream().map(DiagramError::toString).toList();
    assertEquals(expected.size(), got.size(), got.toString());
    for (int i = 0; i < got.size(); i++) {
      assertTrue(got.get(i).startsWith(expected.get(i)), got.get(i) + "\n  does not start with\n" + expected.get(i));
    }
  }

  static Stream<Path> invalidFixtures() {
    return Fixtures.invalid();
  }

  private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+): (.*)");

  /** Each invalid fixture says on its first line which error it must give. */
  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void invalidFixtureGivesItsError(Path file) throws Exception {
    Matcher expect = EXPECT.matcher(Files.readAllLines(file).get(0));
    assertTrue(expect.matches(), "first line of " + file + " must be '# expect: LINE: message'");
    DiagramException e = assertThrows(DiagramException.class, () -> WsdReader.read(file));
    String first = e.errors().get(0).toString();
    String prefix = file + ":" + expect.group(1) + ": " + expect.group(2);
    assertTrue(first.startsWith(prefix), first + "\n  does not start with\n" + prefix);
  }
}
