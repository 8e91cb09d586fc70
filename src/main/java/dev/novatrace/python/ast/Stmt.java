package dev.novatrace.python.ast;

import java.util.List;

/** Python statements, reduced to what a code model needs. Bodies are never null (maybe empty). */
public sealed interface Stmt {

  Pos pos();

  /**
   * {@code def} / {@code async def}; {@code pos} spans the whole definition, decorators included,
   * and {@code defLine} is the line of the {@code def} keyword itself (what a source link points
   * at).
   */
  record FunctionDef(String name, List<Param> params, List<Expr> decorators, Expr returns,
      List<Stmt> body, boolean async, Pos pos, int defLine) implements Stmt {}

  /** {@code class Name(bases, metaclass=...)}: bases and keywords as {@link Arg}s. */
  record ClassDef(String name, List<Arg> bases, List<Expr> decorators, List<Stmt> body, Pos pos)
      implements Stmt {}

  /** {@code import a.b as c, d} */
  record Import(List<Alias> names, Pos pos) implements Stmt {}

  /** {@code from ..a.b import c as d}; module is "" for {@code from . import x}; "*" as a name. */
  record ImportFrom(String module, int level, List<Alias> names, Pos pos) implements Stmt {}

  /** {@code a = b = value}: every target in order. */
  record Assign(List<Expr> targets, Expr value, Pos pos) implements Stmt {}

  /** {@code target op= value} with op like "+=". */
  record AugAssign(Expr target, String op, Expr value, Pos pos) implements Stmt {}

  /** {@code target: annotation = value} (value may be null). */
  record AnnAssign(Expr target, Expr annotation, Expr value, Pos pos) implements Stmt {}

  /** An expression used as a statement, a call mostly. */
  record ExprStmt(Expr value, Pos pos) implements Stmt {}

  /** {@code return value} (value may be null). */
  record Return(Expr value, Pos pos) implements Stmt {}

  /** {@code raise exc from cause} (both may be null). */
  record Raise(Expr exc, Expr cause, Pos pos) implements Stmt {}

  /** {@code if/elif/else}: an elif is an If alone in {@code orElse}. */
  record If(Expr test, List<Stmt> body, List<Stmt> orElse, Pos pos) implements Stmt {}

  record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, boolean async, Pos pos)
      implements Stmt {}

  record While(Expr test, List<Stmt> body, List<Stmt> orElse, Pos pos) implements Stmt {}

  record With(List<WithItem> items, List<Stmt> body, boolean async, Pos pos) implements Stmt {}

  record Try(List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finalBody,
      Pos pos) implements Stmt {}

  /** {@code match subject:} with its cases; patterns are kept as source ranges. */
  record Match(Expr subject, List<Case> cases, Pos pos) implements Stmt {}

  /**
   * pass, break, continue, global, nonlocal, del, assert, type alias: {@code kind} is the keyword,
   * {@code exprs} its operands (names for global/nonlocal as {@link Expr.Name}).
   */
  record Simple(String kind, List<Expr> exprs, Pos pos) implements Stmt {}

  record Alias(String name, String asName) {
    /** The name this import binds in the importing module. */
    public String boundName() {
      if (asName != null) {
        return asName;
      }
      int dot = name.indexOf('.');
      return dot < 0 ? name : name.substring(0, dot);
    }
  }

  record WithItem(Expr context, Expr target) {}

  /** {@code except Type as name:} ({@code star} for {@code except*}); type and name may be null. */
  record Handler(Expr type, String name, List<Stmt> body, boolean star, Pos pos) {}

  record Case(Pos pattern, Expr guard, List<Stmt> body) {}
}
