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

  /**
   * The rule that decides the role: the handler's first policy check outside any branch, else
   * of the checks in its branches the one the least role passes; empty if it makes none the
   * tree resolves.
   */
  static Optional<String> rule(FunctionInfo entry, TraceProfile profile, Resolver resolver,
      Policies policies) {
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
