package dev.novatrace.python;

import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Parses a file unit by unit (see {@link Units}) through a {@link ChunkCache}, so that a unit
 * another version of the file had already is not parsed again. The statements are the same,
 * positions included, as those of the whole file parsed at once; anything this cannot do alike
 * (a unit that fails alone, text beyond the BMP) answers null, and the caller parses the file
 * whole, which also gives the diagnostics.
 */
final class IncrementalParser {

  private final String path;
  private final String text;
  private final ChunkCache cache;
  private final CharStream file;
  private final Positions positions;

  private IncrementalParser(String path, String text, ChunkCache cache) {
    this.path = path;
    this.text = text;
    this.cache = cache;
    this.file = CharStreams.fromString(text, path);
    this.positions = new Positions(text);
  }

  /** The module's statements, or null when it must be parsed whole. */
  static List<Stmt> body(String path, String text, ChunkCache cache) {
    if (text.codePointCount(0, text.length()) != text.length()) {
      return null; // the lexer counts code points, units chars: keep them one and the same
    }
    return new IncrementalParser(path, text, cache).body();
  }

  private List<Stmt> body() {
    List<Stmt> body = new ArrayList<>();
    for (Units.Chunk c : Units.of(text)) {
      List<Stmt> stmts = c.isSplit() ? classOf(c.members()) : unit(c.whole());
      if (stmts == null) {
        return null;
      }
      body.addAll(stmts);
    }
    return body;
  }

  /**
   * A class from its units: the header with its first member, then the others. Its range ends
   * where its last statement does, as the whole file's parse ends it after its last token.
   */
  private List<Stmt> classOf(List<Units.Unit> members) {
    List<Stmt> head = unit(members.get(0));
    if (head == null || head.size() != 1 || !(head.get(0) instanceof Stmt.ClassDef c)) {
      return null;
    }
    List<Stmt> body = new ArrayList<>(c.body());
    for (Units.Unit m : members.subList(1, members.size())) {
      List<Stmt> stmts = unit(m);
      if (stmts == null) {
        return null;
      }
      body.addAll(stmts);
    }
    Pos p = c.pos();
    Pos pos = new Pos(p.line(), p.column(), p.start(), body.get(body.size() - 1).pos().end());
    return List.of(new Stmt.ClassDef(c.name(), c.bases(), c.decorators(), body, pos));
  }

  private List<Stmt> unit(Units.Unit u) {
    return cache.get(path, text.substring(u.start(), u.end()), u.line(), u.start(), () -> parse(u));
  }

  private List<Stmt> parse(Units.Unit u) {
    ErrorCollector errors = new ErrorCollector(path);
    PythonLexer lexer = new PythonLexer(new WindowCharStream(file, u.start(), u.end()));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    if (u.start() > 0) {
      lexer.setLine(u.line());
      lexer.setCharPositionInLine(0);
      lexer.startInside(u.indent());
    }
    PythonParser.File_inputContext tree = SourceParser.fileInput(new CommonTokenStream(lexer), errors);
    if (!errors.diagnostics.isEmpty()) {
      return null;
    }
    try {
      return new AstBuilder(positions).module(tree);
    } catch (SyntaxProblem p) {
      return null;
    }
  }
}
