package dev.novatrace.python;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Moves already parsed statements to another place in a file: when an edit leaves a chunk of
 * the text as it was but moves it by some lines and characters, the chunk's tree is reused
 * instead of parsed again. Every {@link Pos} gets {@code lines} added to its line and
 * {@code chars} to its start and end (the column stays: the chunk starts a line in both texts),
 * and so does every other line number ({@link Stmt.FunctionDef#defLine()}); all else is copied
 * as it is.
 *
 * <p>Written out per record type rather than by reflection because it stands in for the parser
 * and must cost a small fraction of it. A record type this does not know fails loudly (and
 * PosShiftTest walks the trees reflectively to catch a forgotten component).
 */
final class PosShift {

  private final int lines;
  private final int chars;

  private PosShift(int lines, int chars) {
    this.lines = lines;
    this.chars = chars;
  }

  /** A deep copy of {@code body} moved by {@code lines} and {@code chars}; body itself if neither moves. */
  static List<Stmt> shift(List<Stmt> body, int lines, int chars) {
    if (lines == 0 && chars == 0) {
      return body; // records are immutable: nothing to copy
    }
    return new PosShift(lines, chars).stmts(body);
  }

  static Pos shift(Pos p, int lines, int chars) {
    return new Pos(p.line() + lines, p.column(), p.start() + chars, p.end() + chars);
  }

  private Pos pos(Pos p) {
    return shift(p, lines, chars);
  }

  // ---------- lists ----------

  /**
   * An immutable copy of {@code in} with {@code f} applied. Null elements are refused (List.of
   * throws): only {@link Expr.Dict#keys()} may hold them, which goes through {@link #nullable}.
   */
  @SuppressWarnings("unchecked")
  private static <T> List<T> map(List<T> in, UnaryOperator<T> f) {
    int n = in.size();
    if (n == 0) {
      return List.of();
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = f.apply(in.get(i));
    }
    return (List<T>) List.of(out);
  }

  /** Like {@link #map} but keeps null elements (a {@code **m} entry of a dict has no key). */
  private static <T> List<T> nullable(List<T> in, UnaryOperator<T> f) {
    Object[] out = new Object[in.size()];
    for (int i = 0; i < out.length; i++) {
      T t = in.get(i);
      out[i] = t == null ? null : f.apply(t);
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(out);
    return Collections.unmodifiableList(list); // the array escapes nowhere else
  }

  private List<Stmt> stmts(List<Stmt> in) {
    return map(in, this::stmt);
  }

  private List<Expr> exprs(List<Expr> in) {
    return map(in, this::expr);
  }

  /** For the optional parts (a return value, a default, an annotation, ...). */
  private Expr opt(Expr e) {
    return e == null ? null : expr(e);
  }

  // ---------- statements ----------

  /** Statements without bodies, the most frequent first; the rest in {@link #compound}. */
  private Stmt stmt(Stmt s) {
    if (s instanceof Stmt.ExprStmt x) {
      return new Stmt.ExprStmt(expr(x.value()), pos(x.pos()));
    } else if (s instanceof Stmt.Assign x) {
      return new Stmt.Assign(exprs(x.targets()), expr(x.value()), pos(x.pos()));
    } else if (s instanceof Stmt.Return x) {
      return new Stmt.Return(opt(x.value()), pos(x.pos()));
    } else if (s instanceof Stmt.Simple x) {
      return new Stmt.Simple(x.kind(), exprs(x.exprs()), pos(x.pos()));
    } else if (s instanceof Stmt.ImportFrom x) {
      return new Stmt.ImportFrom(x.module(), x.level(), List.copyOf(x.names()), pos(x.pos()));
    } else if (s instanceof Stmt.Import x) {
      return new Stmt.Import(List.copyOf(x.names()), pos(x.pos())); // an Alias has no position
    } else if (s instanceof Stmt.Raise x) {
      return new Stmt.Raise(opt(x.exc()), opt(x.cause()), pos(x.pos()));
    } else if (s instanceof Stmt.AugAssign x) {
      return new Stmt.AugAssign(expr(x.target()), x.op(), expr(x.value()), pos(x.pos()));
    } else if (s instanceof Stmt.AnnAssign x) {
      return new Stmt.AnnAssign(expr(x.target()), expr(x.annotation()), opt(x.value()), pos(x.pos()));
    }
    return compound(s);
  }

  /** Statements with bodies. */
  private Stmt compound(Stmt s) {
    if (s instanceof Stmt.If x) {
      return new Stmt.If(expr(x.test()), stmts(x.body()), stmts(x.orElse()), pos(x.pos()));
    } else if (s instanceof Stmt.FunctionDef x) {
      return function(x);
    } else if (s instanceof Stmt.ClassDef x) {
      return new Stmt.ClassDef(x.name(), map(x.bases(), this::arg), exprs(x.decorators()), stmts(x.body()),
          pos(x.pos()));
    } else if (s instanceof Stmt.For x) {
      return new Stmt.For(expr(x.target()), expr(x.iter()), stmts(x.body()), stmts(x.orElse()), x.async(),
          pos(x.pos()));
    } else if (s instanceof Stmt.Try x) {
      return new Stmt.Try(stmts(x.body()), map(x.handlers(), this::handler), stmts(x.orElse()),
          stmts(x.finalBody()), pos(x.pos()));
    } else if (s instanceof Stmt.With x) {
      return new Stmt.With(map(x.items(), this::withItem), stmts(x.body()), x.async(), pos(x.pos()));
    } else if (s instanceof Stmt.While x) {
      return new Stmt.While(expr(x.test()), stmts(x.body()), stmts(x.orElse()), pos(x.pos()));
    } else if (s instanceof Stmt.Match x) {
      return new Stmt.Match(expr(x.subject()), map(x.cases(), this::matchCase), pos(x.pos()));
    }
    throw new IllegalArgumentException("PosShift does not know " + s.getClass().getName());
  }

  private Stmt function(Stmt.FunctionDef f) {
    return new Stmt.FunctionDef(f.name(), map(f.params(), this::param), exprs(f.decorators()), opt(f.returns()),
        stmts(f.body()), f.async(), pos(f.pos()), f.defLine() + lines);
  }

  private Stmt.Handler handler(Stmt.Handler h) {
    return new Stmt.Handler(opt(h.type()), h.name(), stmts(h.body()), h.star(), pos(h.pos()));
  }

  private Stmt.WithItem withItem(Stmt.WithItem w) {
    return new Stmt.WithItem(expr(w.context()), opt(w.target()));
  }

  private Stmt.Case matchCase(Stmt.Case c) {
    return new Stmt.Case(pos(c.pattern()), opt(c.guard()), stmts(c.body()));
  }

  private Param param(Param p) {
    return new Param(p.name(), p.kind(), opt(p.defaultValue()), opt(p.annotation()));
  }

  private Arg arg(Arg a) {
    return new Arg(a.kind(), a.keyword(), expr(a.value()));
  }

  // ---------- expressions ----------

  /** The most frequent expressions first; the rest in {@link #rarer}. */
  private Expr expr(Expr e) {
    if (e instanceof Expr.Name x) {
      return new Expr.Name(x.id(), pos(x.pos()));
    } else if (e instanceof Expr.Attribute x) {
      return new Expr.Attribute(expr(x.value()), x.attr(), pos(x.pos()));
    } else if (e instanceof Expr.Call x) {
      return new Expr.Call(expr(x.func()), map(x.args(), this::arg), pos(x.pos()));
    } else if (e instanceof Expr.Constant x) {
      return new Expr.Constant(x.kind(), x.value(), pos(x.pos()));
    } else if (e instanceof Expr.Subscript x) {
      return new Expr.Subscript(expr(x.value()), expr(x.index()), pos(x.pos()));
    } else if (e instanceof Expr.Operation x) {
      return new Expr.Operation(x.op(), exprs(x.operands()), pos(x.pos()));
    } else if (e instanceof Expr.Sequence x) {
      return new Expr.Sequence(x.kind(), exprs(x.elements()), pos(x.pos()));
    }
    return rarer(e);
  }

  private Expr rarer(Expr e) {
    if (e instanceof Expr.Dict x) {
      return new Expr.Dict(nullable(x.keys(), this::expr), exprs(x.values()), pos(x.pos()));
    } else if (e instanceof Expr.Other x) {
      return new Expr.Other(x.kind(), exprs(x.children()), pos(x.pos()));
    } else if (e instanceof Expr.Starred x) {
      return new Expr.Starred(expr(x.value()), pos(x.pos()));
    } else if (e instanceof Expr.IfExp x) {
      return new Expr.IfExp(expr(x.test()), expr(x.body()), expr(x.orElse()), pos(x.pos()));
    } else if (e instanceof Expr.Comprehension x) {
      return new Expr.Comprehension(x.kind(), expr(x.element()), exprs(x.clauses()), pos(x.pos()));
    } else if (e instanceof Expr.Lambda x) {
      return new Expr.Lambda(map(x.params(), this::param), expr(x.body()), pos(x.pos()));
    } else if (e instanceof Expr.Await x) {
      return new Expr.Await(expr(x.value()), pos(x.pos()));
    } else if (e instanceof Expr.Yield x) {
      return new Expr.Yield(opt(x.value()), x.from(), pos(x.pos()));
    } else if (e instanceof Expr.NamedExpr x) {
      return new Expr.NamedExpr(expr(x.target()), expr(x.value()), pos(x.pos()));
    }
    throw new IllegalArgumentException("PosShift does not know " + e.getClass().getName());
  }
}
