package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link Resolver} reads of what a function returns: the type of its first return that
 * tells (run on a subclass's object, that subclass's), an element of a tuple it returns, or an
 * argument it gives back as passed. Remembered until the resolver assumes other settings.
 */
final class ReturnTypes {
  private final Resolver resolver;
  private final Map<FunctionInfo, Value> returnCache = new HashMap<>();
  private final Map<String, Value> subclassReturns = new HashMap<>();

  ReturnTypes(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Forgets what was read under other settings. */
  void clear() {
    returnCache.clear();
    subclassReturns.clear();
  }

  /**
   * The argument a function gives back as it was passed, or null: {@code tpool_wrap(target)}
   * returns {@code target} (or a proxy of it), so {@code tpool_wrap(f)(...)} calls {@code f}.
   * Only a callable argument counts: the function is a wrapper, not a getter. For the value a
   * call gives, {@code values} also takes an argument that is itself a call ({@code
   * tpool_wrap(self.get_object_writer(...))} is the writer).
   */
  Expr passedThrough(Value.FunctionValue fv, Expr.Call c, boolean values) {
    List<dev.novatrace.python.ast.Param> params = fv.function().ast().params();
    int offset = fv.receiverOffset();
    for (Stmt s : fv.function().ast().body()) {
      Stmt.Return r = s instanceof Stmt.Return ret ? ret
          : s instanceof Stmt.If i && !i.body().isEmpty()
              && i.body().get(0) instanceof Stmt.Return ret2 ? ret2 : null;
      if (r != null && r.value() instanceof Expr.Name n) {
        for (int i = offset; i < params.size() && i - offset < c.args().size(); i++) {
          dev.novatrace.python.ast.Arg a = c.args().get(i - offset);
          if (params.get(i).name().equals(n.id())
              && a.kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL
              && (isCallable(a.value()) || values && a.value() instanceof Expr.Call)) {
            return a.value();
          }
        }
      }
    }
    return null;
  }

  /** An expression naming a function or a method ({@code self._client.call}), not a call. */
  private static boolean isCallable(Expr e) {
    return e instanceof Expr.Attribute || e instanceof Expr.Name;
  }

  /**
   * The object a function returns at {@code index} of the tuple it returns ({@code return
   * image_service, image_href}), the first of its returns that tells; null when none does.
   */
  Value returnedElement(Expr.Call c, String index, Scope scope) {
    if (!(resolver.valueOf(c.func(), scope) instanceof Value.FunctionValue fv)
        || !index.matches("\\d+")) {
      return null;
    }
    int i = Integer.parseInt(index);
    FunctionInfo f = fv.function();
    return resolver.guarded(List.of(f, index), () -> {
      Scope own = resolver.scopeOf(f);
      List<Expr> elements = new ArrayList<>();
      List<Expr.Call> delegated = new ArrayList<>();
      StatementWalker.forEach(f.ast().body(), s -> {
        if (s instanceof Stmt.Return r && r.value() instanceof Expr.Sequence t
            && t.kind() == Expr.SeqKind.TUPLE && t.elements().size() > i) {
          elements.add(t.elements().get(i));
        } else if (s instanceof Stmt.Return r && r.value() instanceof Expr.Call inner) {
          delegated.add(inner); // return get_remote_image_service(...): another's tuple
        }
      });
      for (Expr e : elements) {
        Value v = resolver.valueOf(e, own);
        if (v instanceof Value.InstanceValue || v instanceof Value.ClassValue) {
          return v;
        }
      }
      for (Expr.Call inner : delegated) {
        Value v = returnedElement(inner, index, own);
        if (v != null && !(v instanceof Value.Unknown)) {
          return v;
        }
      }
      return Value.UNKNOWN;
    });
  }

  /**
   * What a method returns run on its receiver: a base class's method calling a method its
   * subclass defines ({@code self.get_object_writer(...)} in the chunked backup driver, the
   * Swift driver's) returns what the subclass's does.
   */
  Value returnValue(Value.FunctionValue fv) {
    FunctionInfo f = fv.function();
    // An instance's class, or the class a classmethod is called on (objects.Volume.get_by_id,
    // defined on the base: cls(...) builds a Volume).
    ClassInfo receiver = fv.receiver() instanceof Value.InstanceValue iv ? iv.cls()
        : fv.receiver() instanceof Value.ClassValue cv ? cv.cls() : null;
    if (receiver == null || f.owner() == null || receiver == f.owner()) {
      return returnValue(f);
    }
    String key = f.qualifiedName() + "@" + receiver.qualifiedName();
    Value cached = subclassReturns.get(key);
    if (cached != null) {
      return cached;
    }
    Value v = resolver.guarded(key, () -> {
      Scope scope = resolver.scopeOf(f).withSelf(receiver);
      List<Expr> returns = new ArrayList<>();
      StatementWalker.forEach(f.ast().body(), s -> {
        if (s instanceof Stmt.Return r && r.value() != null) {
          returns.add(r.value());
        }
      });
      for (Expr r : returns) {
        Value rv = resolver.valueOf(r, scope);
        if (rv instanceof Value.InstanceValue || rv instanceof Value.ClassValue
            || rv instanceof Value.ModuleValue || rv instanceof Value.FlowValue) {
          return rv;
        }
      }
      return returnValue(f);
    });
    subclassReturns.put(key, v);
    return v;
  }

  /** The first return value of a function whose type can be told. */
  Value returnValue(FunctionInfo f) {
    Value cached = returnCache.get(f);
    if (cached != null) {
      return cached;
    }
    Value v = resolver.guarded(f, () -> {
      List<Expr> returns = new ArrayList<>();
      StatementWalker.forEach(f.ast().body(), s -> {
        if (s instanceof Stmt.Return r && r.value() != null) {
          returns.add(r.value());
        }
      });
      Scope scope = resolver.scopeOf(f);
      for (Expr r : returns) {
        Value rv = resolver.valueOf(r, scope);
        if (rv instanceof Value.InstanceValue || rv instanceof Value.ClassValue
            || rv instanceof Value.ModuleValue || rv instanceof Value.FlowValue) {
          return rv;
        }
      }
      return Value.UNKNOWN;
    });
    returnCache.put(f, v);
    return v;
  }
}
