package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a function's {@link Region} tree: which calls sit behind which branch, guard, loop or
 * handler. Calls are read in evaluation order (the callee chain and arguments before the call
 * itself), each turned into a {@link Region.Call} by {@code classify}.
 */
final class Regions {
  private final FunctionInfo fn;
  private final Function<Expr.Call, CallSite> classify;

  private Regions(FunctionInfo fn, Function<Expr.Call, CallSite> classify) {
    this.fn = fn;
    this.classify = classify;
  }

  /** The regions of {@code fn}'s body. */
  static Region of(FunctionInfo fn, Function<Expr.Call, CallSite> classify) {
    Regions r = new Regions(fn, classify);
    return new Region(Region.Kind.BODY, "", fn.ast().defLine(), r.block(fn.ast().body()));
  }

  private List<RegionItem> block(List<Stmt> body) {
    List<RegionItem> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      if (s instanceof Stmt.If guard && guard.orElse().isEmpty() && endsWithReturn(guard.body())
          && i + 1 < body.size()) {
        // "if x: ...; return" makes the rest of the block its else branch.
        calls(guard.test(), out);
        out.add(region(Region.Kind.GUARD, text(guard.test()), guard, block(guard.body())));
        List<Stmt> rest = body.subList(i + 1, body.size());
        out.add(region(Region.Kind.REST, "", rest.get(0), block(rest)));
        return out;
      }
      statement(s, out);
    }
    return out;
  }

  private void statement(Stmt s, List<RegionItem> out) {
    if (s instanceof Stmt.If i) {
      ifRegions(i, out);
    } else if (s instanceof Stmt.For loop) {
      calls(loop.iter(), out);
      out.add(region(Region.Kind.LOOP, "for " + text(loop.target()) + " in " + text(loop.iter()),
          s, block(loop.body())));
    } else if (s instanceof Stmt.While w) {
      calls(w.test(), out);
      out.add(region(Region.Kind.LOOP, "while " + text(w.test()), s, block(w.body())));
    } else if (s instanceof Stmt.With w) {
      w.items().forEach(item -> calls(item.context(), out));
      out.add(region(Region.Kind.WITH, "", s, block(w.body())));
    } else if (s instanceof Stmt.Try t) {
      out.add(region(Region.Kind.TRY, "", s, block(join(t.body(), t.orElse()))));
      for (Stmt.Handler h : t.handlers()) {
        out.add(new Region(Region.Kind.HANDLER, h.type() == null ? "" : text(h.type()),
            h.pos().line(), block(h.body())));
      }
      if (!t.finalBody().isEmpty()) {
        out.add(region(Region.Kind.FINALLY, "", t.finalBody().get(0), block(t.finalBody())));
      }
    } else if (s instanceof Stmt.Match m) {
      calls(m.subject(), out);
      for (Stmt.Case c : m.cases()) {
        out.add(new Region(Region.Kind.CASE, "case " + fn.module().ast().text(c.pattern()),
            c.pattern().line(), block(c.body())));
      }
    } else if (!(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
      CallSites.expressions(s).forEach(e -> calls(e, out));
    }
  }

  /** An if with its elifs and else, each a region of its own. */
  private void ifRegions(Stmt.If first, List<RegionItem> out) {
    Stmt.If current = first;
    while (true) {
      calls(current.test(), out);
      out.add(region(Region.Kind.IF, text(current.test()), current, block(current.body())));
      List<Stmt> orElse = current.orElse();
      if (orElse.size() == 1 && orElse.get(0) instanceof Stmt.If elif) {
        current = elif;
        continue;
      }
      if (!orElse.isEmpty()) {
        out.add(region(Region.Kind.ELSE, "", orElse.get(0), block(orElse)));
      }
      return;
    }
  }

  /** The calls an expression makes, in evaluation order; lambdas run later, if ever. */
  private void calls(Expr e, List<RegionItem> out) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    for (Expr child : ExprChildren.of(e)) {
      calls(child, out);
    }
    if (e instanceof Expr.Call c) {
      out.add(new Region.Call(c.pos().line(), text(c.func()), classify.apply(c)));
    }
  }

  private static Region region(Region.Kind kind, String condition, Stmt at,
      List<RegionItem> items) {
    return new Region(kind, condition, at.pos().line(), items);
  }

  private static List<Stmt> join(List<Stmt> a, List<Stmt> b) {
    List<Stmt> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static boolean endsWithReturn(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Return;
  }

  private String text(Expr e) {
    return ConstText.shorten(fn.module().ast().text(e.pos()));
  }
}
