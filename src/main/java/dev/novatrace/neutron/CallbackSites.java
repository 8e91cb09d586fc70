package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every place a tree talks to the callback registry, found in one walk: the
 * {@code @registry.receives(R, [E...])} methods, the {@code registry.subscribe(cb, R, E)} calls,
 * the classes decorated {@code @registry.has_registry_receivers}, and how many
 * {@code publish}/{@code notify} calls there are.
 */
final class CallbackSites implements CallbackWalker.Visitor {
  /** The 17.x form {@code registry.notify(R, E, trigger, **kwargs)} and today's publish. */
  static final List<String> PUBLISHERS = List.of("publish", "notify");

  /** A {@code @registry.receives(...)} decorator of {@code method}, read in {@code frame}. */
  record Receives(FunctionInfo method, Expr.Call decorator, CallbackFrame frame) {}

  /** A {@code registry.subscribe(...)} call, read in {@code frame}. */
  record Subscribe(Expr.Call call, CallbackFrame frame) {}

  /** A call of the tree, read in {@code frame}. */
  record Call(Expr.Call call, CallbackFrame frame) {}

  private final Resolver resolver;
  private final List<Receives> receives = new ArrayList<>();
  private final List<Subscribe> subscribes = new ArrayList<>();
  private final Set<ClassInfo> receiverClasses = new LinkedHashSet<>();
  /**
   * Every call of the tree by the name it is written with, in module and source order: what
   * the calls of the functions that subscribe are looked for in, without a second walk.
   */
  private final Map<String, List<Call>> calls = new HashMap<>();
  private final CodeIndex index;
  /** The classes some receiver class inherits from, computed when first asked. */
  private Set<ClassInfo> inheritedByReceivers;
  private int publishes;

  private CallbackSites(CodeIndex index, Resolver resolver) {
    this.index = index;
    this.resolver = resolver;
  }

  static CallbackSites of(CodeIndex index, Resolver resolver) {
    CallbackSites sites = new CallbackSites(index, resolver);
    CallbackWalker walker = new CallbackWalker(resolver, sites);
    for (ModuleInfo m : index.modules()) {
      walker.module(m);
    }
    return sites;
  }

  @Override
  public void classDef(ClassInfo cls, CallbackFrame frame) {
    for (Expr d : cls.ast().decorators()) {
      if (CallbackRegistry.is(d, "has_registry_receivers", frame.scope(), resolver)) {
        receiverClasses.add(cls);
      }
    }
  }

  @Override
  public void functionDef(FunctionInfo function, CallbackFrame outer) {
    for (Expr d : function.decorators()) {
      if (d instanceof Expr.Call c
          && CallbackRegistry.is(c.func(), "receives", outer.scope(), resolver)) {
        receives.add(new Receives(function, c, outer));
      }
    }
  }

  @Override
  public void call(Expr.Call call, CallbackFrame frame) {
    calls.computeIfAbsent(Names.simpleName(call.func()), k -> new ArrayList<>())
        .add(new Call(call, frame));
    if (CallbackRegistry.is(call.func(), "subscribe", frame.scope(), resolver)) {
      subscribes.add(new Subscribe(call, frame));
    }
    for (String p : PUBLISHERS) {
      if (CallbackRegistry.is(call.func(), p, frame.scope(), resolver)) {
        publishes++;
      }
    }
  }

  List<Receives> receives() {
    return List.copyOf(receives);
  }

  List<Subscribe> subscribes() {
    return List.copyOf(subscribes);
  }

  /** The calls written with {@code name} ({@code f(...)}, {@code x.f(...)}), in tree order. */
  List<Call> callsNamed(String name) {
    return calls.getOrDefault(name, List.of());
  }

  /**
   * Whether the {@code receives} methods of {@code cls} get subscribed: the decorator replaces
   * {@code __new__} so that each object subscribes every receiver its class has
   * ({@code inspect.getmembers}), inherited ones too. So {@code cls} counts when it or a class
   * it inherits from is decorated, or when a decorated class, or a subclass of one, inherits from
   * it (a mixin of the ML2 plugin: {@code DhcpAgentSchedulerDbMixin}).
   */
  boolean subscribesReceivers(ClassInfo cls) {
    if (decorated(cls)) {
      return true;
    }
    if (inheritedByReceivers == null) {
      inheritedByReceivers = new HashSet<>();
      for (ModuleInfo m : index.modules()) {
        m.classes().values().forEach(c -> {
          if (decorated(c)) {
            inheritedByReceivers.addAll(resolver.mro(c));
          }
        });
      }
    }
    return inheritedByReceivers.contains(cls);
  }

  private boolean decorated(ClassInfo cls) {
    return resolver.mro(cls).stream().anyMatch(receiverClasses::contains);
  }

  int publishes() {
    return publishes;
  }
}
