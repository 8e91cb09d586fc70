package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Three generic tracer mechanisms on fixture dispatch (an event bus, an RPC client, a service
 * and its subclass), with a profile of our own that says only where code runs:
 * <ul>
 *   <li>{@link TraceProfile#dispatched}: a call the profile says runs other functions
 *       ({@code events.publish(...)}: the subscriber {@code Listener.on_event}) is traced as
 *       those, with the parameters the dispatch binds to literals;</li>
 *   <li>{@code CallClassifier.boundMethodName}: {@code cctxt.cast(context, method, ...)} whose
 *       {@code method} the caller bound to a literal it built
 *       ({@code '_'.join((resource, event.replace('after_', ''), 'end'))});</li>
 *   <li>{@link Tracer#traceEntry} on a receiver: an entry defined on a base, run on a subclass,
 *       calls the subclass's override of {@code self._after_create}.</li>
 * </ul>
 */
class DispatchedCallsTest {
  private final Resolver resolver = FixtureTrees.resolver("dispatch", "bus");
  private final ClassInfo listener = FixtureTrees.cls(resolver, "bus.service.Listener");

  /** The lines the steps of {@code Service.create} make, depth first, run on {@code self}. */
  private List<String> trace(TraceProfile profile, String self) {
    ClassInfo service = FixtureTrees.cls(resolver, "bus.service.Service");
    FunctionInfo create = service.methods().get("create");
    ClassInfo receiver = self == null ? null : FixtureTrees.cls(resolver, self);
    List<Step> steps = new Tracer(resolver, profile, 10).traceEntry(create, "server", 0,
        receiver);
    return Step.walk(steps).map(DispatchedCallsTest::line).filter(s -> !s.isEmpty()).toList();
  }

  private static String line(Step s) {
    if (s instanceof Step.Message m) {
      return m.from() + "->" + m.to() + ": " + m.label();
    }
    if (s instanceof Step.Cast c) {
      return c.from() + "->>" + c.to() + ": " + c.label();
    }
    if (s instanceof Step.Invocation i) {
      return i.from() + "->" + i.to() + ": " + i.label();
    }
    return "";
  }

  /** The bus's subscriber, with resource and event bound as a publish of a port would. */
  private TraceProfile dispatching(Map<String, String> literals) {
    return FixtureProfile.bus(call -> "publish".equals(Names.simpleName(call.func()))
        ? List.of(new TraceProfile.Dispatch(listener.methods().get("on_event"), listener,
            literals))
        : List.of());
  }

  @Test
  void aDispatchedCallRunsItsSubscriberWhoseCastNamesTheBuiltMethod() {
    assertEquals(List.of("server->database: Row.create", "server->>agent: port_create_end"),
        trace(dispatching(Map.of("resource", "'port'", "event", "'after_create'")), null));
  }

  /**
   * A fanout whose server class, which the tree holds, has no method of its name is consumed by
   * no service of the deployment: it is not drawn, as a cast to a service not deployed is not.
   */
  @Test
  void aCastTheServerClassHasNoMethodForIsNotDrawn() {
    assertEquals(List.of("server->database: Row.create"),
        trace(dispatching(Map.of("resource", "'network'", "event", "'after_create'")), null));
  }

  /** Without the literals, the message's name is not known: no message is made up. */
  @Test
  void withoutTheBoundLiteralsTheCastIsNotDrawn() {
    assertEquals(List.of("server->database: Row.create"),
        trace(dispatching(Map.of()), null));
  }

  /** Without a dispatch, publish is the bus's own function, which does nothing. */
  @Test
  void withoutADispatchThePublishDrawsNothing() {
    assertEquals(List.of("server->database: Row.create"),
        trace(FixtureProfile.bus(call -> List.of()), null));
  }

  @Test
  void onASubclassReceiverSelfsMethodsAreTheSubclasss() {
    TraceProfile quiet = FixtureProfile.bus(call -> List.of());
    assertEquals(List.of("server->database: Row.create", "server->database: AuditRow.create"),
        trace(quiet, "bus.service.AuditedService"));
    assertEquals(List.of("server->database: Row.create"),
        trace(quiet, "bus.service.Service"));
  }

  /**
   * {@code events.publish(resource_type, ...)} where the caller passed {@code resources.PORT}:
   * the dispatch reads the constant's string, {@code 'port'}, through the parameter.
   */
  @Test
  void aDispatchReadsTheStringOfAConstantTheCallerPassed() {
    List<String> seen = new java.util.ArrayList<>();
    TraceProfile profile = FixtureProfile.bus((call, strings) -> {
      if ("publish".equals(Names.simpleName(call.func()))) {
        seen.add(strings.of(call.args().get(0).value()).orElse("?"));
      }
      return List.of();
    });
    ClassInfo provisioner = FixtureTrees.cls(resolver, "bus.service.Provisioner");
    new Tracer(resolver, profile, 10).traceEntry(provisioner.methods().get("complete"),
        "server", 0, null);
    assertEquals(List.of("port"), seen);
  }
}
