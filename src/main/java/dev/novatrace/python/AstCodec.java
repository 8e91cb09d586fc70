package dev.novatrace.python;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * A parsed file as bytes and back, for {@link ParseStore}: the module's source text, then its
 * statements as a tag byte per node and variable-length numbers, names through a string table.
 * Hand-rolled rather than Java serialisation, which is several times slower and larger. A file
 * the decoder cannot read through to its last byte exactly is no entry: {@link #decode} answers
 * null, never throws, so a corrupt or truncated entry is a miss.
 *
 * <p>Nothing here is versioned by hand: the store's folder is named by a hash of this package's
 * classes ({@link ParserVersion}), so changing the AST, the grammar or this codec starts a new
 * cache.
 */
final class AstCodec {

  private static final int MAGIC = 0x4E545043; // "NTPC"

  // Tags of the node kinds; 0 is null. Their numbers are only ever read by this same build.
  private static final int FUNCTION_DEF = 1;
  private static final int CLASS_DEF = 2;
  private static final int IMPORT = 3;
  private static final int IMPORT_FROM = 4;
  private static final int ASSIGN = 5;
  private static final int AUG_ASSIGN = 6;
  private static final int ANN_ASSIGN = 7;
  private static final int EXPR_STMT = 8;
  private static final int RETURN = 9;
  private static final int RAISE = 10;
  private static final int IF = 11;
  private static final int FOR = 12;
  private static final int WHILE = 13;
  private static final int WITH = 14;
  private static final int TRY = 15;
  private static final int MATCH = 16;
  private static final int SIMPLE = 17;
  private static final int NAME = 30;
  private static final int ATTRIBUTE = 31;
  private static final int CALL = 32;
  private static final int CONSTANT = 33;
  private static final int SUBSCRIPT = 34;
  private static final int SEQUENCE = 35;
  private static final int DICT = 36;
  private static final int STARRED = 37;
  private static final int LAMBDA = 38;
  private static final int IF_EXP = 39;
  private static final int OPERATION = 40;
  private static final int AWAIT = 41;
  private static final int YIELD = 42;
  private static final int NAMED_EXPR = 43;
  private static final int COMPREHENSION = 44;
  private static final int OTHER = 45;

  private AstCodec() {}

  /** The entry for a module parsed without problems, checked on reading against path and id. */
  static byte[] encode(Module m, String id) {
    ByteSink names = new ByteSink(1 << 12);
    Encoder e = new Encoder(names);
    e.out.writeString(m.path());
    e.out.writeString(id);
    e.out.writeVarint(m.lines());
    e.out.writeString(m.source());
    e.stmts(m.body());
    ByteSink whole = new ByteSink(names.size() + e.out.size() + 16);
    whole.writeInt(MAGIC);
    whole.writeVarint(e.table.size());
    whole.append(names);
    whole.append(e.out);
    whole.writeInt(checksum(whole.toByteArray(), whole.size()));
    return whole.toByteArray();
  }

  /**
   * The result an entry holds for the file at {@code path} with content {@code id}; null when the
   * bytes are not such an entry (another file's, corrupt, truncated, from another format).
   */
  static ParseResult decode(byte[] bytes, String path, String id) {
    try {
      if (bytes.length < 8 || !checksumHolds(bytes)) {
        return null;
      }
      ByteSource in = new ByteSource(bytes, bytes.length - 4);
      if (in.readInt() != MAGIC) {
        return null;
      }
      String[] table = new String[in.readCount()];
      for (int i = 0; i < table.length; i++) {
        table[i] = in.readString();
      }
      Decoder d = new Decoder(in, table);
      if (!path.equals(in.readString()) || !id.equals(in.readString())) {
        return null;
      }
      int lines = in.readVarint();
      String source = in.readString();
      List<Stmt> body = d.stmts();
      if (!in.atEnd()) {
        return null;
      }
      return new ParseResult(path, new Module(path, source, body, lines), List.of(), lines);
    } catch (RuntimeException | StackOverflowError e) {
      return null; // a corrupt entry: any misreading ends here, as a miss
    }
  }

  /**
   * A bit flipped in the source text or a name would decode as well as the right one: the
   * checksum (hardware CRC32C, a fraction of a millisecond a module) tells.
   */
  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static boolean checksumHolds(byte[] bytes) {
    int n = bytes.length - 4;
    int stored = (bytes[n] & 0xFF) << 24 | (bytes[n + 1] & 0xFF) << 16 | (bytes[n + 2] & 0xFF) << 8
        | (bytes[n + 3] & 0xFF);
    return checksum(bytes, n) == stored;
  }

  /** Writes nodes; names go to the string table, the rest to {@link #out}. */
  private static final class Encoder {
    final ByteSink out = new ByteSink(1 << 14);
    final StringTable table;

    Encoder(ByteSink names) {
      this.table = new StringTable(names);
    }

    void name(String s) {
      out.writeVarint(table.index(s));
    }

    void pos(Pos p) {
      out.writeVarint(p.line());
      out.writeVarint(p.column());
      out.writeVarint(p.start());
      // Ends follow their starts closely: the difference is a byte or two.
      out.writeVarint(p.end() - p.start());
    }

    void flag(boolean b) {
      out.writeByte(b ? 1 : 0);
    }

    void stmts(List<Stmt> list) {
      out.writeVarint(list.size());
      for (Stmt s : list) {
        stmt(s);
      }
    }

    void exprs(List<Expr> list) {
      out.writeVarint(list.size());
      for (Expr x : list) {
        expr(x);
      }
    }

    void args(List<Arg> list) {
      out.writeVarint(list.size());
      for (Arg a : list) {
        out.writeByte(a.kind().ordinal());
        name(a.keyword());
        expr(a.value());
      }
    }

    void params(List<Param> list) {
      out.writeVarint(list.size());
      for (Param p : list) {
        name(p.name());
        out.writeByte(p.kind().ordinal());
        expr(p.defaultValue());
        expr(p.annotation());
      }
    }

    void stmt(Stmt s) {
      if (s instanceof Stmt.FunctionDef f) {
        out.writeByte(FUNCTION_DEF);
        name(f.name());
        params(f.params());
        exprs(f.decorators());
        expr(f.returns());
        stmts(f.body());
        flag(f.async());
        pos(f.pos());
        out.writeVarint(f.defLine());
      } else if (s instanceof Stmt.ClassDef c) {
        out.writeByte(CLASS_DEF);
        name(c.name());
        args(c.bases());
        exprs(c.decorators());
        stmts(c.body());
        pos(c.pos());
      } else if (s instanceof Stmt.Import i) {
        out.writeByte(IMPORT);
        aliases(i.names());
        pos(i.pos());
      } else if (s instanceof Stmt.ImportFrom i) {
        out.writeByte(IMPORT_FROM);
        name(i.module());
        out.writeVarint(i.level());
        aliases(i.names());
        pos(i.pos());
      } else {
        flatStmt(s);
      }
    }

    private void aliases(List<Stmt.Alias> list) {
      out.writeVarint(list.size());
      for (Stmt.Alias a : list) {
        name(a.name());
        name(a.asName());
      }
    }

    /** The statements without names of their own. */
    private void flatStmt(Stmt s) {
      if (s instanceof Stmt.Assign a) {
        out.writeByte(ASSIGN);
        exprs(a.targets());
        expr(a.value());
      } else if (s instanceof Stmt.AugAssign a) {
        out.writeByte(AUG_ASSIGN);
        expr(a.target());
        name(a.op());
        expr(a.value());
      } else if (s instanceof Stmt.AnnAssign a) {
        out.writeByte(ANN_ASSIGN);
        expr(a.target());
        expr(a.annotation());
        expr(a.value());
      } else if (s instanceof Stmt.ExprStmt e) {
        out.writeByte(EXPR_STMT);
        expr(e.value());
      } else if (s instanceof Stmt.Return r) {
        out.writeByte(RETURN);
        expr(r.value());
      } else if (s instanceof Stmt.Raise r) {
        out.writeByte(RAISE);
        expr(r.exc());
        expr(r.cause());
      } else {
        compound(s);
        return;
      }
      pos(s.pos());
    }

    private void compound(Stmt s) {
      if (s instanceof Stmt.If i) {
        out.writeByte(IF);
        expr(i.test());
        stmts(i.body());
        stmts(i.orElse());
      } else if (s instanceof Stmt.For f) {
        out.writeByte(FOR);
        expr(f.target());
        expr(f.iter());
        stmts(f.body());
        stmts(f.orElse());
        flag(f.async());
      } else if (s instanceof Stmt.While w) {
        out.writeByte(WHILE);
        expr(w.test());
        stmts(w.body());
        stmts(w.orElse());
      } else if (s instanceof Stmt.With w) {
        out.writeByte(WITH);
        out.writeVarint(w.items().size());
        for (Stmt.WithItem item : w.items()) {
          expr(item.context());
          expr(item.target());
        }
        stmts(w.body());
        flag(w.async());
      } else if (s instanceof Stmt.Try t) {
        out.writeByte(TRY);
        stmts(t.body());
        handlers(t.handlers());
        stmts(t.orElse());
        stmts(t.finalBody());
      } else if (s instanceof Stmt.Match m) {
        out.writeByte(MATCH);
        expr(m.subject());
        out.writeVarint(m.cases().size());
        for (Stmt.Case c : m.cases()) {
          pos(c.pattern());
          expr(c.guard());
          stmts(c.body());
        }
      } else if (s instanceof Stmt.Simple simple) {
        out.writeByte(SIMPLE);
        name(simple.kind());
        exprs(simple.exprs());
      } else {
        throw new IllegalArgumentException("no tag for " + s.getClass());
      }
      pos(s.pos());
    }

    private void handlers(List<Stmt.Handler> list) {
      out.writeVarint(list.size());
      for (Stmt.Handler h : list) {
        expr(h.type());
        name(h.name());
        stmts(h.body());
        flag(h.star());
        pos(h.pos());
      }
    }

    void expr(Expr x) {
      if (x == null) {
        out.writeByte(0);
        return;
      }
      if (x instanceof Expr.Name n) {
        out.writeByte(NAME);
        name(n.id());
      } else if (x instanceof Expr.Attribute a) {
        out.writeByte(ATTRIBUTE);
        expr(a.value());
        name(a.attr());
      } else if (x instanceof Expr.Call c) {
        out.writeByte(CALL);
        expr(c.func());
        args(c.args());
      } else if (x instanceof Expr.Constant c) {
        out.writeByte(CONSTANT);
        out.writeByte(c.kind().ordinal());
        name(c.value());
      } else if (x instanceof Expr.Subscript s) {
        out.writeByte(SUBSCRIPT);
        expr(s.value());
        expr(s.index());
      } else if (x instanceof Expr.Sequence s) {
        out.writeByte(SEQUENCE);
        out.writeByte(s.kind().ordinal());
        exprs(s.elements());
      } else if (x instanceof Expr.Dict d) {
        out.writeByte(DICT);
        exprs(d.keys());
        exprs(d.values());
      } else {
        moreExpr(x);
        return;
      }
      pos(x.pos());
    }

    private void moreExpr(Expr x) {
      if (x instanceof Expr.Starred s) {
        out.writeByte(STARRED);
        expr(s.value());
      } else if (x instanceof Expr.Lambda l) {
        out.writeByte(LAMBDA);
        params(l.params());
        expr(l.body());
      } else if (x instanceof Expr.IfExp i) {
        out.writeByte(IF_EXP);
        expr(i.test());
        expr(i.body());
        expr(i.orElse());
      } else if (x instanceof Expr.Operation o) {
        out.writeByte(OPERATION);
        name(o.op());
        exprs(o.operands());
      } else if (x instanceof Expr.Await a) {
        out.writeByte(AWAIT);
        expr(a.value());
      } else if (x instanceof Expr.Yield y) {
        out.writeByte(YIELD);
        expr(y.value());
        flag(y.from());
      } else if (x instanceof Expr.NamedExpr n) {
        out.writeByte(NAMED_EXPR);
        expr(n.target());
        expr(n.value());
      } else if (x instanceof Expr.Comprehension c) {
        out.writeByte(COMPREHENSION);
        out.writeByte(c.kind().ordinal());
        expr(c.element());
        exprs(c.clauses());
      } else if (x instanceof Expr.Other o) {
        out.writeByte(OTHER);
        name(o.kind());
        exprs(o.children());
      } else {
        throw new IllegalArgumentException("no tag for " + x.getClass());
      }
      pos(x.pos());
    }
  }

  /** Reads what {@link Encoder} wrote, in the same order. */
  private static final class Decoder {
    private static final Arg.Kind[] ARG_KINDS = Arg.Kind.values();
    private static final Param.Kind[] PARAM_KINDS = Param.Kind.values();
    private static final Expr.ConstKind[] CONST_KINDS = Expr.ConstKind.values();
    private static final Expr.SeqKind[] SEQ_KINDS = Expr.SeqKind.values();

    private final ByteSource in;
    private final String[] table;

    Decoder(ByteSource in, String[] table) {
      this.in = in;
      this.table = table;
    }

    String name() {
      int i = in.readVarint();
      return i == 0 ? null : table[i - 1];
    }

    Pos pos() {
      int line = in.readVarint();
      int column = in.readVarint();
      int start = in.readVarint();
      int end = start + in.readVarint();
      // The parser's "nowhere" is one shared object; keep it so for whoever compares.
      return line == 0 && column == 0 && start == 0 && end == 0 ? Pos.NONE
          : new Pos(line, column, start, end);
    }

    boolean flag() {
      return in.readByte() != 0;
    }

    /** A list of {@code item}s as the encoder wrote it: its size, then each. */
    private <T> List<T> list(Supplier<T> item) {
      int n = in.readCount();
      // Mutable and null-friendly, as the builder's lists are, whatever a reader does with them.
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(item.get());
      }
      return out;
    }

    List<Stmt> stmts() {
      return list(this::stmt);
    }

    List<Expr> exprs() {
      return list(this::expr);
    }

    List<Arg> args() {
      return list(() -> new Arg(ARG_KINDS[in.readByte()], name(), expr()));
    }

    List<Param> params() {
      return list(() -> {
        String name = name();
        return new Param(name, PARAM_KINDS[in.readByte()], expr(), expr());
      });
    }

    List<Stmt.Alias> aliases() {
      return list(() -> new Stmt.Alias(name(), name()));
    }

    Stmt stmt() {
      int tag = in.readByte();
      return switch (tag) {
        case FUNCTION_DEF -> new Stmt.FunctionDef(name(), params(), exprs(), expr(), stmts(),
            flag(), pos(), in.readVarint());
        case CLASS_DEF -> new Stmt.ClassDef(name(), args(), exprs(), stmts(), pos());
        case IMPORT -> new Stmt.Import(aliases(), pos());
        case IMPORT_FROM -> new Stmt.ImportFrom(name(), in.readVarint(), aliases(), pos());
        case ASSIGN -> new Stmt.Assign(exprs(), expr(), pos());
        case AUG_ASSIGN -> new Stmt.AugAssign(expr(), name(), expr(), pos());
        case ANN_ASSIGN -> new Stmt.AnnAssign(expr(), expr(), expr(), pos());
        case EXPR_STMT -> new Stmt.ExprStmt(expr(), pos());
        case RETURN -> new Stmt.Return(expr(), pos());
        case RAISE -> new Stmt.Raise(expr(), expr(), pos());
        default -> compound(tag);
      };
    }

    private Stmt compound(int tag) {
      return switch (tag) {
        case IF -> new Stmt.If(expr(), stmts(), stmts(), pos());
        case FOR -> new Stmt.For(expr(), expr(), stmts(), stmts(), flag(), pos());
        case WHILE -> new Stmt.While(expr(), stmts(), stmts(), pos());
        case WITH -> new Stmt.With(withItems(), stmts(), flag(), pos());
        case TRY -> new Stmt.Try(stmts(), handlers(), stmts(), stmts(), pos());
        case MATCH -> new Stmt.Match(expr(), cases(), pos());
        case SIMPLE -> new Stmt.Simple(name(), exprs(), pos());
        default -> throw new IllegalStateException("no statement tag " + tag);
      };
    }

    private List<Stmt.WithItem> withItems() {
      return list(() -> new Stmt.WithItem(expr(), expr()));
    }

    private List<Stmt.Handler> handlers() {
      return list(() -> new Stmt.Handler(expr(), name(), stmts(), flag(), pos()));
    }

    private List<Stmt.Case> cases() {
      return list(() -> new Stmt.Case(pos(), expr(), stmts()));
    }

    Expr expr() {
      int tag = in.readByte();
      return switch (tag) {
        case 0 -> null;
        case NAME -> new Expr.Name(name(), pos());
        case ATTRIBUTE -> new Expr.Attribute(expr(), name(), pos());
        case CALL -> new Expr.Call(expr(), args(), pos());
        case CONSTANT -> new Expr.Constant(CONST_KINDS[in.readByte()], name(), pos());
        case SUBSCRIPT -> new Expr.Subscript(expr(), expr(), pos());
        case SEQUENCE -> new Expr.Sequence(SEQ_KINDS[in.readByte()], exprs(), pos());
        case DICT -> new Expr.Dict(exprs(), exprs(), pos());
        case STARRED -> new Expr.Starred(expr(), pos());
        case LAMBDA -> new Expr.Lambda(params(), expr(), pos());
        case IF_EXP -> new Expr.IfExp(expr(), expr(), expr(), pos());
        case OPERATION -> new Expr.Operation(name(), exprs(), pos());
        case AWAIT -> new Expr.Await(expr(), pos());
        case YIELD -> new Expr.Yield(expr(), flag(), pos());
        case NAMED_EXPR -> new Expr.NamedExpr(expr(), expr(), pos());
        case COMPREHENSION -> new Expr.Comprehension(SEQ_KINDS[in.readByte()], expr(), exprs(),
            pos());
        case OTHER -> new Expr.Other(name(), exprs(), pos());
        default -> throw new IllegalStateException("no expression tag " + tag);
      };
    }
  }
}
