package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The callback table of {@code fixtures/neutron-callbacks}: a fake neutron_lib registry, receiver
 * classes (decorated, a mixin a decorated class inherits, one nobody decorates), subscribes in
 * {@code __init__} with a local tuple and loops over literal tuples, subscriptions on import, a
 * constructor call in a comprehension over a literal dict, a helper whose callers pass the
 * callback and key, versioned-object names, and publish/notify calls.
 */
class CallbackTableTest {
  private static final Resolver TREE =
      NeutronTrees.fixture("neutron-callbacks");
  private static final CallbackTable TABLE = CallbackTable.of(TREE.index(), TREE);

  @Test
  void everySubscriptionIsReadWithItsPriorityExistenceAndSite() {
    assertEquals(List.of(
        "Fake agent/after_init 1000 neutron.agent.agent.init_handler"
            + " [start-up neutron.agent.agent.Agent.setup]"
            + " neutron/agent/capabilities.py:7 via neutron/agent/agent.py:15",
        "Port/after_delete 1000 neutron.agent.agent.Agent._legacy_notifier on"
            + " neutron.agent.agent.Agent [start-up neutron.agent.agent.Agent.setup]"
            + " neutron/agent/agent.py:17",
        "Port/after_update 1000 neutron.agent.agent.Agent._legacy_notifier on"
            + " neutron.agent.agent.Agent [start-up neutron.agent.agent.Agent.setup]"
            + " neutron/agent/agent.py:17",
        "network/after_create 5 neutron.dhcp.DhcpNotifier._native_event on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:18",
        "network/after_create 900 neutron.notifier.Notifier._send_notification on"
            + " neutron.notifier.Notifier [instance neutron.notifier.Notifier]"
            + " neutron/notifier.py:21",
        "network/after_delete 5 neutron.dhcp.DhcpNotifier._native_event on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:18",
        "network/after_update 1000 neutron.segments._update_segments [import neutron.segments]"
            + " neutron/segments.py:19",
        "network/before_response 900 neutron.notifier.Notifier._send_notification on"
            + " neutron.notifier.Notifier [instance neutron.notifier.Notifier]"
            + " neutron/notifier.py:21",
        "network/before_response 1000 neutron.dhcp.DhcpNotifier._send_dhcp_notification on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:14",
        "network/precommit_delete 1000 neutron.segments._delete_segments"
            + " [import neutron.segments] neutron/segments.py:15",
        "port/after_create 1000 neutron.ovo._ChangeHandler.handle_event on"
            + " neutron.ovo._ChangeHandler [start-up neutron.ovo.OvoInterface.__init__]"
            + " neutron/ovo.py:14 via neutron/ovo.py:28",
        "port/after_delete 1000 neutron.ovo._ChangeHandler.handle_event on"
            + " neutron.ovo._ChangeHandler [start-up neutron.ovo.OvoInterface.__init__]"
            + " neutron/ovo.py:14 via neutron/ovo.py:28",
        "port/before_response 1000 neutron.dhcp.DhcpNotifier._send_dhcp_notification on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:14",
        "port/before_response 1000 neutron.notifier.Notifier._send_notification on"
            + " neutron.notifier.Notifier [instance neutron.notifier.Notifier]"
            + " neutron/notifier.py:20",
        "port/before_response 1000 neutron.notifier.Notifier._log_response"
            + " [instance neutron.notifier.Notifier] neutron/notifier.py:28",
        "port/provisioning_complete 1000 neutron.notifier.ProvisioningMixin._port_provisioned"
            + " on neutron.notifier.ProvisioningMixin"
            + " [instance neutron.notifier.ProvisioningMixin] neutron/notifier.py:12",
        "router_interface/after_create 1000"
            + " neutron.dhcp.DhcpNotifier._after_router_interface_created on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:10",
        "subnet/after_create 5 neutron.dhcp.DhcpNotifier._native_event on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:18",
        "subnet/after_create 1000 neutron.ovo._ChangeHandler.handle_event on"
            + " neutron.ovo._ChangeHandler [start-up neutron.ovo.OvoInterface.__init__]"
            + " neutron/ovo.py:14 via neutron/ovo.py:28",
        "subnet/after_delete 5 neutron.dhcp.DhcpNotifier._native_event on"
            + " neutron.dhcp.DhcpNotifier [start-up neutron.dhcp.DhcpNotifier.__init__]"
            + " neutron/dhcp.py:18",
        "subnet/after_delete 1000 neutron.ovo._ChangeHandler.handle_event on"
            + " neutron.ovo._ChangeHandler [start-up neutron.ovo.OvoInterface.__init__]"
            + " neutron/ovo.py:14 via neutron/ovo.py:28"), TABLE.lines());
  }

  @Test
  void whatCannotBeReadIsReportedAndTheSitesAreCounted() {
    assertEquals(List.of(
        new CallbackTable.Unresolved("neutron/notifier.py:35",
            "neutron.notifier.Unused._never_subscribed: no class it belongs to is decorated"
                + " has_registry_receivers"),
        new CallbackTable.Unresolved("neutron/agent/capabilities.py:11",
            "resource not constant: registry.subscribe(_noop, resource, events.AFTER_INIT)")),
        TABLE.unresolved());
    // 5 receives (one method has two), 9 subscribes, 2 publish + 1 notify; tests/ left out.
    assertEquals(new CallbackTable.Sites(5, 9, 3), TABLE.sites());
    assertEquals(21, TABLE.pairs());
    assertEquals(15, TABLE.keys().size());
  }

  @Test
  void subscribersComeByPriorityThenSourceOrderWithTheirReceivers() {
    List<Subscriber> response = TABLE.subscribers("port", "before_response");
    assertEquals(List.of("_send_dhcp_notification", "_send_notification", "_log_response"),
        response.stream().map(s -> s.function().name()).toList());
    assertEquals("neutron.dhcp.DhcpNotifier", response.get(0).receiver().qualifiedName());
    assertNull(response.get(2).receiver(), "a staticmethod is called on no object");
    assertEquals(List.of("_native_event", "_send_notification"),
        TABLE.subscribers("network", "after_create").stream().map(s -> s.function().name())
            .toList());
    assertEquals(List.of(), TABLE.subscribers("subnet", "nothing"));
  }

  @Test
  void theExistenceOfEachKindNamesWhatMustHold() {
    Subscriber onImport = TABLE.subscribers("network", "precommit_delete").get(0);
    assertEquals("neutron.segments", assertInstanceOf(Subscriber.Existence.Imported.class,
        onImport.existence()).module().name());
    Subscriber mixin = TABLE.subscribers("port", "provisioning_complete").get(0);
    assertEquals("neutron.notifier.ProvisioningMixin", assertInstanceOf(
        Subscriber.Existence.Instance.class, mixin.existence()).cls().qualifiedName());
    Subscriber bound = TABLE.subscribers("port", "after_create").get(0);
    assertEquals("neutron.ovo.OvoInterface.__init__", assertInstanceOf(
        Subscriber.Existence.StartUp.class, bound.existence()).subscribingFunction()
        .qualifiedName());
  }

  @Test
  void filteringKeepsTheSubscribersThatExist() {
    CallbackTable onImport = TABLE.filtered(
        s -> s.existence() instanceof Subscriber.Existence.Imported);
    assertEquals(List.of(new CallbackTable.Key("network", "after_update"),
        new CallbackTable.Key("network", "precommit_delete")), List.copyOf(onImport.keys()));
    assertEquals(2, onImport.pairs());
    assertEquals(TABLE.unresolved(), onImport.unresolved());
  }

  @Test
  void aPublishOrNotifyOfTheRegistryTellsItsKey() {
    assertEquals(List.of(Optional.of(new CallbackTable.Key("port", "after_create"))),
        published("create_port"));
    assertEquals(List.of(Optional.of(new CallbackTable.Key("port", "after_update"))),
        published("update_port"));
    assertEquals(List.of(Optional.empty()), published("_publish"), "a parameter: unknown");
    assertEquals(List.of(Optional.empty()), published("log"), "not the registry's publish");
  }

  @Test
  void readingTwiceGivesTheSameTable() {
    Resolver again =
        NeutronTrees.read(Path.of("src/test/resources/fixtures/neutron-callbacks"));
    assertEquals(TABLE.lines(), CallbackTable.of(again.index(), again).lines());
    assertSame(TABLE.unresolved(), TABLE.filtered(s -> true).unresolved());
  }

  /** What {@link CallbackTable#published} tells of each call in a method of the fake plugin. */
  private static List<Optional<CallbackTable.Key>> published(String method) {
    FunctionInfo fn = TREE.classNamed("neutron.plugin.Plugin").orElseThrow()
        .methods().get(method);
    return published(fn, TREE);
  }

  static List<Optional<CallbackTable.Key>> published(FunctionInfo fn, Resolver tree) {
    Scope scope = tree.scopeOf(fn);
    List<Optional<CallbackTable.Key>> out = new ArrayList<>();
    StatementWalker.forEach(fn.ast().body(), s -> ExprChildren.of(s).forEach(e -> calls(e, c -> {
      out.add(CallbackTable.published(c, scope, tree));
    })));
    return out;
  }

  private static void calls(Expr e, java.util.function.Consumer<Expr.Call> found) {
    if (e instanceof Expr.Call c) {
      found.accept(c);
    }
    ExprChildren.of(e).forEach(x -> calls(x, found));
  }

}
