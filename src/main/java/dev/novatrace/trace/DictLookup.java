package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function looked up in a dict of literal keys: {@code self.handlers[protocol]} or
 * {@code self.handlers.get(protocol)}, directly or through a local, where the dict is a literal
 * (bound to a local, or to an attribute of {@code self} in one of its class's methods).
 */
record DictLookup(Expr key, List<Entry> entries) {

  /** One key of the dict and the function its value names. */
  record Entry(String key, Value.FunctionValue function) {}

  static Optional<DictLookup> of(Expr callee, Scope scope, Resolver resolver) {
    Expr e = callee;
    if (e instanceof Expr.Name n && scope.param(n.id()) == null && scope.local(n.id()) != null) {
      e = scope.local(n.id());
    }
    Expr dict;
    Expr key;
    if (e instanceof Expr.Subscript s) {
      dict = s.value();
      key = s.index();
    } else if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && a.attr().equals("get") && !c.args().isEmpty()) {
      dict = a.value();
      key = c.args().get(0).value();
    } else {
      return Optional.empty();
    }
    return literal(dict, scope, resolver).map(d -> new DictLookup(key, d));
  }

  /** The entries of a dict literal an expression names, each value resolved in its own scope. */
  private static Optional<List<Entry>> literal(Expr dict, Scope scope, Resolver resolver) {
    if (dict instanceof Expr.Name n && scope.local(n.id()) instanceof Expr.Dict d) {
      return entries(d, scope, resolver);
    }
    ClassInfo self = scope.selfClass();
    if (dict instanceof Expr.Attribute a && a.value() instanceof Expr.Name n
        && n.id().equals(scope.selfName()) && self != null) {
      for (ClassInfo.AttributeAssignment assignment : self.attribute(a.attr())) {
        if (assignment.value() instanceof Expr.Dict d) {
          return entries(d, resolver.scopeOf(assignment.method()).withSelf(self), resolver);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<List<Entry>> entries(Expr.Dict d, Scope scope, Resolver resolver) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < d.keys().size(); i++) {
      if (resolver.valueOf(d.keys().get(i), scope) instanceof Value.StringValue k
          && resolver.valueOf(d.values().get(i), scope) instanceof Value.FunctionValue fv) {
        out.add(new Entry(k.value(), fv));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
  }
}
