package dev.novatrace.python;

import static dev.novatrace.python.PythonParser.*;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Param.Kind;
import dev.novatrace.python.ast.Pos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameter lists of def and lambda. The grammar accepts the items in any order; this assigns
 * kinds ({@code /} makes the earlier ones positional-only, {@code *} the later ones keyword-only)
 * and enforces the order rules of section 8.7.
 */
final class Params {

  private final List<Param> params = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private boolean slash;
  private boolean star;
  private boolean doubleStar;
  private boolean bareStarOpen; // a bare '*' still waiting for its keyword-only parameter
  private boolean defaults;

  private Params() {}

  static List<Param> function(ParametersContext ctx, ExprBuilder exprs) {
    Params p = new Params();
    for (ParamContext item : ctx.param()) {
      Pos pos = exprs.positions.of(item);
      if (item.SLASH() != null) {
        p.slash(pos);
      } else if (item.POWER() != null) {
        p.add(item.name().getText(), Kind.VAR_KEYWORD, null, annotation(item.expression().isEmpty() ? null : item.expression(0), exprs), pos);
      } else if (item.STAR() != null) {
        Expr annotation = item.star_expr() != null ? exprs.starred(item.star_expr()) : annotation(item.expression().isEmpty() ? null : item.expression(0), exprs);
        p.star(item.name() == null ? null : item.name().getText(), annotation, pos);
      } else {
        List<ExpressionContext> e = item.expression();
        Expr annotation = item.COLON() != null ? exprs.expression(e.get(0)) : null;
        Expr value = item.ASSIGN() != null ? exprs.expression(e.get(e.size() - 1)) : null;
        p.add(item.name().getText(), null, value, annotation, pos);
      }
    }
    return p.finish(exprs.positions.of(ctx));
  }

  static List<Param> lambda(Lambda_parametersContext ctx, ExprBuilder exprs) {
    Params p = new Params();
    for (Lambda_paramContext item : ctx.lambda_param()) {
      Pos pos = exprs.positions.of(item);
      if (item.SLASH() != null) {
        p.slash(pos);
      } else if (item.POWER() != null) {
        p.add(item.name().getText(), Kind.VAR_KEYWORD, null, null, pos);
      } else if (item.STAR() != null) {
        p.star(item.name() == null ? null : item.name().getText(), null, pos);
      } else {
        Expr value = item.expression() == null ? null : exprs.expression(item.expression());
        p.add(item.name().getText(), null, value, null, pos);
      }
    }
    return p.finish(exprs.positions.of(ctx));
  }

  private static Expr annotation(ExpressionContext ctx, ExprBuilder exprs) {
    return ctx == null ? null : exprs.expression(ctx);
  }

  private void slash(Pos pos) {
    if (slash || star || params.isEmpty()) {
      throw new SyntaxProblem(pos, params.isEmpty() ? "at least one argument must precede /" : "/ must be ahead of *");
    }
    slash = true;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      params.set(i, new Param(p.name(), Kind.POSITIONAL_ONLY, p.defaultValue(), p.annotation()));
    }
  }

  private void star(String name, Expr annotation, Pos pos) {
    if (star || doubleStar) {
      throw new SyntaxProblem(pos, doubleStar ? "arguments cannot follow var-keyword argument" : "* argument may appear only once");
    }
    star = true;
    if (name == null) {
      bareStarOpen = true;
    } else {
      add(name, Kind.VAR_POSITIONAL, null, annotation, pos);
    }
  }

  /** {@code kind} null means "by position in the list": normal, or keyword-only after '*'. */
  private void add(String name, Kind kind, Expr value, Expr annotation, Pos pos) {
    if (doubleStar) {
      throw new SyntaxProblem(pos, "arguments cannot follow var-keyword argument");
    }
    if (!names.add(name)) {
      throw new SyntaxProblem(pos, "duplicate argument '" + name + "' in function definition");
    }
    Kind k = kind;
    if (k == null) {
      k = star ? Kind.KEYWORD_ONLY : Kind.NORMAL;
      bareStarOpen = false;
      if (k == Kind.NORMAL) {
        if (value == null && defaults) {
          throw new SyntaxProblem(pos, "non-default argument follows default argument");
        }
        defaults |= value != null;
      }
    }
    doubleStar |= k == Kind.VAR_KEYWORD;
    params.add(new Param(name, k, value, annotation));
  }

  private List<Param> finish(Pos pos) {
    if (bareStarOpen) {
      throw new SyntaxProblem(pos, "named arguments must follow bare *");
    }
    return params;
  }
}
