package dev.novatrace.python;

import static dev.novatrace.python.PythonParser.*;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Expr.ConstKind;
import dev.novatrace.python.ast.Expr.SeqKind;
import dev.novatrace.python.ast.Pos;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Expression rules of the parse tree to {@link Expr} records. A precedence level with a single
 * operand adds no node, so the tree is as shallow as the source.
 */
final class ExprBuilder {

  final Positions positions;

  ExprBuilder(Positions positions) {
    this.positions = positions;
  }

  // ---------- lists and tuples of expressions ----------

  Expr starExpressions(Star_expressionsContext ctx) {
    return tupleUnlessSingle(ctx.star_expression(), ctx);
  }

  Expr subject(SubjectContext ctx) {
    return tupleUnlessSingle(ctx.star_named_expression(), ctx);
  }

  /** PEP 758: {@code except A, B:} catches the tuple {@code (A, B)}, as {@code except (A, B):} does. */
  Expr exceptTypes(Except_clauseContext ctx) {
    List<ExpressionContext> types = ctx.expression();
    boolean noComma = ctx.COMMA().isEmpty();
    if (types.size() == 1 && noComma) {
      return expression(types.get(0));
    }
    List<Expr> items = new ArrayList<>(types.size());
    for (ExpressionContext e : types) {
      items.add(expression(e));
    }
    Pos pos = positions.of(types.get(0).getStart(), types.get(types.size() - 1).getStop());
    return new Expr.Sequence(SeqKind.TUPLE, items, pos);
  }

  Expr targets(TargetsContext ctx) {
    return tupleUnlessSingle(ctx.target(), ctx);
  }

  Expr target(TargetContext ctx) {
    return any(ctx);
  }

  /** {@code a, b} is a tuple, {@code a,} too; {@code a} alone is just a. */
  private Expr tupleUnlessSingle(List<? extends ParserRuleContext> elements, ParserRuleContext list) {
    List<Expr> items = new ArrayList<>(elements.size());
    for (ParserRuleContext e : elements) {
      items.add(any(e));
    }
    boolean noComma = list.getChildCount() == elements.size();
    return tupleUnlessSingle(items, noComma, list);
  }

  private Expr tupleUnlessSingle(List<Expr> items, boolean noComma, ParserRuleContext ctx) {
    if (items.size() == 1 && noComma) {
      return items.get(0);
    }
    return new Expr.Sequence(SeqKind.TUPLE, items, positions.of(ctx));
  }

  Expr starNamed(Star_named_expressionContext ctx) {
    return any(ctx);
  }

  Expr starred(Star_exprContext ctx) {
    return new Expr.Starred(any(ctx.bitor()), positions.of(ctx));
  }

  Expr named(Named_expressionContext ctx) {
    if (ctx.getChildCount() == 1) {
      return any(ctx);
    }
    Expr first = any(ctx.expression(0));
    if (!(first instanceof Expr.Name)) {
      throw new SyntaxProblem(first.pos(), "cannot use assignment expressions with this target");
    }
    return new Expr.NamedExpr(first, expression(ctx.expression(1)), positions.of(ctx));
  }

  Expr yieldExpr(Yield_exprContext ctx) {
    Pos pos = positions.of(ctx);
    if (ctx.FROM() != null) {
      return new Expr.Yield(expression(ctx.expression()), true, pos);
    }
    Expr value = ctx.star_expressions() == null ? null : starExpressions(ctx.star_expressions());
    return new Expr.Yield(value, false, pos);
  }

  // ---------- the precedence chain ----------

  Expr expression(ExpressionContext ctx) {
    return any(ctx);
  }

  Expr disjunction(DisjunctionContext ctx) {
    return any(ctx);
  }

  Expr bitor(BitorContext ctx) {
    return any(ctx);
  }

  /**
   * Any expression rule. Most expressions are a single chain of one-child levels down to an atom,
   * so this first skips those levels in one loop (cheaper than a call per precedence level), then
   * builds the first level that actually has an operator.
   */
  private Expr any(ParserRuleContext start) {
    ParserRuleContext ctx = start;
    while (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof ParserRuleContext child) {
      ctx = child;
    }
    switch (ctx.getRuleIndex()) {
      case RULE_expression:
        return conditional((ExpressionContext) ctx);
      case RULE_lambdef:
        return lambda((LambdefContext) ctx);
      case RULE_named_expression:
        return named((Named_expressionContext) ctx);
      case RULE_star_expr:
        return starred((Star_exprContext) ctx);
      case RULE_target: // STAR bitor
        return new Expr.Starred(any((ParserRuleContext) ctx.getChild(1)), positions.of(ctx));
      case RULE_disjunction:
        return booleans(ctx);
      case RULE_inversion:
        return new Expr.Operation("not", List.of(any((ParserRuleContext) ctx.getChild(1))), positions.of(ctx));
      case RULE_comparison:
        return comparison((ComparisonContext) ctx);
      case RULE_bitor:
        return binary(ctx, new int[1], 0);
      case RULE_factor:
        return new Expr.Operation(ctx.getChild(0).getText(), List.of(any((ParserRuleContext) ctx.getChild(1))),
            positions.of(ctx));
      case RULE_power:
        return power((PowerContext) ctx);
      case RULE_primary:
        return primary((PrimaryContext) ctx);
      case RULE_atom:
        return atom((AtomContext) ctx);
      case RULE_atom_name:
      case RULE_name:
        return new Expr.Name(ctx.getStart().getText(), positions.of(ctx));
      default:
        throw new IllegalStateException("not an expression rule: " + PythonParser.ruleNames[ctx.getRuleIndex()]);
    }
  }

  private Expr conditional(ExpressionContext ctx) {
    Expr body = any(ctx.disjunction(0));
    return new Expr.IfExp(any(ctx.disjunction(1)), body, any(ctx.expression()), positions.of(ctx));
  }

  private Expr lambda(LambdefContext l) {
    List<dev.novatrace.python.ast.Param> params = l.lambda_parameters() == null
        ? List.of() : Params.lambda(l.lambda_parameters(), this);
    return new Expr.Lambda(params, any(l.expression()), positions.of(l));
  }

  /**
   * A flat {@code a or b and c} chain: {@code and} binds tighter, so the operands are grouped by
   * {@code and} first, then joined by {@code or}; each operation holds all its operands.
   */
  private Expr booleans(ParserRuleContext ctx) {
    List<Expr> or = new ArrayList<>();
    List<Expr> and = new ArrayList<>();
    and.add(any((ParserRuleContext) ctx.getChild(0)));
    for (int i = 1; i + 1 < ctx.getChildCount(); i += 2) {
      Expr operand = any((ParserRuleContext) ctx.getChild(i + 1));
      if (((TerminalNode) ctx.getChild(i)).getSymbol().getType() == OR) {
        or.add(andGroup(and));
        and = new ArrayList<>();
      }
      and.add(operand);
    }
    or.add(andGroup(and));
    return or.size() == 1 ? or.get(0) : new Expr.Operation("or", or, positions.of(ctx));
  }

  private static Expr andGroup(List<Expr> operands) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return new Expr.Operation("and", operands, Positions.span(operands.get(0).pos(), operands.get(operands.size() - 1).pos()));
  }

  private Expr comparison(ComparisonContext ctx) {
    List<Expr> operands = new ArrayList<>();
    for (BitorContext b : ctx.bitor()) {
      operands.add(any(b));
    }
    StringBuilder ops = new StringBuilder();
    for (Comp_opContext op : ctx.comp_op()) {
      if (ops.length() > 0) {
        ops.append(' ');
      }
      ops.append(op.getChildCount() == 1 ? op.getText() : op.getChild(0).getText() + " " + op.getChild(1).getText());
    }
    return new Expr.Operation(ops.toString(), operands, positions.of(ctx));
  }

  /**
   * Precedence climbing over the flat binary-operator rule: operands at even children, operators
   * between; every operator is left-associative. {@code at[0]} is the next child to read.
   */
  private Expr binary(ParserRuleContext ctx, int[] at, int minPrecedence) {
    Expr left = any((ParserRuleContext) ctx.getChild(at[0]++));
    while (at[0] < ctx.getChildCount()) {
      Token op = ((TerminalNode) ctx.getChild(at[0])).getSymbol();
      int precedence = precedence(op.getType());
      if (precedence < minPrecedence) {
        break;
      }
      at[0]++;
      Expr right = binary(ctx, at, precedence + 1);
      left = new Expr.Operation(op.getText(), List.of(left, right), Positions.span(left.pos(), right.pos()));
    }
    return left;
  }

  /** Section 6.17, lowest first: | ^ & shifts additive multiplicative. */
  private static int precedence(int tokenType) {
    switch (tokenType) {
      case VBAR:
        return 1;
      case CIRCUMFLEX:
        return 2;
      case AMPER:
        return 3;
      case LSHIFT:
      case RSHIFT:
        return 4;
      case PLUS:
      case MINUS:
        return 5;
      default:
        return 6; // * / // % @
    }
  }

  private Expr power(PowerContext ctx) {
    Expr base;
    if (ctx.AWAIT() == null) {
      base = primary(ctx.primary());
    } else {
      Await_operandContext operand = ctx.await_operand();
      Token await = ctx.AWAIT().getSymbol();
      if (operand.primary() != null) {
        base = new Expr.Await(primary(operand.primary()), positions.of(await, operand.getStop()));
      } else {
        // pre-3.7 code: `await` as a plain name, maybe with attributes, calls, subscripts
        base = trailers(new Expr.Name(await.getText(), positions.of(await, await)), operand.trailer());
      }
    }
    if (ctx.POWER() == null) {
      return base;
    }
    return new Expr.Operation("**", List.of(base, any(ctx.factor())), positions.of(ctx));
  }

  private Expr primary(PrimaryContext ctx) {
    return trailers(atom(ctx.atom()), ctx.trailer());
  }

  private Expr trailers(Expr value, List<TrailerContext> trailers) {
    Pos start = value.pos();
    for (TrailerContext t : trailers) {
      Pos pos = positions.span(start, t.getStop());
      int kind = t.getStart().getType();
      if (kind == DOT) {
        value = new Expr.Attribute(value, t.getStop().getText(), pos);
      } else if (kind == LPAR) {
        value = new Expr.Call(value, t.arglist() == null ? List.of() : arguments(t.arglist()), pos);
      } else {
        value = new Expr.Subscript(value, slices(t.slices()), pos);
      }
    }
    return value;
  }

  // ---------- atoms ----------

  private Expr atom(AtomContext ctx) {
    Pos pos = positions.of(ctx);
    Token first = ctx.getStart();
    switch (first.getType()) {
      case NUMBER:
        return new Expr.Constant(ConstKind.NUMBER, first.getText(), pos);
      case STRING:
        List<Token> parts = new ArrayList<>();
        for (TerminalNode s : ctx.STRING()) {
          parts.add(s.getSymbol());
        }
        return StringLiterals.join(parts, pos);
      case NONE:
        return new Expr.Constant(ConstKind.NONE, "None", pos);
      case TRUE:
        return new Expr.Constant(ConstKind.TRUE, "True", pos);
      case FALSE:
        return new Expr.Constant(ConstKind.FALSE, "False", pos);
      case ELLIPSIS:
        return new Expr.Constant(ConstKind.ELLIPSIS, "...", pos);
      case LPAR:
        if (ctx.yield_expr() != null) {
          return yieldExpr(ctx.yield_expr());
        }
        return ctx.testlist_comp() == null
            ? new Expr.Sequence(SeqKind.TUPLE, List.of(), pos)
            : display(ctx.testlist_comp(), SeqKind.TUPLE, pos);
      case LSQB:
        return ctx.testlist_comp() == null
            ? new Expr.Sequence(SeqKind.LIST, List.of(), pos)
            : display(ctx.testlist_comp(), SeqKind.LIST, pos);
      case LBRACE:
        return ctx.dict_or_set() == null
            ? new Expr.Dict(List.of(), List.of(), pos)
            : dictOrSet(ctx.dict_or_set(), pos);
      default:
        return new Expr.Name(first.getText(), pos);
    }
  }

  /** Parenthesised and bracketed displays; {@code (x)} is just x. */
  private Expr display(Testlist_compContext ctx, SeqKind kind, Pos pos) {
    List<Star_named_expressionContext> items = ctx.star_named_expression();
    if (ctx.comp_for() != null) {
      SeqKind comp = kind == SeqKind.TUPLE ? SeqKind.GENERATOR : kind;
      return new Expr.Comprehension(comp, starNamed(items.get(0)), clauses(ctx.comp_for()), pos);
    }
    List<Expr> elements = new ArrayList<>();
    for (Star_named_expressionContext e : items) {
      elements.add(starNamed(e));
    }
    if (kind == SeqKind.TUPLE && elements.size() == 1 && ctx.COMMA().isEmpty()) {
      return elements.get(0);
    }
    return new Expr.Sequence(kind, elements, pos);
  }

  private Expr dictOrSet(Dict_or_setContext ctx, Pos pos) {
    if (ctx.set_rest() != null) {
      Expr first = ctx.star_expr() != null ? starred(ctx.star_expr()) : named(ctx.named_expression());
      Set_restContext rest = ctx.set_rest();
      if (rest.comp_for() != null) {
        return new Expr.Comprehension(SeqKind.SET, first, clauses(rest.comp_for()), pos);
      }
      List<Expr> elements = new ArrayList<>();
      elements.add(first);
      for (Star_named_expressionContext e : rest.star_named_expression()) {
        elements.add(starNamed(e));
      }
      return new Expr.Sequence(SeqKind.SET, elements, pos);
    }
    Expr key = ctx.POWER() != null ? null : expression(ctx.named_expression().expression(0));
    if (ctx.named_expression() != null && ctx.named_expression().WALRUS() != null) {
      throw new SyntaxProblem(positions.of(ctx.named_expression()), "invalid syntax: ':=' as a dict key");
    }
    Expr value = ctx.POWER() != null ? bitor(ctx.bitor()) : expression(ctx.expression());
    Dict_restContext rest = ctx.dict_rest();
    if (rest.comp_for() != null) {
      if (key == null) {
        throw new SyntaxProblem(pos, "dict unpacking cannot be used in dict comprehension");
      }
      Expr pair = new Expr.Sequence(SeqKind.TUPLE, List.of(key, value), Positions.span(key.pos(), value.pos()));
      return new Expr.Comprehension(SeqKind.DICT, pair, clauses(rest.comp_for()), pos);
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    keys.add(key);
    values.add(value);
    for (Dict_itemContext item : rest.dict_item()) {
      if (item.POWER() != null) {
        keys.add(null);
        values.add(bitor(item.bitor()));
      } else {
        keys.add(expression(item.expression(0)));
        values.add(expression(item.expression(1)));
      }
    }
    return new Expr.Dict(keys, values, pos);
  }

  /** For-targets, iterables and if-conditions of a comprehension, in source order. */
  private List<Expr> clauses(Comp_forContext ctx) {
    List<Expr> out = new ArrayList<>();
    out.add(Targets.checked(targets(ctx.targets()), "assign to"));
    out.add(disjunction(ctx.disjunction()));
    for (Comp_iterContext it : ctx.comp_iter()) {
      if (it.FOR() != null) {
        out.add(Targets.checked(targets(it.targets()), "assign to"));
      }
      out.add(disjunction(it.disjunction()));
    }
    return out;
  }

  // ---------- calls and subscripts ----------

  List<Arg> arguments(ArglistContext ctx) {
    List<Arg> args = new ArrayList<>();
    boolean keywords = false;
    for (ArgumentContext a : ctx.argument()) {
      Arg arg;
      if (a.ASSIGN() != null) {
        arg = new Arg(Arg.Kind.KEYWORD, a.name().getText(), expression(a.expression()));
      } else if (a.STAR() != null) {
        arg = new Arg(Arg.Kind.STAR, null, expression(a.expression()));
      } else if (a.POWER() != null) {
        arg = new Arg(Arg.Kind.DOUBLE_STAR, null, expression(a.expression()));
      } else if (a.comp_for() != null) {
        Expr element = named(a.named_expression());
        arg = Arg.positional(new Expr.Comprehension(SeqKind.GENERATOR, element, clauses(a.comp_for()), positions.of(a)));
      } else {
        arg = Arg.positional(named(a.named_expression()));
      }
      if (arg.kind() == Arg.Kind.POSITIONAL && keywords) {
        throw new SyntaxProblem(positions.of(a), "positional argument follows keyword argument");
      }
      keywords |= arg.kind() == Arg.Kind.KEYWORD || arg.kind() == Arg.Kind.DOUBLE_STAR;
      args.add(arg);
    }
    return args;
  }

  private Expr slices(SlicesContext ctx) {
    List<Expr> items = new ArrayList<>();
    for (SliceContext s : ctx.slice()) {
      items.add(slice(s));
    }
    // a[*b] indexes with a tuple, as in CPython
    boolean single = ctx.COMMA().isEmpty() && !(items.get(0) instanceof Expr.Starred);
    return tupleUnlessSingle(items, single, ctx);
  }

  /** {@code a:b:c} as an Other "slice" holding the parts present. */
  private Expr slice(SliceContext ctx) {
    if (ctx.star_expr() != null) {
      return starred(ctx.star_expr());
    }
    if (ctx.COLON().isEmpty()) {
      return named(ctx.named_expression());
    }
    List<Expr> parts = new ArrayList<>();
    if (ctx.named_expression() != null) {
      parts.add(named(ctx.named_expression()));
    }
    for (ExpressionContext e : ctx.expression()) {
      parts.add(expression(e));
    }
    return new Expr.Other("slice", parts, positions.of(ctx));
  }
}
