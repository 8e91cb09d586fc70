package dev.novatrace.neutron;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * neutron-lib's callback registry read statically (design note section 6): for each
 * {@code (resource, event)}, the functions {@code registry.publish} (or 17.x's
 * {@code registry.notify}) calls. The registry is filled at run time by
 * {@code registry.subscribe(cb, R, E)} and by the {@code @registry.receives(R, [E])} methods of
 * {@code @registry.has_registry_receivers} classes; this table holds every subscription the code
 * can make, each with what must hold for it to exist, and {@link #filtered} keeps those a
 * deployment makes.
 */
public final class CallbackTable {
  private final TreeMap<Key, List<CallbackEntry>> byKey = new TreeMap<>();
  private final List<Unresolved> unresolved;
  private final Sites sites;

  /** A callback key: the resource and event strings, as {@code publish} passes them. */
  public record Key(String resource, String event) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int r = resource.compareTo(o.resource);
      return r != 0 ? r : event.compareTo(o.event);
    }

    @Override
    public String toString() {
      return resource + "/" + event;
    }
  }

  /** A registry site whose subscription could not be read, and why. */
  public record Unresolved(String site, String reason) {}

  /** How many sites the tree has: receives decorators, subscribe calls, publish/notify calls. */
  public record Sites(int receives, int subscribes, int publishes) {}

  CallbackTable(List<CallbackEntry> entries, List<Unresolved> unresolved, Sites sites) {
    Set<List<Object>> seen = new HashSet<>();
    for (CallbackEntry e : entries) {
      // One subscription made twice the same way (two calls of one helper) is one subscriber.
      if (seen.add(List.of(e.key(), e.subscriber()))) {
        byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
      }
    }
    byKey.values().forEach(list -> list.sort(CallbackEntry.ORDER));
    this.unresolved = List.copyOf(unresolved);
    this.sites = sites;
  }

  /** The table of every subscription {@code index} can make. */
  public static CallbackTable of(CodeIndex index, Resolver resolver) {
    return CallbackSubscriptions.read(index, resolver);
  }

  /** Subscribers of (resource, event) ordered by priority, then by source order. */
  public List<Subscriber> subscribers(String resource, String event) {
    return byKey.getOrDefault(new Key(resource, event), List.of()).stream()
        .map(CallbackEntry::subscriber).toList();
  }

  /**
   * The (resource, event) a call publishes, if it is {@code registry.publish(R, E, ...)} or
   * {@code registry.notify(R, E, ...)} (or the publish/notify of an imported {@code registry})
   * whose R and E evaluate to strings here; {@code scope} is the caller's
   * ({@code Resolver.scopeOf(fn)}).
   */
  public static Optional<Key> published(Expr.Call call, Scope scope, Resolver resolver) {
    return published(call, scope, resolver, e -> Optional.empty());
  }

  /**
   * Like {@link #published(Expr.Call, Scope, Resolver)}, with what the path binds where the call
   * is made: a parameter a caller bound to a constant ({@code provisioning_complete(ctx, id,
   * resources.PORT, ...)} publishes its {@code object_type}).
   */
  public static Optional<Key> published(Expr.Call call, Scope scope, Resolver resolver,
      dev.novatrace.trace.CallStrings bound) {
    String name = Names.simpleName(call.func());
    if (name == null || !CallbackSites.PUBLISHERS.contains(name)
        || !CallbackRegistry.is(call.func(), name, scope, resolver)) {
      return Optional.empty();
    }
    CallbackKeys keys = new CallbackKeys(resolver);
    CallbackFrame frame = CallbackFrame.of(scope);
    List<String> resource = strings(keys, CallbackRegistry.argument(call, 0, "resource"), frame,
        bound);
    List<String> event = strings(keys, CallbackRegistry.argument(call, 1, "event"), frame, bound);
    if (resource == null || event == null || resource.size() != 1 || event.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(new Key(resource.get(0), event.get(0)));
  }

  /** What {@code e} names, read statically, else as the path binds it; null when neither tells. */
  private static List<String> strings(CallbackKeys keys, Expr e, CallbackFrame frame,
      dev.novatrace.trace.CallStrings bound) {
    List<String> read = keys.strings(e, frame);
    if (read != null && !read.isEmpty() || e == null) {
      return read;
    }
    return bound.of(e).map(List::of).orElse(read);
  }

  /** The same table keeping only the subscribers for which {@code exists} holds. */
  public CallbackTable filtered(Predicate<Subscriber> exists) {
    List<CallbackEntry> kept = new ArrayList<>();
    byKey.values().forEach(list -> list.stream().filter(e -> exists.test(e.subscriber()))
        .forEach(kept::add));
    return new CallbackTable(kept, unresolved, sites);
  }

  /** The same subscriptions, each subscriber as {@code rebind} gives it. */
  public CallbackTable rebound(java.util.function.UnaryOperator<Subscriber> rebind) {
    List<CallbackEntry> out = new ArrayList<>();
    byKey.values().forEach(list -> list.forEach(e ->
        out.add(new CallbackEntry(e.key(), rebind.apply(e.subscriber()), e.site(), e.via()))));
    return new CallbackTable(out, unresolved, sites);
  }

  /** Whether the function defined at {@code path}, line {@code line} subscribes to a key. */
  public boolean isSubscriber(String path, int line) {
    return definitions().contains(path + ":" + line);
  }

  /** {@code path:line} of every subscriber's definition, gathered on first use. */
  private synchronized Set<String> definitions() {
    if (definitions == null) {
      Set<String> all = new java.util.HashSet<>();
      byKey.values().forEach(list -> list.forEach(e -> all.add(
          e.subscriber().function().module().path() + ":"
              + e.subscriber().function().ast().defLine())));
      definitions = all;
    }
    return definitions;
  }

  private Set<String> definitions;

  /** Every key with at least one subscriber, sorted. */
  public Set<Key> keys() {
    return java.util.Collections.unmodifiableSet(byKey.keySet());
  }

  /** How many (key, subscriber) pairs the table holds. */
  public int pairs() {
    return byKey.values().stream().mapToInt(List::size).sum();
  }

  /** The registry sites the table was read from. */
  public Sites sites() {
    return sites;
  }

  /** The sites whose subscriptions stay unknown, in source order. */
  public List<Unresolved> unresolved() {
    return unresolved;
  }

  /**
   * The table as text, one line per subscription, sorted: key, priority, function, receiver,
   * existence and the site that subscribes it (and the call that bound it). For reports and
   * tests.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Key, List<CallbackEntry>> e : byKey.entrySet()) {
      for (CallbackEntry entry : e.getValue()) {
        out.add(e.getKey() + " " + line(entry));
      }
    }
    return out;
  }

  private static String line(CallbackEntry e) {
    Subscriber s = e.subscriber();
    String existence;
    if (s.existence() instanceof Subscriber.Existence.Imported i) {
      existence = "import " + i.module().name();
    } else if (s.existence() instanceof Subscriber.Existence.Instance i) {
      existence = "instance " + i.cls().qualifiedName();
    } else {
      existence = "start-up "
          + ((Subscriber.Existence.StartUp) s.existence()).subscribingFunction().qualifiedName();
    }
    return s.priority() + " " + s.function().qualifiedName()
        + (s.receiver() == null ? "" : " on " + s.receiver().qualifiedName())
        + " [" + existence + "] " + e.site() + (e.via() == null ? "" : " via " + e.via());
  }
}
