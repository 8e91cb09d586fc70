package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state fields a database call writes inside the function it calls, where the caller does
 * not pass them: Cinder's {@code db.volume_attached(ctx, id, ..., mark_attached=False)} sets
 * the volume's status and the attachment's attach_status to 'attaching' from its own locals,
 * and {@code attachment.finish_attach(...)} calls it with the default, 'in-use' and 'attached'.
 *
 * <p>The function is read as it runs with the caller's literal arguments and its own defaults:
 * locals bound to constants, tests they decide (the other branch is not taken), a field written
 * by subscript ({@code volume_ref['status'] = volume_status}) or on self, a dict of values
 * handed to {@code update(...)} or to a method that writes its values dict (a conditional
 * update), a record constructed with a state field, and the functions it calls that do the
 * same, two calls deep. A write the walk cannot tell the value of, or that
 * only a test it cannot decide reaches, is not said. Failure handlers are not read.
 */
final class InternalWrites {
  private static final Object UNKNOWN = new Object();
  private static final Object NONE = new Object();
  /** Calls followed below the called function: an object method, then its db API function. */
  private static final int DEPTH = 2;

  private final Resolver resolver;
  private final Predicate<String> stateField;
  /** Where a method takes the dict of values it writes ({@link TraceProfile#valuesArgument}). */
  private final java.util.function.Function<String, java.util.OptionalInt> valuesArgument;

  InternalWrites(Resolver resolver, Predicate<String> stateField,
      java.util.function.Function<String, java.util.OptionalInt> valuesArgument) {
    this.resolver = resolver;
    this.stateField = stateField;
    this.valuesArgument = valuesArgument;
  }

  /** The state fields {@code fn}, called by {@code call} in {@code caller}, writes, in order. */
  List<Step.Field> of(FunctionInfo fn, Expr.Call call, Scope caller) {
    LinkedHashMap<String, Object> written = new LinkedHashMap<>();
    run(fn, call, caller, Map.of(), written, 0);
    List<Step.Field> out = new ArrayList<>();
    written.forEach((name, value) -> {
      if (value instanceof String s) {
        out.add(new Step.Field(name, "'" + s + "'", false));
      }
    });
    return out;
  }

  private void run(FunctionInfo fn, Expr.Call call, Scope caller, Map<String, Object> callerEnv,
      Map<String, Object> written, int depth) {
    Scope scope = resolver.scopeOf(fn);
    new Walk(scope, bind(fn, call, caller, callerEnv), written, depth)
        .body(fn.ast().body(), true);
  }

  /** The parameters' values: the caller's literal arguments, else the defaults. */
  private Map<String, Object> bind(FunctionInfo fn, Expr.Call call, Scope caller,
      Map<String, Object> callerEnv) {
    List<Param> params = fn.ast().params();
    int first = fn.owner() != null && !params.isEmpty() ? 1 : 0;
    Map<String, Object> env = new HashMap<>();
    boolean starred = call.args().stream()
        .anyMatch(a -> a.kind() == Arg.Kind.STAR || a.kind() == Arg.Kind.DOUBLE_STAR);
    int i = first;
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.POSITIONAL && i < params.size()) {
        env.put(params.get(i++).name(), constant(a.value(), caller, callerEnv));
      } else if (a.kind() == Arg.Kind.KEYWORD) {
        env.put(a.keyword(), constant(a.value(), caller, callerEnv));
      }
    }
    Scope own = resolver.scopeOf(fn);
    for (Param p : params.subList(first, params.size())) {
      if (!env.containsKey(p.name())) {
        env.put(p.name(), starred || p.defaultValue() == null ? UNKNOWN
            : constant(p.defaultValue(), own, Map.of()));
      }
    }
    return env;
  }

  /** A literal's value: a string, a boolean, None, or UNKNOWN. */
  private Object constant(Expr e, Scope scope, Map<String, Object> env) {
    if (e instanceof Expr.Constant c) {
      return switch (c.kind()) {
        case STRING -> c.value();
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        case NONE -> NONE;
        default -> UNKNOWN;
      };
    }
    if (e instanceof Expr.Name n) {
      return env.getOrDefault(n.id(), UNKNOWN);
    }
    if (e instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      Object v = truth(constant(op.operands().get(0), scope, env));
      return v instanceof Boolean b ? !b : UNKNOWN;
    }
    if (e instanceof Expr.Attribute && resolver.valueOf(e, scope) instanceof Value.StringValue s
        && !s.value().contains("...")) {
      return s.value(); // fields.VolumeAttachStatus.ATTACHED
    }
    return UNKNOWN;
  }

  private static Object truth(Object v) {
    if (v instanceof Boolean) {
      return v;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return v == NONE ? Boolean.FALSE : UNKNOWN;
  }

  /** One function's statements, read in order. */
  private final class Walk {
    private final Scope scope;
    private final Map<String, Object> env;
    private final Map<String, Object> written;
    private final int depth;
    /** Dicts bound to locals, written when handed to update(...). */
    private final Map<String, Expr.Dict> dicts = new HashMap<>();

    Walk(Scope scope, Map<String, Object> env, Map<String, Object> written, int depth) {
      this.scope = scope;
      this.env = env;
      this.written = written;
      this.depth = depth;
    }

    /** False once the walk stopped at a return (the rest does not run). */
    boolean body(List<Stmt> body, boolean sure) {
      for (Stmt s : body) {
        if (!statement(s, sure)) {
          return false;
        }
      }
      return true;
    }

    private boolean statement(Stmt s, boolean sure) {
      if (s instanceof Stmt.Assign a) {
        assign(a, sure);
      } else if (s instanceof Stmt.ExprStmt e) {
        call(e.value(), sure);
      } else if (s instanceof Stmt.If i) {
        Object t = truth(constant(i.test(), scope, env));
        if (t instanceof Boolean b) {
          return body(b ? i.body() : i.orElse(), sure);
        }
        body(i.body(), false);
        body(i.orElse(), false);
      } else if (s instanceof Stmt.With w) {
        return body(w.body(), sure);
      } else if (s instanceof Stmt.Try t) {
        return body(t.body(), sure) && body(t.orElse(), sure) && body(t.finalBody(), sure);
      } else if (s instanceof Stmt.For f) {
        body(f.body(), false);
      } else if (s instanceof Stmt.While w) {
        body(w.body(), false);
      } else if (s instanceof Stmt.Return r) {
        if (r.value() != null) {
          call(r.value(), sure);
        }
        return !sure;
      } else if (s instanceof Stmt.Raise) {
        return !sure;
      }
      return true;
    }

    private void assign(Stmt.Assign a, boolean sure) {
      call(a.value(), sure);
      Object value = constant(a.value(), scope, env);
      for (Expr target : a.targets()) {
        if (target instanceof Expr.Name n) {
          env.put(n.id(), sure ? value : UNKNOWN);
          if (a.value() instanceof Expr.Dict d) {
            dicts.put(n.id(), d);
          }
        } else if (target instanceof Expr.Subscript sub
            && Names.string(sub.index()) != null) {
          String field = Names.string(sub.index());
          write(field, value, sure);
        } else if (target instanceof Expr.Attribute at && at.value() instanceof Expr.Name self
            && self.id().equals(scope.selfName())) {
          write(at.attr(), value, sure);
        }
      }
    }

    private void write(String field, Object value, boolean sure) {
      if (stateField.test(field)) {
        written.put(field, sure ? value : UNKNOWN);
      }
    }

    /**
     * The dict of values a call writes: the one argument of {@code update(...)}, or where the
     * profile says the method takes one; null for any other call.
     */
    private Expr valuesPassed(Expr.Call c) {
      if (c.func() instanceof Expr.Attribute at && at.attr().equals("update")
          && c.args().size() == 1) {
        return c.args().get(0).value();
      }
      String method = Names.simpleName(c.func());
      java.util.OptionalInt at = method == null ? java.util.OptionalInt.empty()
          : valuesArgument.apply(method);
      return at.isPresent() && at.getAsInt() < c.args().size()
          && c.args().get(at.getAsInt()).kind() == Arg.Kind.POSITIONAL
          ? c.args().get(at.getAsInt()).value() : null;
    }

    /** A call's writes: a dict handed to update, a record built, a function followed. */
    private void call(Expr e, boolean sure) {
      if (!(e instanceof Expr.Call c)) {
        return;
      }
      Expr passed = valuesPassed(c);
      Expr.Dict d = passed instanceof Expr.Dict dict ? dict
          : passed instanceof Expr.Name n ? dicts.get(n.id()) : null;
      if (d != null) {
        // obj.update(values); self.conditional_update({'status': new_status}, ...) in
        // update_single_status_where.
        for (int i = 0; i < d.keys().size(); i++) {
          String field = Names.string(d.keys().get(i));
          if (field != null) {
            write(field, constant(d.values().get(i), scope, env), sure);
          }
        }
        return;
      }
      if (c.func() instanceof Expr.Attribute at && at.attr().equals("update")) {
        return; // a dict update whose dict is not known here
      }
      Value callee = resolver.valueOf(c.func(), scope);
      if (callee instanceof Value.ClassValue) {
        for (Arg a : c.args()) {
          if (a.kind() == Arg.Kind.KEYWORD) {
            write(a.keyword(), constant(a.value(), scope, env), sure);
          }
        }
      } else if (callee instanceof Value.FunctionValue fv && depth < DEPTH) {
        Map<String, Object> inner = new LinkedHashMap<>();
        run(fv.function(), c, scope, env, inner, depth + 1);
        inner.forEach((field, value) -> written.put(field, sure ? value : UNKNOWN));
      }
    }
  }
}
