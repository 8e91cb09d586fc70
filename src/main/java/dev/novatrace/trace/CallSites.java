package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.util.IdentityMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every call in every function and method of a tree, with the scope it is resolved in: what the
 * questions about a whole tree (how much resolves, who sends which RPC message) walk over.
 * Lambdas are left out, as the tracer does not follow them either.
 */
public final class CallSites {

  /** One call, in the function that makes it. */
  public record Site(FunctionInfo function, Scope scope, Expr.Call call) {}

  private CallSites() {}

  public static void forEach(Resolver resolver, Consumer<Site> visit) {
    for (ModuleInfo m : resolver.index().modules()) {
      List<FunctionInfo> functions = new ArrayList<>(m.functions().values());
      for (ClassInfo c : m.classes().values()) {
        functions.addAll(c.methods().values());
      }
      for (FunctionInfo f : functions) {
        inFunction(resolver, f, visit);
      }
    }
  }

  /**
   * The calls of each function body, read once per body: the tracer asks for a helper's calls at
   * every call it makes, and a body parsed once is shared by every release that has its file.
   */
  private static final IdentityMemo<Stmt.FunctionDef, List<Expr.Call>> CALLS =
      new IdentityMemo<>();

  /** The calls of one function, inner calls before the call holding them, in source order. */
  public static void inFunction(Resolver resolver, FunctionInfo f, Consumer<Site> visit) {
    Scope scope = resolver.scopeOf(f);
    for (Expr.Call call : CALLS.get(f.ast(), CallSites::calls)) {
      visit.accept(new Site(f, scope, call));
    }
  }

  private static List<Expr.Call> calls(Stmt.FunctionDef def) {
    List<Expr.Call> out = new ArrayList<>();
    StatementWalker.forEach(def.body(), s -> expressions(s).forEach(e -> calls(e, out::add)));
    return List.copyOf(out);
  }

  /** The expressions a statement evaluates itself (not those of the statements it holds). */
  static List<Expr> expressions(Stmt s) {
    return ExprChildren.of(s);
  }

  private static void calls(Expr e, Consumer<Expr.Call> visit) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    for (Expr child : ExprChildren.of(e)) {
      calls(child, visit);
    }
    if (e instanceof Expr.Call c) {
      visit.accept(c);
    }
  }
}
