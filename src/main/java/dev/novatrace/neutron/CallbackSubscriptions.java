package dev.novatrace.neutron;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.neutron.CallbackCallers.Caller;
import dev.novatrace.neutron.CallbackEntry.Place;
import dev.novatrace.neutron.CallbackFrame.Bound;
import dev.novatrace.neutron.CallbackTable.Key;
import dev.novatrace.neutron.CallbackTable.Unresolved;
import dev.novatrace.neutron.Subscriber.Existence;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the registry sites of a tree into subscriptions (design note 6.2 steps 1 and 2): each
 * {@code receives} of a receiver class and each {@code subscribe} whose callback, resource and
 * events read as constants, where the call itself, or else a call of the function it stands in,
 * tells them. What stays open is {@link Unresolved}, with the reason.
 */
final class CallbackSubscriptions {
  private final Resolver resolver;
  private final CallbackKeys keys;
  private final CallbackSites sites;
  private final CallbackCallers callers;
  private final long defaultPriority;
  private final List<CallbackEntry> entries = new ArrayList<>();
  private final List<Unresolved> unresolved = new ArrayList<>();

  private CallbackSubscriptions(CodeIndex index, Resolver resolver) {
    this.resolver = resolver;
    this.keys = new CallbackKeys(resolver);
    this.sites = CallbackSites.of(index, resolver);
    Set<FunctionInfo> subscribing = new LinkedHashSet<>();
    sites.subscribes().forEach(s -> {
      if (s.frame().scope().function() != null) {
        subscribing.add(s.frame().scope().function());
      }
    });
    this.callers = CallbackCallers.of(sites, resolver, subscribing);
    this.defaultPriority = defaultPriority(index);
  }

  /** neutron-lib's {@code PRIORITY_DEFAULT} as the tree has it, else the known value. */
  private long defaultPriority(CodeIndex index) {
    Optional<ModuleInfo> m = index.module(CallbackRegistry.PRIORITIES);
    if (m.isPresent()
        && m.get().bindings().get("PRIORITY_DEFAULT") instanceof Binding.Assignment a) {
      Long v = keys.number(a.value(), CallbackFrame.of(Scope.ofModule(m.get())));
      if (v != null) {
        return v;
      }
    }
    return CallbackRegistry.PRIORITY_DEFAULT;
  }

  static CallbackTable read(CodeIndex index, Resolver resolver) {
    CallbackSubscriptions s = new CallbackSubscriptions(index, resolver);
    s.sites.receives().forEach(s::receives);
    s.sites.subscribes().forEach(s::subscribe);
    CallbackTable.Sites counts = new CallbackTable.Sites(s.sites.receives().size(),
        s.sites.subscribes().size(), s.sites.publishes());
    return new CallbackTable(s.entries, s.unresolved, counts);
  }

  /** {@code @registry.receives(R, [E...], priority)} on a method of a receiver class. */
  private void receives(CallbackSites.Receives r) {
    FunctionInfo method = r.method();
    ClassInfo cls = method.owner();
    Place place = place(r.frame(), r.decorator().pos());
    if (cls == null || !sites.subscribesReceivers(cls)) {
      unresolved.add(new Unresolved(place.toString(), method.qualifiedName()
          + ": no class it belongs to is decorated has_registry_receivers"));
      return;
    }
    Expr.Call d = r.decorator();
    List<String> resources = keys.strings(CallbackRegistry.argument(d, 0, "resource"), r.frame());
    List<String> events = keys.strings(CallbackRegistry.argument(d, 1, "events"), r.frame());
    Long priority = priority(CallbackRegistry.argument(d, 2, "priority"), r.frame());
    if (resources == null || events == null || priority == null) {
      unresolved.add(new Unresolved(place.toString(), "not constant: " + text(r.frame(), d)));
      return;
    }
    ClassInfo receiver = method.hasDecoratorNamed("staticmethod") ? null : cls;
    Subscriber s = new Subscriber(method, receiver, priority, new Existence.Instance(cls));
    for (String resource : resources) {
      for (String event : events) {
        entries.add(new CallbackEntry(new Key(resource, event), s, place, null));
      }
    }
  }

  /**
   * {@code registry.subscribe(cb, R, E, priority)}: read where it stands; failing that, once for
   * each call of the function it is in, with that call's arguments bound to the parameters.
   */
  private void subscribe(CallbackSites.Subscribe site) {
    Place place = place(site.frame(), site.call().pos());
    FunctionInfo fn = site.frame().scope().function();
    Reading own = read(site.call(), site.frame());
    if (own.resolved()) {
      add(own, place, null, existence(fn, site.frame()));
      return;
    }
    List<Caller> calls = fn == null ? List.of() : callers.of(fn);
    int bound = 0;
    for (Caller c : calls) {
      CallbackFrame frame = reframe(site, c);
      Reading reading = frame == null ? own : read(site.call(), frame);
      if (reading.resolved()) {
        bound++;
        add(reading, place, place(c.frame(), c.call().pos()), existenceAt(c.frame()));
      }
    }
    if (bound == 0) {
      unresolved.add(new Unresolved(place.toString(), own.missing() + " not constant"
          + (calls.isEmpty() ? "" : " at any of " + calls.size() + " call sites")
          + ": " + text(site.frame(), site.call())));
    }
  }

  private void add(Reading r, Place site, Place via, Existence existence) {
    for (Value v : r.callbacks()) {
      Value.FunctionValue fv = (Value.FunctionValue) v;
      Subscriber s = new Subscriber(fv.function(), receiverOf(fv), r.priority(), existence);
      for (String resource : r.resources()) {
        for (String event : r.events()) {
          entries.add(new CallbackEntry(new Key(resource, event), s, site, via));
        }
      }
    }
  }

  /** The class a callback is a bound method of; null for a function or a staticmethod. */
  private static ClassInfo receiverOf(Value.FunctionValue fv) {
    FunctionInfo f = fv.function();
    if (f.owner() == null || f.hasDecoratorNamed("staticmethod")) {
      return null;
    }
    if (fv.receiver() instanceof Value.InstanceValue iv) {
      return iv.cls();
    }
    return fv.receiver() instanceof Value.ClassValue cv ? cv.cls() : f.owner();
  }

  /** A subscribe read where it stands: on import at top level, else when start-up runs it. */
  private Existence existence(FunctionInfo fn, CallbackFrame frame) {
    if (fn == null) {
      return new Existence.Imported(frame.scope().module());
    }
    for (Caller c : callers.of(fn)) {
      if (c.frame().atModuleLevel()) {
        return new Existence.Imported(c.frame().scope().module()); // subscribe() after its def
      }
    }
    return new Existence.StartUp(fn);
  }

  private static Existence existenceAt(CallbackFrame caller) {
    return caller.atModuleLevel() ? new Existence.Imported(caller.scope().module())
        : new Existence.StartUp(caller.scope().function());
  }

  /**
   * The frame of the subscribe call when {@code caller} runs its function: the parameters bound
   * to what the call passes (or to their defaults), the loops around the subscribe read again.
   */
  private CallbackFrame reframe(CallbackSites.Subscribe site, Caller caller) {
    FunctionInfo fn = caller.callee();
    CallbackFrame start = CallbackFrame.of(site.frame().scope());
    List<Param> params = fn.ast().params();
    CallbackFrame defaults = CallbackFrame.of(Scope.ofModule(fn.module()));
    for (int i = caller.offset(); i < params.size(); i++) {
      Param p = params.get(i);
      Expr passed = p.kind() == Param.Kind.VAR_POSITIONAL || p.kind() == Param.Kind.VAR_KEYWORD
          ? null : passed(caller.call(), i - caller.offset(), p);
      if (passed != null) {
        start = start.with(p.name(), Bound.whole(passed, caller.frame()));
      } else if (p.defaultValue() != null) {
        start = start.with(p.name(), Bound.whole(p.defaultValue(), defaults));
      }
    }
    CallbackFrame[] found = new CallbackFrame[1];
    new CallbackWalker(resolver, new CallbackWalker.Visitor() {
      @Override
      public void call(Expr.Call call, CallbackFrame frame) {
        if (call == site.call() && found[0] == null) {
          found[0] = frame;
        }
      }
    }).function(fn, start);
    return found[0];
  }

  private static Expr passed(Expr.Call call, int position, Param p) {
    if (p.kind() == Param.Kind.KEYWORD_ONLY) {
      return CallbackRegistry.argument(call, Integer.MAX_VALUE, p.name());
    }
    return CallbackRegistry.argument(call, position, p.name());
  }

  private Reading read(Expr.Call call, CallbackFrame f) {
    List<Value> callbacks = keys.values(CallbackRegistry.argument(call, 0, "callback"), f)
        .stream().filter(v -> v instanceof Value.FunctionValue).toList();
    List<String> resources = keys.strings(CallbackRegistry.argument(call, 1, "resource"), f);
    List<String> events = keys.strings(CallbackRegistry.argument(call, 2, "event"), f);
    Long priority = priority(CallbackRegistry.argument(call, 3, "priority"), f);
    return new Reading(callbacks, resources, events, priority);
  }

  private Long priority(Expr e, CallbackFrame f) {
    return e == null ? Long.valueOf(defaultPriority) : keys.number(e, f);
  }

  private static Place place(CallbackFrame f, Pos pos) {
    return new Place(f.scope().module().path(), pos.line(), pos.column());
  }

  private static String text(CallbackFrame f, Expr e) {
    ModuleInfo m = f.scope().module();
    return m.ast().text(e.pos());
  }

  /** What one reading of a subscribe gave; a null or empty part was not constant. */
  private record Reading(List<Value> callbacks, List<String> resources, List<String> events,
      Long priority) {

    boolean resolved() {
      return !callbacks.isEmpty() && resources != null && events != null && priority != null;
    }

    String missing() {
      List<String> parts = new ArrayList<>();
      if (callbacks.isEmpty()) {
        parts.add("callback");
      }
      if (resources == null) {
        parts.add("resource");
      }
      if (events == null) {
        parts.add("event");
      }
      if (priority == null) {
        parts.add("priority");
      }
      return String.join(", ", parts);
    }
  }
}
