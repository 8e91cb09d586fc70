package dev.novatrace.diagram.seqdiag;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramBuilder;
import dev.novatrace.diagram.DiagramError;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Element.Arrow;
import dev.novatrace.diagram.Element.NotePlace;
import dev.novatrace.diagram.Element.Shorthand;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diagram.ReadDiagram;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads blockdiag's seqdiag language ({@code .dia}), in which Nova's documentation keeps its
 * sequence diagrams, into the same {@link Diagram} as a .wsd file.
 *
 * <p>Edges become messages: {@code ->} a call, {@code ->>} an asynchronous message, {@code -->}
 * and {@code -->>} replies, the {@code <-} forms the same from right to left, and {@code =>} a
 * call with its return drawn after the edges nested in its braces. An edge's {@code note},
 * {@code rightnote} and {@code leftnote} become notes beside it, on the edge's own line, which is
 * how a review tells that a note annotates that edge. Separators ({@code === x ===}) and delays
 * ({@code ... x ...}) are notes over every participant. Graph and group attributes are layout.
 */
public final class SeqdiagReader {

  /** Errors said before reading stops: each costs the nesting depth to recover from. */
  static final int MAX_ERRORS = 50;

  private final String file;
  private final List<DiagramError> errors = new ArrayList<>();
  private final DiagramBuilder builder = new DiagramBuilder();
  /** Every participant in order of first appearance, known before the first separator. */
  private final Set<String> order = new LinkedHashSet<>();

  private SeqdiagReader(String file) {
    this.file = file;
  }

  /** Reads {@code source}; {@code file} is only used in messages. */
  public static ReadDiagram read(String source, String file) throws DiagramException {
    return new SeqdiagReader(file).readAll(source);
  }

  private ReadDiagram readAll(String source) throws DiagramException {
    SeqdiagLexer lexer = new SeqdiagLexer(CharStreams.fromString(source));
    BaseErrorListener listener = new Errors();
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    // ANTLR's recovery from a brace never closed costs the depth at every level it unwinds:
    // quadratic (20,000 open groups took 100 s and 2 GB). Braces are matched here, linearly.
    DiagramError unmatched = Braces.unmatched(tokens.getTokens(), file);
    if (unmatched != null) {
      errors.add(unmatched);
      throw new DiagramException(errors);
    }
    SeqdiagParser parser = new SeqdiagParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    SeqdiagParser.DiagramContext tree;
    try {
      tree = parser.diagram();
    } catch (ParseCancellationException enough) {
      throw new DiagramException(errors); // MAX_ERRORS said; the rest would only cost time
    }
    if (!errors.isEmpty()) {
      throw new DiagramException(errors);
    }
    declare(tree.statement());
    statements(tree.statement());
    return new ReadDiagram(builder.build(), List.of());
  }

  /** Keeps one error per line, without ANTLR's list of expected tokens. */
  private final class Errors extends BaseErrorListener {
    private final Set<Integer> lines = new HashSet<>();

    @Override
    public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
        RecognitionException e) {
      if (lines.add(line)) {
        int cut = msg.indexOf(" expecting ");
        errors.add(new DiagramError(file, line, "not valid seqdiag (column " + (col + 1) + ": "
            + (cut > 0 ? msg.substring(0, cut) : msg) + ")"));
        if (errors.size() >= MAX_ERRORS) {
          throw new ParseCancellationException("too many errors");
        }
      }
    }
  }

  /** Declares participants in order of first appearance, with their labels. */
  private void declare(List<SeqdiagParser.StatementContext> statements) {
    for (SeqdiagParser.StatementContext s : statements) {
      if (s instanceof SeqdiagParser.NodeContext n) {
        String name = name(n.name());
        order.add(name);
        Map<String, String> attrs = attributes(n.attributes());
        builder.declare(new Participant(name, attrs.getOrDefault("label", name),
            Participant.Kind.PARTICIPANT));
      } else if (s instanceof SeqdiagParser.EdgeStatementContext e) {
        for (String who : List.of(name(e.edge().from), name(e.edge().to))) {
          order.add(who);
          builder.use(who);
        }
        declare(e.edge().statement());
      } else if (s instanceof SeqdiagParser.GroupContext g) {
        declare(g.statement());
      }
    }
  }

  private void statements(List<SeqdiagParser.StatementContext> statements) {
    for (SeqdiagParser.StatementContext s : statements) {
      if (s instanceof SeqdiagParser.EdgeStatementContext e) {
        edge(e.edge());
      } else if (s instanceof SeqdiagParser.SeparatorContext sep) {
        acrossAll(strip(sep.SEPARATOR().getSymbol(), "==="), line(sep.start));
      } else if (s instanceof SeqdiagParser.DelayContext d) {
        acrossAll(strip(d.DELAY().getSymbol(), "..."), line(d.start));
      } else if (s instanceof SeqdiagParser.GroupContext g) {
        statements(g.statement());
      }
      // Graph attributes and node declarations are layout and order, handled by declare().
    }
  }

  private void edge(SeqdiagParser.EdgeContext e) {
    int line = line(e.start);
    Map<String, String> attrs = attributes(e.attributes());
    String left = name(e.from);
    String right = name(e.to);
    int arrow = ((Token) e.arrow().getChild(0).getPayload()).getType();
    boolean backwards = arrow == SeqdiagLexer.BACK_CALL || arrow == SeqdiagLexer.BACK_ASYNC
        || arrow == SeqdiagLexer.BACK_REPLY || arrow == SeqdiagLexer.BACK_ASYNC_REPLY;
    String from = backwards ? right : left;
    String to = backwards ? left : right;
    String label = attrs.getOrDefault("label", "");
    boolean withReturn = arrow == SeqdiagLexer.CALL_RETURN;
    boolean activates = withReturn && !from.equals(to);
    builder.add(new Element.Message(from, to, label, arrowOf(arrow),
        activates ? Shorthand.ACTIVATE_TARGET : Shorthand.NONE, line));
    notes(attrs, from, to, line);
    statements(e.statement());
    if (withReturn) {
      builder.add(new Element.Message(to, from, attrs.getOrDefault("return", ""), Arrow.REPLY,
          activates ? Shorthand.DEACTIVATE_SOURCE : Shorthand.NONE, line));
    }
  }

  private static Arrow arrowOf(int token) {
    return switch (token) {
      case SeqdiagLexer.ASYNC, SeqdiagLexer.BACK_ASYNC -> Arrow.ASYNC;
      case SeqdiagLexer.REPLY, SeqdiagLexer.BACK_REPLY -> Arrow.REPLY;
      case SeqdiagLexer.ASYNC_REPLY, SeqdiagLexer.BACK_ASYNC_REPLY -> Arrow.ASYNC_REPLY;
      default -> Arrow.SYNC;
    };
  }

  /** {@code note}/{@code rightnote} right of the receiver, {@code leftnote} left of the sender. */
  private void notes(Map<String, String> attrs, String from, String to, int line) {
    String left = attrs.get("leftnote");
    if (left != null) {
      builder.add(new Element.Note(NotePlace.LEFT_OF, List.of(from), left, line));
    }
    for (String key : List.of("note", "rightnote")) {
      String text = attrs.get(key);
      if (text != null) {
        builder.add(new Element.Note(NotePlace.RIGHT_OF, List.of(to), text, line));
      }
    }
  }

  /** A separator or delay: a note over the first and last participant. */
  private void acrossAll(String text, int line) {
    if (order.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>(order);
    List<String> span = all.size() == 1 ? all : List.of(all.get(0), all.get(all.size() - 1));
    builder.add(new Element.Note(NotePlace.OVER, span, text, line));
  }

  private static Map<String, String> attributes(SeqdiagParser.AttributesContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    if (ctx != null) {
      for (SeqdiagParser.AttributeContext a : ctx.attribute()) {
        out.put(name(a.key), a.value() == null ? "" : value(a.value()));
      }
    }
    return out;
  }

  private static String value(SeqdiagParser.ValueContext v) {
    return v.STRING() != null ? unquote(v.STRING().getText()) : v.getText();
  }

  private static String name(SeqdiagParser.NameContext n) {
    return n.STRING() != null ? unquote(n.STRING().getText()) : n.getText();
  }

  /**
   * The text of a quoted string: escapes undone ({@code \n} is a line break, as blockdiag draws
   * it), and each continuation line of a string that spans lines stripped of its indentation.
   */
  static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        b.append(next == 'n' ? '\n' : next);
      } else {
        b.append(c);
      }
    }
    String[] lines = b.toString().split("\r\n|\r|\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      kept.add(i == 0 ? lines[i] : lines[i].strip());
    }
    return String.join("\n", kept).strip();
  }

  private static String strip(Token t, String fence) {
    String s = t.getText();
    return s.substring(fence.length(), s.length() - fence.length()).strip();
  }

  private static int line(Token t) {
    return t.getLine();
  }
}
