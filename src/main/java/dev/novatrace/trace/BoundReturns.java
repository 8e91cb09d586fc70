package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a function returns for the literals one call binds, read through its body: Neutron's
 * {@code create_port_changed_event('create_port', ...)} returns None, as neither list of
 * actions it tests names {@code create_port}, so the caller's {@code if not event: return}
 * holds. A test the bound literals decide takes its branch, a local assigned a literal holds it
 * until assigned again, a handler is the way the function fails (its returns are not read), and
 * falling off the end returns None. Known only where every return reached gives the same
 * literal; a function with no return of its own, a generator, or one a decorator may wrap is
 * not read.
 */
final class BoundReturns {
  /** Calls read inside calls: a guard, as a test may read a local another call returned. */
  private static final int MAX_DEPTH = 2;
  private static final Set<String> PLAIN_DECORATORS = Set.of("staticmethod", "classmethod");

  private final LiteralFlags flags;
  private final Resolver resolver;
  private int depth;
  /** What a function returns for the literals bound, read at the top level (a trace's hot path). */
  private final Map<List<Object>, Optional<String>> memo = new HashMap<>();
  /** Whether a function is one this reading reads at all. */
  private final Map<FunctionInfo, Boolean> readable = new HashMap<>();

  BoundReturns(LiteralFlags flags, Resolver resolver) {
    this.flags = flags;
    this.resolver = resolver;
  }

  /** The literal's text {@code fv} returns when {@code c} calls it from {@code cx}, if known. */
  Optional<String> of(Value.FunctionValue fv, Expr.Call c, CallContext cx) {
    FunctionInfo fn = fv.function();
    if (depth >= MAX_DEPTH || !readable.computeIfAbsent(fn, BoundReturns::readable)) {
      return Optional.empty();
    }
    Scope scope = resolver.scopeOf(fn);
    // What the call binds: the literal each parameter gets, or null.
    Map<String, String> bound = new HashMap<>();
    List<Param> params = fn.ast().params();
    Arguments.defaults(params, fv.receiverOffset(), c).forEach((name, d) ->
        bound.put(name, LiteralFlags.fixed(Literals.of(d, Map.of(), scope, fn.module().ast()))));
    Arguments.passed(params, fv.receiverOffset(), c, cx.scope()).forEach((name, arg) -> {
      bound.put(name, LiteralFlags.fixed(
          Literals.of(arg, cx.literals(), cx.scope(), cx.function().module().ast())));
      if (arg instanceof Expr.Name n) {
        // The fields the caller knows of the object it passes (row.up) are the parameter's.
        cx.literals().forEach((k, v) -> {
          if (k.startsWith(n.id() + ".") && v != null) {
            bound.put(name + k.substring(n.id().length()), v);
          }
        });
      }
    });
    List<Object> key = java.util.Arrays.asList(fn, new java.util.TreeMap<>(bound));
    Optional<String> known = memo.get(key);
    if (known != null) {
      return known;
    }
    Optional<String> read = read(fn, scope, bound, cx.participant());
    if (depth == 0) {
      memo.put(key, read); // a nested reading may stop short at the depth guard
    }
    return read;
  }

  private Optional<String> read(FunctionInfo fn, Scope scope, Map<String, String> bound,
      String participant) {
    Reading r = new Reading(fn, scope, participant);
    // Every name the function binds is unknown until the reading binds it.
    FunctionLocals.boundIn(fn.ast().body()).forEach(name -> r.truths.put(name, null));
    bound.forEach(r::bind);
    depth++;
    try {
      if (read(fn.ast().body(), r)) {
        r.returned.add("None"); // falling off the end
      }
    } finally {
      depth--;
    }
    if (r.unknown || r.returned.isEmpty() || r.returned.stream().distinct().count() > 1) {
      return Optional.empty();
    }
    return Optional.of(r.returned.get(0));
  }

  /** A function that returns by its own statements, neither a generator nor wrapped. */
  private static boolean readable(FunctionInfo fn) {
    if (fn.ast().decorators().stream().anyMatch(d ->
        !(d instanceof Expr.Name n && PLAIN_DECORATORS.contains(n.id())))) {
      return false;
    }
    boolean[] returns = {false};
    boolean[] yields = {false};
    StatementWalker.forEach(fn.ast().body(), s -> {
      returns[0] |= s instanceof Stmt.Return;
      yields[0] |= ExprChildren.of(s).stream().anyMatch(BoundReturns::yields);
    });
    return returns[0] && !yields[0];
  }

  private static boolean yields(Expr e) {
    return e instanceof Expr.Yield || ExprChildren.of(e).stream().anyMatch(BoundReturns::yields);
  }

  /** Reads a block for its returns: true when its end can be reached. */
  private boolean read(List<Stmt> body, Reading r) {
    for (Stmt s : body) {
      if (r.unknown) {
        return false;
      }
      if (s instanceof Stmt.Return ret) {
        String text = ret.value() == null ? "None" : r.literal(ret.value());
        if (text == null && ret.value() instanceof Expr.Operation op) {
          text = r.compared(op); // return lsp.up == [True]
        }
        if (text == null && ret.value() instanceof Expr.Operation test) {
          // return not (value is None or ...), on the values bound: the test's truth.
          Boolean truth = flags.truth(test, r.context());
          text = truth == null ? null : truth ? "True" : "False";
        }
        if (text == null) {
          r.unknown = true;
        } else {
          r.returned.add(text);
        }
        return false;
      }
      if (s instanceof Stmt.Raise) {
        return false;
      }
      if (!step(s, r)) {
        return false;
      }
    }
    return true;
  }

  /** One statement other than a return or raise: true when the reading goes on after it. */
  private boolean step(Stmt s, Reading r) {
    if (s instanceof Stmt.Assign a && a.targets().size() == 1
        && a.targets().get(0) instanceof Expr.Name n) {
      r.bind(n.id(), r.literal(a.value()));
      return true;
    }
    if (s instanceof Stmt.If i) {
      return branches(i, r);
    }
    if (s instanceof Stmt.Try t) {
      // The body is the path; a handler is a failure's.
      return read(t.body(), r) && read(t.orElse(), r) && read(t.finalBody(), r);
    }
    if (s instanceof Stmt.With w) {
      w.items().forEach(item -> forget(item.target(), r));
      return read(w.body(), r);
    }
    if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef) {
      return true;
    }
    boolean[] holdsReturn = {false};
    StatementWalker.forEach(List.of(s), st -> holdsReturn[0] |= st instanceof Stmt.Return);
    if (holdsReturn[0]) {
      r.unknown = true; // a loop's return is more than this reading follows
      return false;
    }
    FunctionLocals.boundIn(List.of(s)).forEach(name -> r.bind(name, null));
    return true;
  }

  private static void forget(Expr target, Reading r) {
    if (target != null) {
      Set<String> names = new HashSet<>();
      FunctionLocals.names(target, names);
      names.forEach(name -> r.bind(name, null));
    }
  }

  /** An if: the branch a decided test takes, else both, what both leave the same kept after. */
  private boolean branches(Stmt.If i, Reading r) {
    Boolean test = flags.truth(i.test(), r.context());
    if (test != null) {
      return read(test ? i.body() : i.orElse(), r);
    }
    Reading first = r.copy();
    Reading second = r.copy();
    boolean end1 = read(i.body(), first);
    boolean end2 = read(i.orElse(), second);
    r.returned.addAll(first.returned);
    r.returned.addAll(second.returned);
    r.unknown |= first.unknown || second.unknown;
    if (!end1 && !end2) {
      return false;
    }
    r.join(end1 ? first : null, end2 ? second : null);
    return true;
  }

  /** Where the reading is: the literals and truths its names hold, and what was returned. */
  private static final class Reading {
    final FunctionInfo fn;
    final Scope scope;
    final String participant;
    /** Names bound to a literal's text. */
    final Map<String, String> literals = new HashMap<>();
    /** The truth of each name the function binds; null where not known. */
    final Map<String, Boolean> truths = new HashMap<>();
    final List<String> returned = new ArrayList<>();
    boolean unknown;

    Reading(FunctionInfo fn, Scope scope, String participant) {
      this.fn = fn;
      this.scope = scope;
      this.participant = participant;
    }

    /** {@code name} bound to the literal {@code text}, or to something not known (null). */
    void bind(String name, String text) {
      if (name.contains(".") && text != null) {
        literals.put(name, text); // a field of a parameter (lsp.up): read, never assigned here
        return;
      }
      String fixed = LiteralFlags.fixed(text);
      if (fixed == null) {
        literals.remove(name);
        truths.put(name, null);
      } else {
        literals.put(name, fixed);
        truths.put(name, !Literals.isFalsy(fixed));
      }
    }

    String literal(Expr e) {
      return LiteralFlags.fixed(Literals.of(e, literals, scope, fn.module().ast()));
    }

    /**
     * {@code a == b} or {@code a != b} of two literals known here, values or lists of them
     * ({@code [] == [True]}): "True" or "False"; else null.
     */
    String compared(Expr.Operation op) {
      if (op.operands().size() != 2 || !op.op().equals("==") && !op.op().equals("!=")) {
        return null;
      }
      String left = Literals.of(op.operands().get(0), literals, scope, fn.module().ast());
      String right = Literals.of(op.operands().get(1), literals, scope, fn.module().ast());
      if (!Literals.isValueOrList(left) || !Literals.isValueOrList(right)) {
        return null;
      }
      return left.equals(right) == op.op().equals("==") ? "True" : "False";
    }

    /** The context the flags read a test in: every name of the function is one it knows. */
    CallContext context() {
      return new CallContext(fn, scope, participant, truths, Map.of(), literals, attr -> null,
          Map.of());
    }

    Reading copy() {
      Reading c = new Reading(fn, scope, participant);
      c.literals.putAll(literals);
      c.truths.putAll(truths);
      return c;
    }

    /** What the branches that reach their end leave (null: one that does not). */
    void join(Reading a, Reading b) {
      if (a == null || b == null) {
        Reading only = a == null ? b : a;
        literals.clear();
        literals.putAll(only.literals);
        truths.clear();
        truths.putAll(only.truths);
        return;
      }
      literals.clear();
      a.literals.forEach((name, text) -> {
        if (text.equals(b.literals.get(name))) {
          literals.put(name, text);
        }
      });
      truths.clear();
      a.truths.forEach((name, v) -> truths.put(name,
          v != null && v.equals(b.truths.get(name)) ? v : null));
      b.truths.keySet().forEach(name -> truths.putIfAbsent(name, null));
    }
  }
}
