package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;

/**
 * The function an argument hands over, as both a trace and a reading of the code see it: a
 * nested def (with what its enclosing call was handed), one this function was handed itself, a
 * function or method named without calling it ({@code fetch_func=libvirt_utils.fetch_image},
 * {@code self._create_swap}), a {@code functools.partial} of one, or a lambda that calls one.
 * It matters only where the callee calls the parameter it binds: it is traced there, where it
 * runs ({@code image.cache(fetch_func=...)} calls it once the cache misses).
 */
final class Callables {
  private final Resolver resolver;
  private final CallClassifier classifier;

  Callables(Resolver resolver, CallClassifier classifier) {
    this.resolver = resolver;
    this.classifier = classifier;
  }

  /** The function {@code arg} hands over, or null. */
  Handed of(Expr arg, CallContext cx) {
    Handed local = classifier.localCallable(arg, cx);
    if (local != null) {
      return local;
    }
    if (arg instanceof Expr.Lambda l) {
      // lambda target: fetch(ctx, target): what runs is the function the body calls.
      return l.body() instanceof Expr.Call body ? of(body.func(), cx) : null;
    }
    boolean named = arg instanceof Expr.Attribute || arg instanceof Expr.Name
        || arg instanceof Expr.Call c && Resolver.isPartial(c);
    return named && resolver.valueOf(arg, cx.scope()) instanceof Value.FunctionValue fv
        ? new Handed(fv, classifier.placement().of(fv, cx.participant())) : null;
  }
}
