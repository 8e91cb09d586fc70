package dev.novatrace.workspace;

import dev.novatrace.config.Policies;
import dev.novatrace.config.Role;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.TraceProfile;
import dev.novatrace.trace.Value;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The caller an action's diagram assumes: the least privileged role its own policy admits (a
 * member for pause, an admin for migrate-live), as the REST handler's first policy check names
 * it. A check in a branch is one of alternatives ({@code migrate} or, given a host, {@code
 * migrate:host}): when only such checks are made, the least role any of them admits. An action
 * whose handler checks none is a project member's.
 */
final class ActionRole {
  /** Who calls an action whose handler names no policy of its own. */
  static final Role UNCHECKED = Role.MEMBER;

  private ActionRole() {}

  static Role of(FunctionInfo entry, TraceProfile profile, Resolver resolver, Policies policies) {
    return rule(entry, profile, resolver, policies).flatMap(policies::least).orElse(UNCHECKED);
  }

  /** How far into the functions the handler calls a check is looked for. */
  private static final int DEPTH = 3;

  /**
   * The rule that decides the role: the handler's own check, else the first check of the
   * functions it calls, in order, up to {@link #DEPTH} calls deep (Nova 22's delete checks in
   * its {@code _delete}, Cinder's show in its API's {@code get}); empty if none is found.
   */
  static Optional<String> rule(FunctionInfo entry, TraceProfile profile, Resolver resolver,
      Policies policies) {
    List<FunctionInfo> level = List.of(entry);
    java.util.Set<FunctionInfo> seen = new java.util.HashSet<>(level);
    for (int depth = 0; depth <= DEPTH && !level.isEmpty(); depth++) {
      List<FunctionInfo> next = new ArrayList<>();
      for (FunctionInfo fn : level) {
        Optional<String> r = own(fn, profile, resolver, policies);
        if (r.isPresent()) {
          return r;
        }
        callees(fn, resolver).stream().filter(seen::add).forEach(next::add);
      }
      level = next;
    }
    return Optional.empty();
  }

  /**
   * The functions of the tree a function calls: those it always calls first (Cinder's create
   * controller calls its API's create), then those in branches (a snapshot it reads if given
   * one), each in source order.
   */
  private static List<FunctionInfo> callees(FunctionInfo fn, Resolver resolver) {
    Scope scope = resolver.scopeOf(fn);
    List<FunctionInfo> always = new ArrayList<>();
    List<FunctionInfo> maybe = new ArrayList<>();
    walk(fn.ast().body(), true, (s, sure) -> ExprChildren.of(s).forEach(e -> calls(e, c -> {
      if (resolver.valueOf(c.func(), scope) instanceof Value.FunctionValue fv) {
        (sure ? always : maybe).add(fv.function());
      }
    })));
    always.addAll(maybe);
    return always;
  }

  /** Every statement, and whether it runs whenever the block does (with and try bodies do). */
  private static void walk(List<Stmt> body, boolean sure,
      java.util.function.BiConsumer<Stmt, Boolean> out) {
    for (Stmt s : body) {
      out.accept(s, sure);
      if (s instanceof Stmt.With w) {
        walk(w.body(), sure, out);
      } else if (s instanceof Stmt.Try t) {
        walk(t.body(), sure, out);
        t.handlers().forEach(h -> walk(h.body(), false, out));
        walk(t.orElse(), sure, out);
        walk(t.finalBody(), sure, out);
      } else {
        StatementWalker.children(s).forEach(b -> walk(b, false, out));
      }
    }
  }

  private static void calls(Expr e, java.util.function.Consumer<Expr.Call> out) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    ExprChildren.of(e).forEach(x -> calls(x, out));
    if (e instanceof Expr.Call c) {
      out.accept(c);
    }
  }

  /**
   * A function's own check: its first outside any branch, else of the checks in its branches
   * the one the least role passes.
   */
  private static Optional<String> own(FunctionInfo entry, TraceProfile profile,
      Resolver resolver, Policies policies) {
    Scope scope = resolver.scopeOf(entry);
    for (Stmt s : entry.ast().body()) {
      for (Expr e : ExprChildren.of(s)) {
        String r = first(e, profile, resolver, scope);
        if (r != null) {
          return Optional.of(r);
        }
      }
    }
    List<String> alternatives = new ArrayList<>();
    StatementWalker.forEach(entry.ast().body(), s -> ExprChildren.of(s).forEach(e -> {
      String r = first(e, profile, resolver, scope);
      if (r != null) {
        alternatives.add(r);
      }
    }));
    return alternatives.stream().filter(r -> policies.least(r).isPresent())
        .min(Comparator.comparing((String r) -> policies.least(r).orElseThrow()))
        .or(() -> alternatives.stream().findFirst());
  }

  private static String first(Expr e, TraceProfile profile, Resolver resolver, Scope scope) {
    if (e == null || e instanceof Expr.Lambda) {
      return null;
    }
    for (Expr child : ExprChildren.of(e)) {
      String inner = first(child, profile, resolver, scope);
      if (inner != null) {
        return inner;
      }
    }
    if (e instanceof Expr.Call c) {
      Optional<Expr> rule = profile.enforcedPolicy(c);
      if (rule.isPresent() && resolver.valueOf(rule.get(), scope) instanceof Value.StringValue s) {
        return s.value();
      }
    }
    return null;
  }
}
