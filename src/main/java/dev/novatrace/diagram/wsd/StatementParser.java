package dev.novatrace.diagram.wsd;

import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.BlockKind;
import dev.novatrace.diagram.Element.LifelineAction;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diagram.wsd.WsdReader.Add;
import dev.novatrace.diagram.wsd.WsdReader.Else;
import dev.novatrace.diagram.wsd.WsdReader.End;
import dev.novatrace.diagram.wsd.WsdReader.Statement;
import dev.novatrace.diagram.wsd.WsdReader.Structure;
import dev.novatrace.diagram.wsd.WsdReader.TextBlockHeader;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The only user of the ANTLR classes: parses one line with {@code WsdParser.line} and turns the
 * tree into a {@link Statement}. The lexer and parser are reused from line to line.
 */
final class StatementParser {

  /** A line that is not a .wsd statement; the message says why. */
  static final class BadLine extends Exception {
    BadLine(String message) {
      super(message);
    }
  }

  /** Keeps the first syntax error of a line instead of printing it to the console. */
  private static final class FirstError extends BaseErrorListener {
    String message;

    /** The first syntax error of the last line parsed, or null. */
    String first() {
      return message;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
        RecognitionException e) {
      if (message == null) {
        // ANTLR lists every token it expected; the position and what it saw say enough.
        int cut = msg.indexOf(" expecting ");
        message = "column " + (col + 1) + ": " + (cut > 0 ? msg.substring(0, cut) : msg);
      }
    }
  }

  private final WsdLexer lexer = new WsdLexer(null);
  private final WsdParser parser = new WsdParser(null);
  private final FirstError listener = new FirstError();

  StatementParser() {
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
  }

  Statement parse(String line, int lineNo) throws BadLine {
    listener.message = null;
    lexer.setInputStream(CharStreams.fromString(line));
    parser.setTokenStream(new CommonTokenStream(lexer));
    WsdParser.LineContext tree = parser.line();
    String problem = listener.first();
    if (problem != null) {
      throw new BadLine("not a valid line (" + problem + "): " + shorten(line.strip()));
    }
    return toStatement(tree.statement(), lineNo);
  }

  private static Statement toStatement(WsdParser.StatementContext s, int line) throws BadLine {
    if (s instanceof WsdParser.CommentContext c) {
      return new Add(new Element.Comment(c.COMMENT().getText().substring(1).strip(), line), List.of());
    }
    if (s instanceof WsdParser.TitleContext t) {
      String title = blockText(t.TEXT());
      return new Structure(line, b -> b.title(title.isEmpty() ? null : title));
    }
    if (s instanceof WsdParser.ParticipantContext p) {
      return participant(p, line);
    }
    if (s instanceof WsdParser.MessageContext m) {
      return message(m, line);
    }
    if (s instanceof WsdParser.NoteContext n) {
      NotePlace place = n.notePlace().OVER() != null ? NotePlace.OVER
          : n.notePlace().LEFT() != null ? NotePlace.LEFT_OF : NotePlace.RIGHT_OF;
      List<String> who = names(n.participants());
      if (n.COLON() == null) {
        return new TextBlockHeader("note", place, who, line);
      }
      return new Add(new Element.Note(place, who, text(n.TEXT()), line), who);
    }
    if (s instanceof WsdParser.StateContext st) {
      List<String> who = names(st.participants());
      return new Add(new Element.State(who, text(st.TEXT()), line), who);
    }
    if (s instanceof WsdParser.RefContext r) {
      List<String> who = names(r.participants());
      if (r.COLON() == null) {
        return new TextBlockHeader("ref", NotePlace.OVER, who, line);
      }
      return new Add(new Element.Ref(who, text(r.TEXT()), line), who);
    }
    if (s instanceof WsdParser.LifelineContext l) {
      LifelineAction action = switch (l.action.getType()) {
        case WsdLexer.ACTIVATE -> LifelineAction.ACTIVATE;
        case WsdLexer.DEACTIVATE -> LifelineAction.DEACTIVATE;
        default -> LifelineAction.DESTROY;
      };
      String who = name(l.ident());
      return new Add(new Element.Lifeline(action, who, line), List.of(who));
    }
    if (s instanceof WsdParser.BlockStartContext b) {
      BlockKind kind = switch (b.kind.getType()) {
        case WsdLexer.ALT -> BlockKind.ALT;
        case WsdLexer.OPT -> BlockKind.OPT;
        case WsdLexer.LOOP -> BlockKind.LOOP;
        default -> BlockKind.PAR;
      };
      String text = blockText(b.TEXT());
      return new Structure(line, builder -> builder.open(kind, text, line));
    }
    if (s instanceof WsdParser.ElseContext e) {
      String text = blockText(e.TEXT());
      return new Else(text, line);
    }
    if (s instanceof WsdParser.EndContext) {
      // "end alt", "end loop", "End  ": the words after 'end' only help the reader of the file.
      return new End(line);
    }
    if (s instanceof WsdParser.AutonumberContext a) {
      return new Add(new Element.Autonumber(autonumberStart(a), line), List.of());
    }
    throw new IllegalStateException("unknown statement " + s.getClass().getSimpleName());
  }

  private static Statement participant(WsdParser.ParticipantContext p, int line) {
    String label = p.declName().declPart().stream()
        .map(d -> unquote(d.getText()))
        .collect(Collectors.joining(" "));
    String name = p.alias == null ? label : name(p.alias);
    Participant.Kind kind = p.kind.getType() == WsdLexer.ACTOR
        ? Participant.Kind.ACTOR : Participant.Kind.PARTICIPANT;
    Participant participant = new Participant(name, unescape(label), kind);
    return new Structure(line, b -> b.declare(participant));
  }

  private static Statement message(WsdParser.MessageContext m, int line) {
    String from = name(m.from);
    String to = name(m.to);
    Arrow arrow = switch (m.arrow().getStart().getType()) {
      case WsdLexer.SYNC -> Arrow.SYNC;
      case WsdLexer.REPLY -> Arrow.REPLY;
      case WsdLexer.ASYNC -> Arrow.ASYNC;
      default -> Arrow.ASYNC_REPLY;
    };
    Shorthand shorthand = m.shorthand == null ? Shorthand.NONE
        : m.shorthand.getType() == WsdLexer.PLUS ? Shorthand.ACTIVATE_TARGET
        : Shorthand.DEACTIVATE_SOURCE;
    return new Add(new Element.Message(from, to, text(m.TEXT()), arrow, shorthand, line),
        List.of(from, to));
  }

  private static Integer autonumberStart(WsdParser.AutonumberContext a) throws BadLine {
    if (a.ident() == null) {
      return null;
    }
    try {
      return Integer.valueOf(a.ident().getText());
    } catch (NumberFormatException e) {
      throw new BadLine("autonumber takes a number, not '" + a.ident().getText() + "'");
    }
  }

  private static List<String> names(WsdParser.ParticipantsContext p) {
    return p.ident().stream().map(StatementParser::name).toList();
  }

  private static String name(WsdParser.IdentContext id) {
    return unquote(id.getText());
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** The text after ':' with {@code \n} read into a newline; "" when there is none. */
  private static String text(TerminalNode t) {
    return t == null ? "" : unescape(t.getText().strip());
  }

  /** Text after a keyword ({@code title}, {@code alt}): people also write {@code alt: x}. */
  private static String blockText(TerminalNode t) {
    String s = t == null ? "" : t.getText().strip();
    if (s.startsWith(":")) {
      s = s.substring(1).strip();
    }
    return unescape(s);
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n");
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
