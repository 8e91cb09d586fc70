package dev.novatrace.trace;

import static dev.novatrace.trace.Deployed.UNKNOWN;
import static dev.novatrace.trace.Deployed.constant;
import static dev.novatrace.trace.Deployed.same;
import static dev.novatrace.trace.Deployed.truthy;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Deployed.Known;
import dev.novatrace.trace.SettingReader.Env;
import dev.novatrace.trace.SettingTests.Callee;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a function of the tree returns where the deployment decides it, read through its body as
 * far as its decided tests let it run ({@code limit_utils.use_unified_limits()} returns a test
 * of {@code CONF.quota.driver}): for the {@link SettingReader}, which reads each value.
 */
final class DecidedReturns {
  private final SettingReader reader;
  private final Resolver resolver;
  private final FunctionLocals functionLocals = new FunctionLocals();

  DecidedReturns(SettingReader reader, Resolver resolver) {
    this.reader = reader;
    this.resolver = resolver;
  }

  /**
   * What a function of the tree returns, where the deployment decides it: each return its
   * decided tests let run gives the same value ({@code allowed = context.can(...); if allowed:
   * ...; return allowed}). Its parameters hold what the call passes them, or their defaults.
   */
  Deployed returned(Expr.Call c, Env env, int depth) {
    Callee callee = env.callee().apply(c);
    if (callee == null) {
      return UNKNOWN;
    }
    FunctionInfo fn = callee.function();
    Map<String, Deployed> params = new HashMap<>();
    List<Param> declared = fn.ast().params();
    for (int i = callee.offset(); i < declared.size(); i++) {
      if (declared.get(i).defaultValue() instanceof Expr.Constant k) {
        params.put(declared.get(i).name(), constant(k));
      }
    }
    Arguments.passed(declared, callee.offset(), c)
        .forEach((name, arg) -> params.put(name, reader.value(arg, env, depth)));
    declared.forEach(p -> params.putIfAbsent(p.name(), UNKNOWN));
    Scope scope = resolver == null ? null : resolver.scopeOf(fn);
    Function<Expr.Call, Callee> inner = scope == null ? x -> null : x -> calleeIn(x, scope);
    Map<String, Expr> locals = functionLocals.of(fn);
    Returns r = new Returns();
    Env body = new Env(fn.module(), scope, inner, locals::get, params, name -> null,
        new HashMap<>());
    if (returns(fn.ast().body(), body, depth + 1, r)) {
      r.values.add(new Known(null, List.of())); // falling off the end returns None
    }
    return r.result();
  }

  /** The function a call in {@code scope} runs, if the resolver finds one. */
  private Callee calleeIn(Expr.Call c, Scope scope) {
    return resolver.valueOf(c.func(), scope) instanceof Value.FunctionValue fv
        ? new Callee(fv.function(), fv.receiverOffset()) : null;
  }

  /** The values a function's returns give, as far as its decided tests let them run. */
  private static final class Returns {
    final List<Known> values = new ArrayList<>();
    final List<Assumed> decidedBy = new ArrayList<>();
    boolean unknown;

    Deployed result() {
      if (unknown || values.isEmpty()) {
        return UNKNOWN;
      }
      Object first = values.get(0).value();
      List<Assumed> from = new ArrayList<>(decidedBy);
      for (Known k : values) {
        if (!same(first, k.value())) {
          return UNKNOWN;
        }
        from.addAll(k.from());
      }
      return new Known(first, from);
    }
  }

  /**
   * Reads a block for its returns: true when its end can be reached. A loop, with or try that
   * holds a return is more than this reading follows.
   */
  private boolean returns(List<Stmt> body, Env env, int depth, Returns r) {
    for (Stmt s : body) {
      if (r.unknown) {
        return false;
      }
      if (s instanceof Stmt.Return ret) {
        Deployed v = ret.value() == null ? new Known(null, List.of())
            : reader.value(ret.value(), env, depth);
        if (v instanceof Known k) {
          r.values.add(k);
        } else {
          r.unknown = true;
        }
        return false;
      }
      if (s instanceof Stmt.Raise) {
        return false;
      }
      if (s instanceof Stmt.Assign a) {
        assign(a, env, depth);
      } else if (s instanceof Stmt.If i) {
        if (!branches(i, env, depth, r)) {
          return false;
        }
      } else if (s instanceof Stmt.Try t) {
        // The body is the path; a handler is a failure's (its returns are not this reading's).
        if (!returns(t.body(), env, depth, r) || !returns(t.orElse(), env, depth, r)
            || !returns(t.finalBody(), env, depth, r)) {
          return false;
        }
      } else if (s instanceof Stmt.With w) {
        if (!returns(w.body(), env, depth, r)) {
          return false;
        }
      } else if (!(s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef)) {
        if (holdsReturn(List.of(s))) {
          r.unknown = true;
          return false;
        }
        forget(s, env); // a loop's assignments may or may not run
      }
    }
    return true;
  }

  /** {@code name = value} and {@code a, b = pair} as the reading goes. */
  private void assign(Stmt.Assign a, Env env, int depth) {
    Deployed v = reader.value(a.value(), env, depth);
    for (Expr t : a.targets()) {
      if (t instanceof Expr.Name n) {
        env.assigned().put(n.id(), v);
      } else if (t instanceof Expr.Sequence seq && v instanceof Known k
          && k.value() instanceof List<?> items && items.size() == seq.elements().size()) {
        for (int i = 0; i < items.size(); i++) {
          if (seq.elements().get(i) instanceof Expr.Name n) {
            env.assigned().put(n.id(), new Known(items.get(i), k.from()));
          }
        }
      } else if (t instanceof Expr.Sequence seq) {
        seq.elements().forEach(x -> {
          if (x instanceof Expr.Name n) {
            env.assigned().put(n.id(), UNKNOWN);
          }
        });
      }
    }
  }

  /** An if in the reading: the branch a decided test takes, else both, names merged after. */
  private boolean branches(Stmt.If i, Env env, int depth, Returns r) {
    Deployed test = reader.value(i.test(), env, depth);
    if (test instanceof Known k) {
      r.decidedBy.addAll(k.from());
      return returns(truthy(k.value()) ? i.body() : i.orElse(), env, depth, r);
    }
    Env first = copy(env);
    Env second = copy(env);
    boolean body1 = returns(i.body(), first, depth, r);
    boolean body2 = returns(i.orElse(), second, depth, r);
    if (!body1 && !body2) {
      return false;
    }
    Map<String, Deployed> joined = body1 && body2 ? join(first.assigned(), second.assigned())
        : body1 ? first.assigned() : second.assigned();
    env.assigned().clear();
    env.assigned().putAll(joined);
    return true;
  }

  private static Env copy(Env env) {
    return new Env(env.module(), env.scope(), env.callee(), env.locals(), env.params(),
        env.literals(), new HashMap<>(env.assigned()));
  }

  /** What two branches leave: a name both bind the same holds it, else nothing known. */
  private static Map<String, Deployed> join(Map<String, Deployed> a, Map<String, Deployed> b) {
    Map<String, Deployed> out = new HashMap<>();
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    for (String n : names) {
      Deployed x = a.get(n);
      Deployed y = b.get(n);
      out.put(n, x instanceof Known kx && y instanceof Known ky && same(kx.value(), ky.value())
          ? x : UNKNOWN);
    }
    return out;
  }

  /** Names a statement may bind, unknown after it. */
  private static void forget(Stmt s, Env env) {
    dev.novatrace.index.StatementWalker.forEach(List.of(s), st -> {
      if (st instanceof Stmt.Assign a) {
        a.targets().forEach(t -> {
          if (t instanceof Expr.Name n) {
            env.assigned().put(n.id(), UNKNOWN);
          }
        });
      } else if (st instanceof Stmt.AugAssign a && a.target() instanceof Expr.Name n) {
        env.assigned().put(n.id(), UNKNOWN);
      } else if (st instanceof Stmt.For f && f.target() instanceof Expr.Name n) {
        env.assigned().put(n.id(), UNKNOWN);
      }
    });
  }

  private static boolean holdsReturn(List<Stmt> body) {
    return body.stream().anyMatch(s -> s instanceof Stmt.Return
        || dev.novatrace.index.StatementWalker.children(s).stream().anyMatch(DecidedReturns::holdsReturn));
  }
}
