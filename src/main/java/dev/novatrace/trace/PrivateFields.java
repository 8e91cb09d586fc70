package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A private attribute of another object that holds None wherever it is read, because every
 * write of it the deployment runs writes None: ML2's {@code bind_context._new_port_status} is
 * None in {@code PortContext.__init__} and takes {@code set_binding}'s {@code status=None},
 * which no mechanism driver the deployment loads passes (only SR-IOV's does). So a test of it
 * is false.
 *
 * <p>Only private attributes ({@code _name}): by Python's convention only their own class and
 * its friends write them, so the writes found by name are all of them (a public field may be
 * set by a constructor's keywords). Every class's {@code self._name = v}, its class body's
 * {@code _name = v} and any {@code obj._name = v} elsewhere count, each unless the profile says
 * its function never runs; a value is None when it is the literal None or a parameter
 * defaulting to None that no running call of its method passes.
 */
final class PrivateFields {
  private final Resolver resolver;
  private final TraceProfile profile;
  private final Map<String, Boolean> none = new HashMap<>();
  /** {@code obj._name = v} outside {@code self}, by name: read once, when first asked. */
  private Map<String, List<Write>> foreign;
  /** {@code self._name.append(v)}, by name: read once, when first asked. */
  private Map<String, List<Write>> appended;
  /** Calls {@code x.name(...)}, by the method's name: read once, when first asked. */
  private Map<String, List<Call>> calls;

  /** A value written, and the function that writes it (null: a class body). */
  record Write(Expr value, FunctionInfo in) {}

  /** A call, and the function that makes it. */
  record Call(Expr.Call call, FunctionInfo in) {}

  PrivateFields(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
  }

  /** Whether {@code obj.attr}, for any object, holds None on every running path. */
  boolean alwaysNone(String attr) {
    if (!attr.startsWith("_") || attr.startsWith("__")) {
      return false;
    }
    return none.computeIfAbsent(attr, this::writesNone);
  }

  private boolean writesNone(String attr) {
    List<Write> writes = new ArrayList<>(foreign().getOrDefault(attr, List.of()));
    for (ModuleInfo m : resolver.index().modules()) {
      for (ClassInfo c : m.classes().values()) {
        if (c.classAttribute(attr) != null) {
          writes.add(new Write(c.classAttribute(attr), null));
        }
      }
    }
    writes.addAll(selfWrites(attr));
    boolean any = false;
    for (Write w : writes) {
      if (w.in() != null && !profile.runs(w.in())) {
        continue;
      }
      if (!isNone(w)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** What every class's running methods assign to {@code self.attr}. */
  List<Write> selfWrites(String attr) {
    List<Write> out = new ArrayList<>();
    for (ModuleInfo m : resolver.index().modules()) {
      for (ClassInfo c : m.classes().values()) {
        c.attribute(attr).stream().filter(a -> profile.runs(a.method()))
            .forEach(a -> out.add(new Write(a.value(), a.method())));
      }
    }
    return out;
  }

  private boolean isNone(Write w) {
    if (w.value() instanceof Expr.Constant c) {
      return c.kind() == Expr.ConstKind.NONE;
    }
    if (w.in() == null || w.in().owner() == null) {
      return false;
    }
    int at = parameter(w.in(), w.value());
    Param p = at < 0 ? null : w.in().ast().params().get(at);
    return p != null && p.defaultValue() instanceof Expr.Constant d
        && d.kind() == Expr.ConstKind.NONE && p.kind() == Param.Kind.NORMAL
        && neverPassed(w.in().name(), p.name(), at - 1);
  }

  /** The index of the method parameter (after self) {@code e} names, or -1. */
  static int parameter(FunctionInfo fn, Expr e) {
    List<Param> params = fn.ast().params();
    for (int i = 1; i < params.size() && e instanceof Expr.Name n; i++) {
      if (params.get(i).name().equals(n.id())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether no running call {@code x.method(...)} passes the parameter {@code name}, the
   * {@code position}th after {@code self}: by keyword, by position, or in a star argument.
   */
  private boolean neverPassed(String method, String name, int position) {
    return callsOf(method).stream().noneMatch(c -> Arg.passed(c.call().args(), position, name)
        != null || c.call().args().stream().anyMatch(a -> a.kind() == Arg.Kind.STAR
            || a.kind() == Arg.Kind.DOUBLE_STAR));
  }

  /**
   * What running code appends to a private list attribute of its own object ({@code
   * self._binding_levels.append(binding_level)}), each value where it is written.
   */
  List<Write> appendedTo(String attr) {
    if (appended == null) {
      appended = new HashMap<>();
      StatementWalker.eachFunction(resolver.index(), (fn, st) -> {
        if (st instanceof Stmt.ExprStmt x && x.value() instanceof Expr.Call c
            && c.func() instanceof Expr.Attribute add && add.attr().equals("append")
            && add.value() instanceof Expr.Attribute field && field.attr().startsWith("_")
            && field.value() instanceof Expr.Name self && self.id().equals("self")
            && c.args().size() == 1) {
          appended.computeIfAbsent(field.attr(), k -> new ArrayList<>())
              .add(new Write(c.args().get(0).value(), fn));
        }
      });
    }
    return appended.getOrDefault(attr, List.of()).stream()
        .filter(w -> profile.runs(w.in())).toList();
  }

  /** The running calls {@code x.method(...)} of the tree. */
  List<Call> callsOf(String method) {
    return calls().getOrDefault(method, List.of()).stream()
        .filter(c -> profile.runs(c.in())).toList();
  }

  private Map<String, List<Write>> foreign() {
    if (foreign == null) {
      foreign = new HashMap<>();
      StatementWalker.eachFunction(resolver.index(), (fn, st) -> {
        if (st instanceof Stmt.Assign a) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Attribute at && at.attr().startsWith("_")
                && !(at.value() instanceof Expr.Name self && self.id().equals("self"))) {
              foreign.computeIfAbsent(at.attr(), k -> new ArrayList<>())
                  .add(new Write(a.value(), fn));
            }
          }
        }
      });
    }
    return foreign;
  }

  private Map<String, List<Call>> calls() {
    if (calls == null) {
      calls = new HashMap<>();
      StatementWalker.eachFunction(resolver.index(), (fn, st) -> ExprChildren.of(st).forEach(e -> collect(e, fn)));
    }
    return calls;
  }

  private void collect(Expr e, FunctionInfo fn) {
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a) {
      calls.computeIfAbsent(a.attr(), k -> new ArrayList<>()).add(new Call(c, fn));
    }
    ExprChildren.of(e).forEach(child -> collect(child, fn));
  }
}
