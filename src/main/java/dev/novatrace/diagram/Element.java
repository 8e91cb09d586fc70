package dev.novatrace.diagram;

import dev.novatrace.util.ControlChars;
import java.util.List;

/**
 * One thing that happens in a sequence diagram, in time order. Every text is inert
 * ({@link ControlChars}): whatever code or hand-written diagram it came from, no control
 * character nor anything XML forbids reaches a writer.
 */
public sealed interface Element {

  private static List<String> inert(List<String> names) {
    return names == null ? null : names.stream().map(ControlChars::escape).toList();
  }

  /** Source line in the file it was read from (0 for generated elements). */
  int line();

  /**
   * {@code from->to: text}. {@code targetActivation} is the {@code +}/{@code -} shorthand on the
   * target ({@code A->+B: x} activates B, {@code B-->-A: y} deactivates the sender B).
   */
  record Message(String from, String to, String text, Arrow arrow, Shorthand shorthand, int line)
      implements Element {
    public Message {
      from = ControlChars.escape(from);
      to = ControlChars.escape(to);
      text = ControlChars.escape(text);
    }
  }

  /** {@code note over A,B: text}, {@code note left of A}, {@code note right of A}. */
  record Note(NotePlace place, List<String> participants, String text, int line)
      implements Element {
    public Note {
      participants = inert(participants);
      text = ControlChars.escape(text);
    }
  }

  /** {@code state over A,B: text}. */
  record State(List<String> participants, String text, int line) implements Element {
    public State {
      participants = inert(participants);
      text = ControlChars.escape(text);
    }
  }

  /** {@code ref over A,B: text}. */
  record Ref(List<String> participants, String text, int line) implements Element {
    public Ref {
      participants = inert(participants);
      text = ControlChars.escape(text);
    }
  }

  /** {@code activate A}, {@code deactivate A}, {@code destroy A}. */
  record Lifeline(LifelineAction action, String participant, int line) implements Element {
    public Lifeline {
      participant = ControlChars.escape(participant);
    }
  }

  /**
   * {@code alt/opt/loop/par ... else ... end}: a block has one or more sections; the first carries
   * the block's own text, the others each come from an {@code else} line.
   */
  record Block(BlockKind kind, List<Section> sections, int line) implements Element {
    public Block {
      sections = List.copyOf(sections);
    }
  }

  /**
   * A {@code #} comment line, kept so comment anchors ({@code # nova/compute/api.py pause()})
   * survive a round trip. {@code text} is what follows the first '#', trimmed.
   */
  record Comment(String text, int line) implements Element {
    public Comment {
      text = ControlChars.escape(text);
    }
  }

  /**
   * {@code autonumber} or {@code autonumber 5}: {@code start} is the first number, null when the
   * line gives none.
   */
  record Autonumber(Integer start, int line) implements Element {
    /** {@code autonumber} without a start number. */
    public Autonumber(int line) {
      this(null, line);
    }
  }

  record Section(String text, List<Element> elements) {
    public Section {
      text = ControlChars.escape(text);
      elements = List.copyOf(elements);
    }
  }

  enum Arrow {
    /** {@code ->} a call. */ SYNC("->"),
    /** {@code -->} a reply. */ REPLY("-->"),
    /** {@code ->>} an asynchronous message (an RPC cast). */ ASYNC("->>"),
    /** {@code -->>} an asynchronous reply. */ ASYNC_REPLY("-->>");

    public final String wsd;

    Arrow(String wsd) {
      this.wsd = wsd;
    }
  }

  enum Shorthand { NONE, ACTIVATE_TARGET, DEACTIVATE_SOURCE }

  enum NotePlace { OVER, LEFT_OF, RIGHT_OF }

  enum LifelineAction { ACTIVATE, DEACTIVATE, DESTROY }

  enum BlockKind { ALT, OPT, LOOP, PAR }
}
