package dev.novatrace.trace;

import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calls a tracer could not resolve, kept as found and said only when asked (--explain):
 * what is said quotes the callee's source, which on a chain of calls ({@code a.m0().m1()...})
 * is as long as the chain, so saying it at every link made a trace quadratic in the chain
 * (5,000 links: 50 s, where the trace itself takes 2).
 */
final class UnresolvedCalls {

  /** A call of a module, and why it was not resolved. */
  private record Found(ModuleInfo module, Expr.Call call, CallSite.Unresolved.Why why) {
    /** {@code path:line: callee: why}. */
    String said() {
      return module.path() + ":" + call.pos().line() + ": " + text(call.func()) + ": " + reason();
    }

    private String reason() {
      return switch (why) {
        case UNKNOWN_TYPE -> "type of '" + text(receiver()) + "' unknown";
        case NO_ATTRIBUTE -> "'" + text(receiver()) + "' has no attribute '"
            + ((Expr.Attribute) call.func()).attr() + "' in the tree";
        case NOT_DEFINED -> "not defined in the tree (builtin or external)";
        case COMPUTED -> "callee is computed";
      };
    }

    private Expr receiver() {
      return ((Expr.Attribute) call.func()).value();
    }

    private String text(Expr e) {
      return ConstText.shorten(module.ast().text(e.pos()));
    }
  }

  /** By call node (a trace meets a call again on every route through it), each reason once. */
  private final Map<Expr.Call, List<Found>> found = new IdentityHashMap<>();

  void add(ModuleInfo module, Expr.Call call, CallSite.Unresolved.Why why) {
    List<Found> at = found.computeIfAbsent(call, c -> new ArrayList<>(1));
    if (at.stream().noneMatch(f -> f.why() == why && f.module() == module)) {
      at.add(new Found(module, call, why));
    }
  }

  /** Every call, as {@code path:line: callee: why}, sorted. */
  Set<String> said() {
    Set<String> out = new TreeSet<>();
    found.values().forEach(at -> at.forEach(f -> out.add(f.said())));
    return out;
  }
}
