package dev.novatrace.sequence;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import dev.novatrace.trace.Conditions;
import dev.novatrace.trace.Continuations;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lays a {@link Trace} out in time: activations follow the control flow, a cast's receiver runs
 * once the sender's activation has ended (the API answers the client before the compute host
 * works), and a comment anchor precedes the steps each function contributes.
 */
public final class SequenceBuilder {
  private final List<String> participantOrder;
  private final java.util.function.UnaryOperator<String> rename;
  /** Whether the anchor is said again after a block's end (full detail's habit). */
  private final boolean compact;
  private final Set<String> used = new LinkedHashSet<>();
  private Step.Origin lastOrigin;

  /** @param participantOrder the order participants are declared in when they are used */
  public SequenceBuilder(List<String> participantOrder) {
    this(participantOrder, java.util.function.UnaryOperator.identity(), false);
  }

  /**
   * @param participantOrder the order participants are declared in when they are used
   * @param rename applied to every participant name (merging host roles where only one is used)
   * @param compact false: every block's end repeats the anchor of the steps after it, and every
   *     call with steps inside activates its receiver (full detail); true: anchors only where the
   *     function changes, and a call with only notes inside draws no activation bar
   */
  public SequenceBuilder(List<String> participantOrder,
      java.util.function.UnaryOperator<String> rename, boolean compact) {
    this.participantOrder = participantOrder;
    this.rename = rename;
    this.compact = compact;
  }

  /** Every participant a trace's steps mention, in first-use order. */
  public static Set<String> participantsOf(Trace trace) {
    Set<String> names = new LinkedHashSet<>();
    names.add(trace.client());
    names.add(trace.entryParticipant());
    collect(trace.steps(), names);
    return names;
  }

  private static void collect(List<Step> steps, Set<String> names) {
    Step.walk(steps).forEach(s -> {
      if (s instanceof Step.Message m) {
        names.add(m.from());
        names.add(m.to());
      } else if (s instanceof Step.Note n) {
        names.add(n.participant());
      } else if (s instanceof Step.Invocation i) {
        names.add(i.from());
        names.add(i.to());
      } else if (s instanceof Step.Cast c) {
        names.add(c.from());
        names.add(c.to());
      }
    });
  }

  public Diagram build(Trace trace) {
    used.clear();
    lastOrigin = null;
    List<Element> out = new ArrayList<>();
    String api = rename.apply(trace.entryParticipant());
    String client = rename.apply(trace.client());
    out.add(message(client, api, trace.request(), Element.Arrow.SYNC));
    out.add(lifeline(Element.LifelineAction.ACTIVATE, api));
    List<Deferred> pending = new ArrayList<>();
    List<Step> request = trace.steps();
    int later = request.size();
    while (later > 0
        && Continuations.isContinuation(request.get(later - 1), trace.entryParticipant())) {
      later--;
    }
    // What the API's hooks check before the entry runs comes before the entry's anchor.
    int before = 0;
    while (before < later && request.get(before) instanceof Step.Note n
        && trace.hooks().contains(n.origin())) {
      before++;
    }
    steps(request.subList(0, before), pending, out);
    anchor(trace.entry(), out);
    steps(request.subList(before, later), pending, out);
    out.add(message(api, client, trace.reply(), Element.Arrow.REPLY));
    out.add(lifeline(Element.LifelineAction.DEACTIVATE, api));
    flush(pending, out);
    // Work another service starts later in the API's own service (a port reported up) comes
    // after the reply, its message too.
    for (Step s : request.subList(later, request.size())) {
      Step.Cast c = (Step.Cast) s;
      out.add(message(c.from(), c.to(), c.label(), Element.Arrow.ASYNC));
      receive(c, out, true);
    }
    return new Diagram(trace.action(), participants(), out);
  }

  private List<Participant> participants() {
    List<Participant> list = new ArrayList<>();
    for (String name : participantOrder) {
      if (used.contains(name)) {
        list.add(Participant.of(name));
      }
    }
    for (String name : used) {
      if (!participantOrder.contains(name)) {
        list.add(Participant.of(name));
      }
    }
    return list;
  }

  private void steps(List<Step> steps, List<Deferred> pending, List<Element> out) {
    for (Step s : steps) {
      step(s, pending, out);
    }
  }

  private void step(Step s, List<Deferred> pending, List<Element> out) {
    anchor(s.origin(), out);
    if (s instanceof Step.Message m) {
      out.add(message(m.from(), m.to(), m.label(),
          m.background() ? Element.Arrow.ASYNC : Element.Arrow.SYNC));
    } else if (s instanceof Step.Note n) {
      String over = rename.apply(n.participant());
      if (!isRepeatedNote(over, n.text(), out)) {
        use(over);
        out.add(new Element.Note(Element.NotePlace.OVER, List.of(over), n.text(), 0));
      }
    } else if (s instanceof Step.Block b) {
      List<Element.Section> sections = new ArrayList<>();
      List<List<Deferred>> deferred = new ArrayList<>();
      for (Step.Branch branch : b.branches()) {
        List<Element> inner = new ArrayList<>();
        List<Deferred> branchPending = new ArrayList<>();
        steps(branch.steps(), branchPending, inner);
        sections.add(new Element.Section(branch.condition(), inner));
        deferred.add(branchPending);
      }
      out.add(new Element.Block(blockKind(b.kind()), sections, 0));
      defer(b, deferred, pending);
      if (!compact) {
        // After "end" the reader's eye has left the function: say where we are again.
        lastOrigin = null;
      }
    } else if (s instanceof Step.Invocation inv) {
      out.add(message(inv.from(), inv.to(), inv.label(), Element.Arrow.SYNC));
      if (inv.steps().isEmpty()) {
        // Nothing happens inside worth drawing: the call and its answer say it all.
        out.add(message(inv.to(), inv.from(), "done", Element.Arrow.REPLY));
        return;
      }
      if (compact && inv.steps().stream().allMatch(st -> st instanceof Step.Note)) {
        // What the receiver does is said in a note beside the call: no bar needed.
        steps(inv.steps(), pending, out);
        out.add(message(inv.to(), inv.from(), "done", Element.Arrow.REPLY));
        return;
      }
      out.add(lifeline(Element.LifelineAction.ACTIVATE, inv.to()));
      // A cast sent during a call runs once the caller has finished too: the API answers its
      // client before the work it cast begins, however deep in a call the cast was sent.
      steps(inv.steps(), pending, out);
      out.add(message(inv.to(), inv.from(), "done", Element.Arrow.REPLY));
      out.add(lifeline(Element.LifelineAction.DEACTIVATE, inv.to()));
      lastOrigin = null;
    } else if (s instanceof Step.Cast c) {
      out.add(message(c.from(), c.to(), c.label(), Element.Arrow.ASYNC));
      addPending(new Deferred.Receiver(c), pending);
    }
  }

  /** What runs once a sender has finished: a cast's receiver, or a choice between some. */
  private sealed interface Deferred {
    record Receiver(Step.Cast cast) implements Deferred {}

    /** Receivers of casts sent in the branches of a block run under the same conditions. */
    record Choice(Step.BlockKind kind, List<String> conditions, List<List<Deferred>> branches)
        implements Deferred {}
  }

  /** The same cast from two places runs the same receiver code: draw it once. */
  private static void addPending(Deferred d, List<Deferred> pending) {
    if (!pending.contains(d)) {
      pending.add(d);
    }
  }

  /**
   * The receivers of casts sent inside a block: under the block's conditions (a cast in an opt
   * or in one branch runs only when that branch does), as they are when the block is a loop or
   * an alt with an else whose every branch sends the same.
   */
  private static void defer(Step.Block b, List<List<Deferred>> branches, List<Deferred> pending) {
    boolean same = branches.stream().allMatch(br -> br.equals(branches.get(0)));
    boolean exhaustive = b.kind() == Step.BlockKind.ALT
        && b.branches().get(b.branches().size() - 1).condition().isEmpty();
    if (same && exhaustive || b.kind() == Step.BlockKind.LOOP) {
      branches.forEach(br -> br.forEach(d -> addPending(d, pending)));
      return;
    }
    List<String> conditions = b.branches().stream().map(Step.Branch::condition).toList();
    pending.add(new Deferred.Choice(b.kind(), conditions, List.copyOf(branches)));
  }

  /** Runs the receivers of casts whose sender has finished. */
  private void flush(List<Deferred> deferred, List<Element> out) {
    flush(deferred, out, true);
  }

  /**
   * @param bars whether receivers get activation bars: not inside the sections of a choice,
   *     where a renderer rejects a bar that ends before an else and starts again after it
   */
  private void flush(List<Deferred> deferred, List<Element> out, boolean bars) {
    for (Deferred d : deferred) {
      if (d instanceof Deferred.Receiver r) {
        receive(r.cast(), out, bars);
      } else if (d instanceof Deferred.Choice choice) {
        choose(choice, out);
      }
    }
  }

  private void receive(Step.Cast c, List<Element> out, boolean bars) {
    if (c.steps().isEmpty()) {
      return; // the receiver does nothing worth drawing: no empty activation bar
    }
    if (bars) {
      activate(c.to(), out);
    }
    List<Deferred> next = new ArrayList<>();
    lastOrigin = null;
    steps(c.steps(), next, out);
    if (bars) {
      out.add(lifeline(Element.LifelineAction.DEACTIVATE, c.to()));
    }
    lastOrigin = null;
    flush(next, out, bars);
  }

  /** Receivers under the conditions of the branches that sent their casts. */
  private void choose(Deferred.Choice choice, List<Element> out) {
    List<Element.Section> sections = new ArrayList<>();
    for (int i = 0; i < choice.branches().size(); i++) {
      List<Element> inner = new ArrayList<>();
      flush(choice.branches().get(i), inner, false);
      sections.add(new Element.Section(choice.conditions().get(i), inner));
    }
    while (!sections.isEmpty() && sections.get(sections.size() - 1).elements().isEmpty()) {
      sections.remove(sections.size() - 1);
    }
    if (sections.isEmpty()) {
      return;
    }
    if (sections.size() == 2 && sections.get(0).elements().isEmpty()
        && sections.get(1).text().isEmpty()) {
      // Only the else branch's casts have receivers: they run when its condition does not hold.
      sections = List.of(new Element.Section(Conditions.negated(sections.get(0).text()),
          sections.get(1).elements()));
    }
    List<Element.Section> drawing = sections.stream().filter(sec -> !sec.elements().isEmpty())
        .toList();
    if (drawing.size() == 1 && !drawing.get(0).text().isEmpty()) {
      // One branch of many sent the casts: its receivers run when that branch is taken, and
      // the others, which draw nothing here, need not be said again.
      sections = drawing;
    }
    Element.BlockKind kind = sections.size() == 1 && !sections.get(0).text().isEmpty()
        ? Element.BlockKind.OPT : blockKind(choice.kind());
    out.add(new Element.Block(kind, sections, 0));
    lastOrigin = null;
  }

  /**
   * Activates a participant; right after its own deactivation that just continues the bar (a
   * renderer rejects deactivate-then-activate with nothing between).
   */
  private void activate(String participant, List<Element> out) {
    String p = rename.apply(participant);
    int last = out.size() - 1;
    while (last >= 0 && out.get(last) instanceof Element.Comment) {
      last--;
    }
    if (last >= 0 && out.get(last) instanceof Element.Lifeline l
        && l.action() == Element.LifelineAction.DEACTIVATE && l.participant().equals(p)) {
      out.remove(last);
      return;
    }
    out.add(lifeline(Element.LifelineAction.ACTIVATE, participant));
  }

  private static boolean isRepeatedNote(String over, String text, List<Element> out) {
    for (int i = out.size() - 1; i >= 0; i--) {
      Element e = out.get(i);
      if (e instanceof Element.Comment) {
        continue;
      }
      return e instanceof Element.Note prev && prev.text().equals(text)
          && prev.participants().equals(List.of(over));
    }
    return false;
  }

  private void anchor(Step.Origin origin, List<Element> out) {
    if (origin != null && !Objects.equals(origin, lastOrigin)) {
      out.add(new Element.Comment(origin.anchorText(), 0));
      lastOrigin = origin;
    }
  }

  private Element.Message message(String from, String to, String text, Element.Arrow arrow) {
    String f = rename.apply(from);
    String t = rename.apply(to);
    use(f);
    use(t);
    return new Element.Message(f, t, text, arrow, Element.Shorthand.NONE, 0);
  }

  private Element.Lifeline lifeline(Element.LifelineAction action, String participant) {
    String p = rename.apply(participant);
    use(p);
    return new Element.Lifeline(action, p, 0);
  }

  private void use(String participant) {
    used.add(participant);
  }

  private static Element.BlockKind blockKind(Step.BlockKind kind) {
    return switch (kind) {
      case OPT -> Element.BlockKind.OPT;
      case ALT -> Element.BlockKind.ALT;
      case LOOP -> Element.BlockKind.LOOP;
      case CHOICE, GUARD, FAILURE, DEFAULT -> throw new IllegalArgumentException(
          "a raw trace: shape it with a detail policy first");
    };
  }
}
