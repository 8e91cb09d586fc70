package dev.novatrace.python;

import static dev.novatrace.python.PythonParser.*;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Statement rules of the parse tree to {@link Stmt} records (expressions go to {@link
 * ExprBuilder}). Throws {@link SyntaxProblem} for the errors the grammar lets through.
 */
final class AstBuilder {

  private final ExprBuilder exprs;
  private final Positions positions;

  AstBuilder(Positions positions) {
    this.positions = positions;
    this.exprs = new ExprBuilder(positions);
  }

  List<Stmt> module(File_inputContext ctx) {
    List<Stmt> body = new ArrayList<>();
    for (StmtContext s : ctx.stmt()) {
      statement(s, body);
    }
    return body;
  }

  private void statement(StmtContext ctx, List<Stmt> out) {
    if (ctx.compound_stmt() != null) {
      out.add(compound(ctx.compound_stmt()));
    } else {
      simpleStatements(ctx.simple_stmts(), out);
    }
  }

  private List<Stmt> block(BlockContext ctx) {
    List<Stmt> body = new ArrayList<>();
    if (ctx.simple_stmts() != null) {
      simpleStatements(ctx.simple_stmts(), body);
    } else {
      for (StmtContext s : ctx.stmt()) {
        statement(s, body);
      }
    }
    return body;
  }

  // ---------- simple statements ----------

  private void simpleStatements(Simple_stmtsContext ctx, List<Stmt> out) {
    for (Simple_stmtContext s : ctx.simple_stmt()) {
      out.add(simple(s));
    }
  }

  private Stmt simple(Simple_stmtContext ctx) {
    Pos pos = positions.of(ctx);
    if (ctx.expr_stmt() != null) {
      return exprStatement(ctx.expr_stmt(), pos);
    } else if (ctx.yield_expr() != null) {
      return new Stmt.ExprStmt(exprs.yieldExpr(ctx.yield_expr()), pos);
    } else if (ctx.return_stmt() != null) {
      Star_expressionsContext value = ctx.return_stmt().star_expressions();
      return new Stmt.Return(value == null ? null : exprs.starExpressions(value), pos);
    } else if (ctx.import_name() != null) {
      return importName(ctx.import_name(), pos);
    } else if (ctx.import_from() != null) {
      return importFrom(ctx.import_from(), pos);
    } else if (ctx.raise_stmt() != null) {
      List<ExpressionContext> e = ctx.raise_stmt().expression();
      return new Stmt.Raise(e.isEmpty() ? null : exprs.expression(e.get(0)),
          e.size() < 2 ? null : exprs.expression(e.get(1)), pos);
    } else if (ctx.del_stmt() != null) {
      Expr targets = Targets.checked(exprs.targets(ctx.del_stmt().targets()), "delete");
      // `del a, b` lists two targets; `del (a, b)` is one tuple target.
      boolean several = !ctx.del_stmt().targets().COMMA().isEmpty();
      List<Expr> list = several ? ((Expr.Sequence) targets).elements() : List.of(targets);
      return new Stmt.Simple("del", list, pos);
    } else if (ctx.assert_stmt() != null) {
      List<Expr> operands = new ArrayList<>();
      for (ExpressionContext e : ctx.assert_stmt().expression()) {
        operands.add(exprs.expression(e));
      }
      return new Stmt.Simple("assert", operands, pos);
    } else if (ctx.global_stmt() != null) {
      return new Stmt.Simple("global", names(ctx.global_stmt().name()), pos);
    } else if (ctx.nonlocal_stmt() != null) {
      return new Stmt.Simple("nonlocal", names(ctx.nonlocal_stmt().name()), pos);
    } else if (ctx.type_alias() != null) {
      Type_aliasContext t = ctx.type_alias();
      TypeParams.check(t.type_params(), positions);
      Expr name = new Expr.Name(t.name().getText(), positions.of(t.name()));
      return new Stmt.Simple("type", List.of(name, exprs.expression(t.expression())), pos);
    }
    return new Stmt.Simple(ctx.getStart().getText(), List.of(), pos); // pass, break, continue
  }

  private List<Expr> names(List<NameContext> names) {
    List<Expr> out = new ArrayList<>();
    for (NameContext n : names) {
      out.add(new Expr.Name(n.getText(), positions.of(n)));
    }
    return out;
  }

  private Stmt exprStatement(Expr_stmtContext ctx, Pos pos) {
    Expr first = exprs.starExpressions(ctx.star_expressions());
    List<Assign_valueContext> values = ctx.assign_value();
    if (ctx.COLON() != null) {
      Targets.single(first, "annotation");
      Expr value = values.isEmpty() ? null : assignValue(values.get(0));
      return new Stmt.AnnAssign(first, exprs.expression(ctx.expression()), value, pos);
    }
    if (ctx.AUGASSIGN() != null) {
      Targets.single(first, "augmented assignment");
      return new Stmt.AugAssign(first, ctx.AUGASSIGN().getText(), assignValue(values.get(0)), pos);
    }
    if (values.isEmpty()) {
      return new Stmt.ExprStmt(first, pos);
    }
    List<Expr> targets = new ArrayList<>();
    targets.add(Targets.checked(first, "assign to"));
    for (int i = 0; i < values.size() - 1; i++) {
      targets.add(Targets.checked(assignValue(values.get(i)), "assign to"));
    }
    return new Stmt.Assign(targets, assignValue(values.get(values.size() - 1)), pos);
  }

  private Expr assignValue(Assign_valueContext ctx) {
    return ctx.yield_expr() != null ? exprs.yieldExpr(ctx.yield_expr()) : exprs.starExpressions(ctx.star_expressions());
  }

  private Stmt importName(Import_nameContext ctx, Pos pos) {
    List<Stmt.Alias> aliases = new ArrayList<>();
    for (Dotted_as_nameContext d : ctx.dotted_as_name()) {
      aliases.add(new Stmt.Alias(d.dotted_name().getText(), d.name() == null ? null : d.name().getText()));
    }
    return new Stmt.Import(aliases, pos);
  }

  private Stmt importFrom(Import_fromContext ctx, Pos pos) {
    int level = 0;
    for (Import_dotsContext d : ctx.import_dots()) {
      level += d.ELLIPSIS() != null ? 3 : 1;
    }
    String module = ctx.dotted_name() == null ? "" : ctx.dotted_name().getText();
    List<Stmt.Alias> aliases = new ArrayList<>();
    if (ctx.STAR() != null) {
      aliases.add(new Stmt.Alias("*", null));
    } else {
      for (Import_as_nameContext a : ctx.import_as_names().import_as_name()) {
        aliases.add(new Stmt.Alias(a.name(0).getText(), a.AS() == null ? null : a.name(1).getText()));
      }
    }
    return new Stmt.ImportFrom(module, level, aliases, pos);
  }

  // ---------- compound statements ----------

  private Stmt compound(Compound_stmtContext ctx) {
    if (ctx.if_stmt() != null) {
      return ifStatement(ctx.if_stmt());
    } else if (ctx.while_stmt() != null) {
      While_stmtContext w = ctx.while_stmt();
      return new Stmt.While(exprs.named(w.named_expression()), block(w.block()), orElse(w.else_clause()), positions.of(w));
    } else if (ctx.for_stmt() != null) {
      return forStatement(ctx.for_stmt(), false, ctx.getStart());
    } else if (ctx.try_stmt() != null) {
      return tryStatement(ctx.try_stmt());
    } else if (ctx.with_stmt() != null) {
      return withStatement(ctx.with_stmt(), false, ctx.getStart());
    } else if (ctx.funcdef() != null) {
      return function(ctx.funcdef(), List.of(), false, ctx.getStart());
    } else if (ctx.classdef() != null) {
      return classDef(ctx.classdef(), List.of(), ctx.getStart());
    } else if (ctx.decorated() != null) {
      return decorated(ctx.decorated());
    } else if (ctx.async_stmt() != null) {
      return async(ctx.async_stmt(), List.of(), ctx.getStart());
    }
    return match(ctx.match_stmt());
  }

  private Stmt async(Async_stmtContext ctx, List<Expr> decorators, Token start) {
    if (ctx.funcdef() != null) {
      return function(ctx.funcdef(), decorators, true, start);
    } else if (ctx.with_stmt() != null) {
      return withStatement(ctx.with_stmt(), true, start);
    }
    return forStatement(ctx.for_stmt(), true, start);
  }

  private Stmt decorated(DecoratedContext ctx) {
    List<Expr> decorators = new ArrayList<>();
    for (DecoratorContext d : ctx.decorator()) {
      decorators.add(exprs.named(d.named_expression()));
    }
    Token start = ctx.getStart();
    if (ctx.classdef() != null) {
      return classDef(ctx.classdef(), decorators, start);
    } else if (ctx.funcdef() != null) {
      return function(ctx.funcdef(), decorators, false, start);
    }
    if (ctx.async_stmt().funcdef() == null) {
      throw new SyntaxProblem(positions.of(ctx.async_stmt()), "invalid syntax: only def and class can be decorated");
    }
    return async(ctx.async_stmt(), decorators, start);
  }

  private Stmt function(FuncdefContext ctx, List<Expr> decorators, boolean async, Token start) {
    TypeParams.check(ctx.type_params(), positions);
    var params = ctx.parameters() == null ? List.<dev.novatrace.python.ast.Param>of() : Params.function(ctx.parameters(), exprs);
    Expr returns = ctx.expression() == null ? null : exprs.expression(ctx.expression());
    return new Stmt.FunctionDef(ctx.name().getText(), params, decorators, returns, block(ctx.block()), async,
        positions.of(start, ctx.getStop()), ctx.getStart().getLine());
  }

  private Stmt classDef(ClassdefContext ctx, List<Expr> decorators, Token start) {
    TypeParams.check(ctx.type_params(), positions);
    List<Arg> bases = ctx.arglist() == null ? List.of() : exprs.arguments(ctx.arglist());
    return new Stmt.ClassDef(ctx.name().getText(), bases, decorators, block(ctx.block()), positions.of(start, ctx.getStop()));
  }

  /** {@code elif} chains become an If alone in the previous branch's orElse. */
  private Stmt ifStatement(If_stmtContext ctx) {
    List<Stmt> orElse = orElse(ctx.else_clause());
    List<Elif_clauseContext> elifs = ctx.elif_clause();
    for (int i = elifs.size() - 1; i >= 0; i--) {
      Elif_clauseContext e = elifs.get(i);
      Stmt nested = new Stmt.If(exprs.named(e.named_expression()), block(e.block()), orElse,
          positions.of(e.getStart(), ctx.getStop()));
      orElse = List.of(nested);
    }
    return new Stmt.If(exprs.named(ctx.named_expression()), block(ctx.block()), orElse, positions.of(ctx));
  }

  private List<Stmt> orElse(Else_clauseContext ctx) {
    return ctx == null ? List.of() : block(ctx.block());
  }

  private Stmt forStatement(For_stmtContext ctx, boolean async, Token start) {
    Expr target = Targets.checked(exprs.targets(ctx.targets()), "assign to");
    return new Stmt.For(target, exprs.starExpressions(ctx.star_expressions()), block(ctx.block()),
        orElse(ctx.else_clause()), async, positions.of(start, ctx.getStop()));
  }

  private Stmt tryStatement(Try_stmtContext ctx) {
    List<Stmt.Handler> handlers = new ArrayList<>();
    boolean star = false;
    for (int i = 0; i < ctx.except_clause().size(); i++) {
      Except_clauseContext h = ctx.except_clause(i);
      boolean isStar = h.STAR() != null;
      if (i > 0 && isStar != star) {
        throw new SyntaxProblem(positions.of(h), "cannot have both 'except' and 'except*' on the same 'try'");
      }
      star = isStar;
      if (h.expression().isEmpty() && i < ctx.except_clause().size() - 1) {
        throw new SyntaxProblem(positions.of(h), "default 'except:' must be last");
      }
      Expr type = h.expression().isEmpty() ? null : exprs.exceptTypes(h);
      handlers.add(new Stmt.Handler(type, h.name() == null ? null : h.name().getText(), block(h.block()), isStar,
          positions.of(h)));
    }
    List<Stmt> finalBody = ctx.finally_clause() == null ? List.of() : block(ctx.finally_clause().block());
    return new Stmt.Try(block(ctx.block()), handlers, orElse(ctx.else_clause()), finalBody, positions.of(ctx));
  }

  private Stmt withStatement(With_stmtContext ctx, boolean async, Token start) {
    List<Stmt.WithItem> items = new ArrayList<>();
    for (With_itemContext item : ctx.with_item()) {
      Expr target = item.target() == null ? null : Targets.checked(exprs.target(item.target()), "assign to");
      items.add(new Stmt.WithItem(exprs.expression(item.expression()), target));
    }
    return new Stmt.With(items, block(ctx.block()), async, positions.of(start, ctx.getStop()));
  }

  private Stmt match(Match_stmtContext ctx) {
    List<Stmt.Case> cases = new ArrayList<>();
    for (Case_blockContext c : ctx.case_block()) {
      Expr guard = c.named_expression() == null ? null : exprs.named(c.named_expression());
      cases.add(new Stmt.Case(positions.of(c.patterns()), guard, block(c.block())));
    }
    return new Stmt.Match(exprs.subject(ctx.subject()), cases, positions.of(ctx));
  }
}
