package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.CallSites;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an OVSDB row event's {@code match_fn} requires of the row a write makes, read from the
 * code: a key in one of its map columns ({@code return ovn_const.OVN_PORT_NAME_EXT_ID_KEY in
 * row.external_ids}, Neutron's {@code LogicalSwitchPortEvent} since 2023). A write that passes
 * that column as a dict display without the key (a provider network's localnet port,
 * {@code external_ids={OVN_PHYSNET_EXT_ID_KEY: physnet}}) makes a row the event never sees.
 */
final class RowMatches {
  /** {@code key in row.column}. */
  record Requirement(String column, String key) {}

  private final List<Requirement> required;
  private final Resolver resolver;

  private RowMatches(List<Requirement> required, Resolver resolver) {
    this.required = List.copyOf(required);
    this.resolver = resolver;
  }

  /** What the {@code match_fn}s of {@code event} and its bases require, in that order. */
  static RowMatches of(ClassInfo event, Resolver resolver) {
    List<Requirement> out = new ArrayList<>();
    for (ClassInfo c : resolver.mro(event)) {
      FunctionInfo match = c.methods().get("match_fn");
      if (match != null) {
        Scope scope = resolver.scopeOf(match);
        String row = match.ast().params().size() > 2 ? match.ast().params().get(2).name() : null;
        match.ast().body().forEach(st -> required(st, row, scope, resolver).ifPresent(out::add));
      }
    }
    return new RowMatches(out, resolver);
  }

  List<Requirement> required() {
    return required;
  }

  /**
   * Whether a message can make a row the event matches: false only where every call in its
   * function that the message stands for hands a required column a dict display lacking the
   * key.
   */
  Predicate<Step.Message> fires() {
    return m -> {
      if (required.isEmpty()) {
        return true;
      }
      List<CallSites.Site> calls = calls(m);
      return !calls.isEmpty() && !calls.stream().allMatch(this::lacksARequiredKey);
    };
  }

  /**
   * {@code return KEY in row.column} ending the function, or {@code if KEY not in row.column:
   * return False}: a test the row must pass.
   */
  private static Optional<Requirement> required(Stmt st, String row, Scope scope,
      Resolver resolver) {
    Expr.Operation op = null;
    if (st instanceof Stmt.Return r && r.value() instanceof Expr.Operation in
        && in.op().equals("in")) {
      op = in;
    } else if (st instanceof Stmt.If i && i.orElse().isEmpty() && i.body().size() == 1
        && i.body().get(0) instanceof Stmt.Return r && r.value() instanceof Expr.Constant c
        && c.kind() == Expr.ConstKind.FALSE && i.test() instanceof Expr.Operation notIn
        && notIn.op().equals("not in")) {
      op = notIn;
    }
    if (op == null || op.operands().size() != 2 || row == null
        || !(op.operands().get(1) instanceof Expr.Attribute column)
        || !(column.value() instanceof Expr.Name n) || !n.id().equals(row)
        || !(resolver.valueOf(op.operands().get(0), scope) instanceof Value.StringValue key)) {
      return Optional.empty();
    }
    return Optional.of(new Requirement(column.attr(), key.value()));
  }

  /** The calls {@code m} stands for: those in its function of the method it is labelled. */
  private List<CallSites.Site> calls(Step.Message m) {
    List<CallSites.Site> out = new ArrayList<>();
    resolver.index().functionDefinedAt(m.origin().path(), m.origin().line()).ifPresent(fn ->
        CallSites.inFunction(resolver, fn, site -> {
          if (site.call().func() instanceof Expr.Attribute a && a.attr().equals(m.label())) {
            out.add(site);
          }
        }));
    return out;
  }

  private boolean lacksARequiredKey(CallSites.Site f) {
    for (Requirement r : required) {
      for (Arg a : f.call().args()) {
        if (a.kind() == Arg.Kind.KEYWORD && r.column().equals(a.keyword())
            && a.value() instanceof Expr.Dict d && !holds(d, r.key(), f.scope())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a dict display may hold {@code key}: a key it cannot read may be it. */
  private boolean holds(Expr.Dict d, String key, Scope scope) {
    for (Expr k : d.keys()) {
      if (k == null || !(resolver.valueOf(k, scope) instanceof Value.StringValue s)
          || s.value().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
