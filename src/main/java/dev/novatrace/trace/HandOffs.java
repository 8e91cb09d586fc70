package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Functions a call hands over as arguments, and where they run. One handed to a spawner
 * ({@code utils.spawn_n(_do_build, ...)}) runs at the call; one the callee calls, itself or in a
 * function it hands it on to, runs there, with what that call binds ({@code
 * live_migration(post_method)}: once the migration completed); one stored in a container
 * ({@code kwargs = dict(cb=cb)}) runs where it is taken out and called; one a function of the
 * tree takes and never calls nor hands on does not run (libvirt's reboot ignores
 * {@code bad_volumes_callback}).
 */
final class HandOffs {
  /** How many functions deep a parameter handed on is looked for being called. */
  private static final int HAND_ON_DEPTH = 4;
  /** Builtins that keep what they are given: a function stored in one does not run there. */
  private static final Set<String> CONTAINERS = Set.of("dict", "list", "tuple", "set",
      "frozenset");
  /** A queue's methods that keep what they are handed for whoever takes it off. */
  private static final Set<String> QUEUED = Set.of("put", "put_nowait");

  private final Resolver resolver;
  private final TraceProfile profile;
  private final CallClassifier classifier;

  HandOffs(Resolver resolver, TraceProfile profile, CallClassifier classifier) {
    this.resolver = resolver;
    this.profile = profile;
    this.classifier = classifier;
  }

  /** A function handed over that runs at the call, on an instance of {@code self} (or null). */
  record Callback(FunctionInfo function, ClassInfo self) {}

  /** The functions {@code c} hands over that run at the call itself, in argument order. */
  List<Callback> runningAtCall(Expr.Call c, Value callee, CallContext cx) {
    List<Callback> out = new ArrayList<>();
    // A function a wrapper gives back (tpool_wrap(f)) runs where what it gives back is called.
    Expr givenBack = callee instanceof Value.FunctionValue w ? resolver.passedThrough(w, c) : null;
    for (Arg a : c.args()) {
      boolean runs = !stores(c) && !profile.keepsCallbacks(c) && a.value() != givenBack
          && !ignoredByCallee(callee, c, a.value(), cx);
      FunctionInfo passed = classifier.nestedFunction(a.value(), cx);
      if (passed != null) {
        if (runs && !calledByCallee(callee, c, a.value(), cx)) {
          out.add(new Callback(passed, null));
        }
      } else if ((a.value() instanceof Expr.Attribute || a.value() instanceof Expr.Name)
          && !Resolver.isPartial(c)
          && resolver.valueOf(a.value(), cx.scope()) instanceof Value.FunctionValue fv
          && (fv.function().owner() != null || profile.isSpawner(c))
          && runs && !calledByCallee(callee, c, a.value(), cx)) {
        // A method handed over uncalled (executor.submit(self._do_x)) is a callback that runs.
        out.add(new Callback(fv.function(), fv.instanceClass()));
      }
    }
    return out;
  }

  /**
   * Whether the callee calls the function passed as {@code arg} through the parameter it binds,
   * itself or in a function it hands the parameter on to: the function is then traced there,
   * where it runs, and not at the hand-off. A spawner's callee runs what it is given on its own.
   */
  private boolean calledByCallee(Value callee, Expr.Call c, Expr arg, CallContext cx) {
    if (!(callee instanceof Value.FunctionValue fv) || profile.isSpawner(c)
        || profile.summary(fv.function()).isPresent()
        || profile.isEndpoint(classifier.placement().of(fv, cx.participant()))) {
      return false;
    }
    FunctionInfo fn = fv.function();
    return Arguments.passed(fn.ast().params(), fv.receiverOffset(), c, cx.scope()).entrySet()
        .stream()
        .anyMatch(e -> e.getValue() == arg && callsParameter(fn, e.getKey(), HAND_ON_DEPTH));
  }

  private static boolean stores(Expr.Call c) {
    return c.func() instanceof Expr.Name n && CONTAINERS.contains(n.id())
        || c.func() instanceof Expr.Attribute a && QUEUED.contains(a.attr());
  }

  /**
   * Whether the callee is a function of the tree (no spawner) that binds {@code arg} to a
   * parameter it neither calls nor passes to any call: what it is handed never runs.
   */
  private boolean ignoredByCallee(Value callee, Expr.Call c, Expr arg, CallContext cx) {
    if (!(callee instanceof Value.FunctionValue fv) || profile.isSpawner(c)
        || profile.summary(fv.function()).isPresent()) {
      return false;
    }
    FunctionInfo fn = fv.function();
    return Arguments.passed(fn.ast().params(), fv.receiverOffset(), c, cx.scope()).entrySet()
        .stream().anyMatch(e -> e.getValue() == arg && !usedInCall(fn, e.getKey()));
  }

  /** Whether any call in {@code fn} calls {@code name} or passes it on. */
  private boolean usedInCall(FunctionInfo fn, String name) {
    boolean[] used = {false};
    CallSites.inFunction(resolver, fn, site -> {
      Expr.Call call = site.call();
      used[0] |= call.func() instanceof Expr.Name n && n.id().equals(name)
          || call.args().stream().anyMatch(a -> a.value() instanceof Expr.Name n
              && n.id().equals(name));
    });
    return used[0];
  }

  /** Whether {@code fn} calls its parameter {@code name}, or hands it on to one that does. */
  private boolean callsParameter(FunctionInfo fn, String name, int depth) {
    if (Calls.callsName(fn.ast().body(), name)) {
      return true;
    }
    if (depth == 0) {
      return false;
    }
    Scope scope = resolver.scopeOf(fn);
    List<Expr.Call> calls = new ArrayList<>();
    fn.ast().body().forEach(st -> calls.addAll(Calls.callsIn(st)));
    for (Expr.Call call : calls) {
      if (resolver.valueOf(call.func(), scope) instanceof Value.FunctionValue next) {
        boolean handsOn = Arguments.passed(next.function().ast().params(),
            next.receiverOffset(), call, scope).entrySet().stream()
            .anyMatch(e -> e.getValue() instanceof Expr.Name n && n.id().equals(name)
                && callsParameter(next.function(), e.getKey(), depth - 1));
        if (handsOn) {
          return true;
        }
      }
    }
    return false;
  }
}
