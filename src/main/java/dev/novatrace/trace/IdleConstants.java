package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Constants that only code the deployment does not run gives as a value: Neutron's {@code
 * DEVICE_OWNER_DVR_INTERFACE}, which only the DVR router mixin gives a port (it returns it, or
 * passes it as the new owner), is only tested for elsewhere. Under the OVN router plugin, which
 * is not made of that mixin, no port holds it, so {@code port['device_owner'] ==
 * DEVICE_OWNER_DVR_INTERFACE} is false.
 *
 * <p>A constant ({@code UPPER_CASE}) is given where it is a value: assigned, returned, passed,
 * a dict's value. It is only tested where it is an operand of a comparison, an element of a
 * list, tuple or set (the owners a test or a query filter matches), a dict's key, or what is
 * subscripted or called. Code outside any function (a module's or a class's body) counts as
 * running. Constants are told apart by name, as the tree names them.
 */
final class IdleConstants {
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "in", "not in", "is",
      "is not", "<", ">", "<=", ">=");

  private final Resolver resolver;
  private final TraceProfile profile;
  /** Where each constant is given as a value (null: a module's or class's body); read once. */
  private Map<String, List<FunctionInfo>> givers;
  private final Map<String, Boolean> idle = new HashMap<>();

  IdleConstants(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
  }

  /** Whether {@code e} names a constant that some code gives, and none of it runs. */
  boolean neverHeld(Expr e) {
    String name = e instanceof Expr.Name n ? n.id()
        : e instanceof Expr.Attribute a ? a.attr() : null;
    if (name == null || !CONSTANT.matcher(name).matches()) {
      return false;
    }
    return idle.computeIfAbsent(name, k -> {
      List<FunctionInfo> where = givers().getOrDefault(k, List.of());
      return !where.isEmpty() && where.stream().allMatch(fn -> fn != null && !profile.runs(fn));
    });
  }

  private Map<String, List<FunctionInfo>> givers() {
    if (givers == null) {
      givers = new HashMap<>();
      for (ModuleInfo m : resolver.index().modules()) {
        StatementWalker.forEach(m.ast().body(), st -> statement(st, null));
        for (ClassInfo c : m.classes().values()) {
          StatementWalker.forEach(c.ast().body(), st -> statement(st, null));
        }
      }
      StatementWalker.eachFunction(resolver.index(), (fn, st) -> statement(st, fn));
    }
    return givers;
  }

  /** A statement's own expressions; an assignment's targets are not given values. */
  private void statement(Stmt st, FunctionInfo fn) {
    if (st instanceof Stmt.Assign a) {
      visit(a.value(), true, fn);
      return;
    }
    for (Expr e : ExprChildren.of(st)) {
      visit(e, !(st instanceof Stmt.If || st instanceof Stmt.While), fn);
    }
  }

  /** Records the constants {@code e} gives; {@code value}: whether {@code e} is a value given. */
  private void visit(Expr e, boolean value, FunctionInfo fn) {
    if (e instanceof Expr.Name || e instanceof Expr.Attribute && Names.dotted(e) != null) {
      String name = e instanceof Expr.Name n ? n.id() : ((Expr.Attribute) e).attr();
      if (value && CONSTANT.matcher(name).matches()) {
        givers.computeIfAbsent(name, k -> new ArrayList<>()).add(fn);
      }
      return;
    }
    if (e instanceof Expr.Operation op && COMPARISONS.contains(op.op())
        || e instanceof Expr.Sequence s && s.kind() != Expr.SeqKind.GENERATOR) {
      ExprChildren.of(e).forEach(x -> visit(x, false, fn));
    } else if (e instanceof Expr.Dict d) {
      d.keys().stream().filter(java.util.Objects::nonNull).forEach(k -> visit(k, false, fn));
      d.values().forEach(v -> visit(v, true, fn));
    } else if (e instanceof Expr.Call c) {
      visit(c.func(), false, fn);
      c.args().stream().map(Arg::value).forEach(a -> visit(a, true, fn));
    } else if (e instanceof Expr.Subscript s) {
      visit(s.value(), false, fn);
      visit(s.index(), false, fn);
    } else if (e instanceof Expr.IfExp i) {
      visit(i.test(), false, fn);
      visit(i.body(), value, fn);
      visit(i.orElse(), value, fn);
    } else {
      ExprChildren.of(e).forEach(x -> visit(x, value, fn));
    }
  }
}
