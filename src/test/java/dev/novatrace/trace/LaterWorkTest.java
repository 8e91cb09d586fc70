package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How work that follows a request later is traced, on fixture {@code later} (a plugin, a
 * notifier built once per process, a batch that sends through the function it was built with):
 * <ul>
 *   <li>{@link Continuations}: a message the profile names as a trigger ({@code Block.create})
 *       appends its handler's steps, as a cast from the service that starts it;</li>
 *   <li>a singleton a classmethod builds ({@code cls._instance = cls()}) is an instance of its
 *       class, so {@code Notifier.get_instance()} has {@code Notifier}'s methods, where the
 *       module is imported inside {@code __init__};</li>
 *   <li>{@link HeldCallables}: {@code Batch(2, self.send_events)} held in {@code self.batch},
 *       then {@code self.callback(events)} in {@code Batch}, through a nested def handed to a
 *       spawner and a call on {@code self}, runs {@code send_events}; a function put on a
 *       queue runs nothing there.</li>
 * </ul>
 */
class LaterWorkTest {
  private final Resolver resolver = FixtureTrees.resolver("later", "notify");
  private final ClassInfo plugin = FixtureTrees.cls(resolver, "notify.plugin.Plugin");
  private final ClassInfo event = FixtureTrees.cls(resolver, "notify.plugin.PortUpEvent");

  private static List<String> lines(List<Step> steps) {
    return Step.walk(steps).map(LaterWorkTest::line).filter(s -> !s.isEmpty()).toList();
  }

  private static String line(Step s) {
    if (s instanceof Step.Message m) {
      return m.from() + "->" + m.to() + ": " + m.label();
    }
    return s instanceof Step.Cast c ? c.from() + "->>" + c.to() + ": " + c.label() : "";
  }

  private TraceProfile.Continuation portUp(Set<String> labels) {
    FunctionInfo run = event.methods().get("run");
    return new TraceProfile.Continuation("port", "database", labels, "monitor", "port up", run,
        event, "server");
  }

  private List<String> createPort(List<TraceProfile.Continuation> later) {
    TraceProfile profile = FixtureProfile.of("notify/db/", later);
    Tracer tracer = new Tracer(resolver, profile, 10);
    List<Step> steps = tracer.traceEntry(plugin.methods().get("create_port"), "server", 0, null);
    return lines(Continuations.appended(steps, tracer, profile));
  }

  @Test
  void aTriggerAppendsTheHandlersWorkWhichReachesTheFunctionTheBatchWasBuiltWith() {
    assertEquals(List.of("server->database: Block.create", "monitor->>server: port up",
        "server->database: Event.create"), createPort(List.of(portUp(Set.of("Block.create")))));
  }

  /**
   * A handler given the row a request wrote, whose column another service fills later is
   * still empty ({@code row.up}: {@code []}): {@code is_up(row)}, which compares it with
   * {@code [True]}, returns False there, so only the way of a port not yet up is drawn. Not
   * knowing the row, both ways are.
   */
  @Test
  void aColumnTheHandlersRowLacksDecidesTheTestOfAFunctionReadingIt() {
    ClassInfo created = FixtureTrees.cls(resolver, "notify.plugin.PortCreatedEvent");
    FunctionInfo run = created.methods().get("run");
    TraceProfile.Continuation known = new TraceProfile.Continuation("port", "database",
        Set.of("Block.create"), "monitor", "port created", run, created, "server", m -> true,
        java.util.Map.of("row.up", "[]"));
    assertEquals(List.of("server->database: Block.create", "monitor->>server: port created",
        "server->database: Block.create"), createPort(List.of(known)));
    TraceProfile.Continuation unknown = new TraceProfile.Continuation("port", "database",
        Set.of("Block.create"), "monitor", "port created", run, created, "server");
    assertEquals(List.of("server->database: Block.create", "monitor->>server: port created",
        "server->database: Event.create", "server->database: Block.create"),
        createPort(List.of(unknown)));
  }

  @Test
  void withoutItsTriggerNothingIsAppended() {
    assertEquals(List.of("server->database: Block.create"),
        createPort(List.of(portUp(Set.of("Event.create")))));
    assertEquals(List.of("server->database: Block.create"), createPort(List.of()));
  }

  private List<String> portUp(String method) {
    TraceProfile profile = FixtureProfile.of("notify/db/", List.of());
    return lines(new Tracer(resolver, profile, 10).traceEntry(plugin.methods().get(method),
        "server", 0, null));
  }

  @Test
  void aFunctionTheBatchWasBuiltWithRunsWhereTheBatchCallsIt() {
    assertEquals(List.of("server->database: Event.create"), portUp("port_up"));
  }

  @Test
  void aFunctionPutOnAQueueRunsNothingThere() {
    assertEquals(List.of(), portUp("port_up_later"));
  }

  /**
   * A trace remembered where a helper was not being traced is not reused where it is: {@code
   * Loop.c} entered after {@code Loop.b} draws what {@code c} entered first does (its row once,
   * then {@code b}, whose call of {@code c} is a recursion), whatever was traced before.
   */
  @Test
  void whatAnEntryDrawsDoesNotDependOnWhatWasTracedBefore() {
    ClassInfo loop = FixtureTrees.cls(resolver, "notify.loop.Loop");
    TraceProfile profile = FixtureProfile.of("notify/db/", List.of());
    List<String> fresh = lines(new Tracer(resolver, profile, 10).traceEntry(
        loop.methods().get("c"), "server", 0, null));
    Tracer warm = new Tracer(resolver, profile, 10);
    warm.traceEntry(loop.methods().get("b"), "server", 0, null);
    assertEquals(List.of("server->database: Event.create"), fresh);
    assertEquals(fresh, lines(warm.traceEntry(loop.methods().get("c"), "server", 0, null)));
  }
}
