package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Questions about the calls a body makes, answered from its code alone. */
final class Calls {
  private Calls() {}

  /** Whether the body calls {@code name(...)} in a statement, a return or an assignment. */
  static boolean callsName(List<Stmt> body, String name) {
    boolean[] found = {false};
    StatementWalker.forEach(body, s -> {
      Expr e = s instanceof Stmt.ExprStmt x ? x.value()
          : s instanceof Stmt.Assign a ? a.value()
          : s instanceof Stmt.Return r ? r.value() : null;
      found[0] |= e != null && calls(e, name);
    });
    return found[0];
  }

  private static boolean calls(Expr e, String name) {
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals(name)) {
      return true;
    }
    for (Expr child : ExprChildren.of(e)) {
      if (child != null && calls(child, name)) {
        return true;
      }
    }
    return false;
  }

  /** The calls a statement makes in its expressions and those of the blocks inside it. */
  static List<Expr.Call> callsIn(Stmt s) {
    List<Expr.Call> out = new ArrayList<>();
    StatementWalker.forEach(List.of(s), st -> {
      Expr e = st instanceof Stmt.ExprStmt x ? x.value()
          : st instanceof Stmt.Assign a ? a.value()
          : st instanceof Stmt.Return r ? r.value() : null;
      collect(e, out);
    });
    return out;
  }

  private static void collect(Expr e, List<Expr.Call> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Call c) {
      out.add(c);
    }
    ExprChildren.of(e).forEach(child -> collect(child, out));
  }

  /**
   * Whether a function does nothing but raise {@code exception} (a docstring aside): an
   * interface method a subclass did not implement ({@code raise NotImplementedError()}).
   */
  static boolean onlyRaises(FunctionInfo fn, String exception) {
    List<Stmt> body = fn.ast().body();
    int first = !body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt doc
        && doc.value() instanceof Expr.Constant k && k.kind() == Expr.ConstKind.STRING ? 1 : 0;
    return body.size() == first + 1 && body.get(first) instanceof Stmt.Raise r
        && names(r.exc(), exception);
  }

  /**
   * Whether a function does nothing at all: after a docstring, only {@code pass}, a bare
   * {@code return}, or the return of a value its caller already has (a constant, a parameter,
   * an attribute of one or of {@code self}, {@code param.get('key')}): {@code def
   * rollback_to_snap(self, name): """A noop ...""" pass}, {@code def
   * network_binding_host_id(self, context, instance): return instance.get('host')}. A call of
   * it draws nothing, and its value flows on.
   */
  static boolean doesNothing(FunctionInfo fn) {
    List<Stmt> body = fn.ast().body();
    int first = !body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt doc
        && doc.value() instanceof Expr.Constant k && k.kind() == Expr.ConstKind.STRING ? 1 : 0;
    Set<String> params = new HashSet<>();
    fn.ast().params().forEach(p -> params.add(p.name()));
    if (fn.owner() != null && !fn.ast().params().isEmpty()) {
      // self.get(url) is a method of the object (a request), not a lookup in what was passed.
      params.remove(fn.ast().params().get(0).name());
    }
    for (Stmt s : body.subList(first, body.size())) {
      boolean nothing = s instanceof Stmt.Simple p && p.kind().equals("pass")
          || s instanceof Stmt.Return r && (r.value() == null || atHand(r.value(), params));
      if (!nothing) {
        return false;
      }
    }
    return true;
  }

  /** A value the caller has without this call: a constant, or read off a parameter. */
  private static boolean atHand(Expr e, Set<String> params) {
    if (e instanceof Expr.Constant) {
      return true;
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && a.attr().equals("get") && c.args().stream().allMatch(x -> x.value() instanceof Expr.Constant)) {
      return readOff(a.value(), params);
    }
    return readOff(e, params);
  }

  private static boolean readOff(Expr e, Set<String> params) {
    while (e instanceof Expr.Attribute a) {
      e = a.value();
    }
    return e instanceof Expr.Name n && params.contains(n.id());
  }

  /** Whether a handler catches {@code exception} (alone or in a tuple). */
  static boolean catches(Stmt.Handler h, String exception) {
    if (h.type() instanceof Expr.Sequence seq) {
      return seq.elements().stream().anyMatch(t -> exception.equals(Names.simpleName(t)));
    }
    return h.type() != null && exception.equals(Names.simpleName(h.type()));
  }

  private static boolean names(Expr exc, String exception) {
    Expr e = exc instanceof Expr.Call c ? c.func() : exc;
    return e != null && exception.equals(Names.simpleName(e));
  }
}
