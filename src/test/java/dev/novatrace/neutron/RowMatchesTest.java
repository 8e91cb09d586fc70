package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An OVSDB row event's {@code match_fn}, read for what it requires of a row's map column, on
 * fixture {@code row-events}: a write handing that column a dict display without the key makes
 * a row the event never sees; a write whose column it cannot read may.
 */
class RowMatchesTest {
  private final Resolver resolver = NeutronTrees.fixture("row-events");

  private ClassInfo cls(String dotted) {
    return resolver.classNamed(dotted).orElseThrow();
  }

  /** The message a client method's create_lswitch_port call draws. */
  private Step.Message written(String method) {
    return new Step.Message("neutron_server", "ovn_nb", "create_lswitch_port",
        Step.Kind.SERVICE, Step.Effect.WRITE,
        Step.Origin.of(cls("neutron.ovn.client.Client").methods().get(method)), List.of());
  }

  @Test
  void aKeyTheMatchFunctionTestsInAMapColumnIsRequired() {
    List<RowMatches.Requirement> port = List.of(
        new RowMatches.Requirement("external_ids", "neutron:port_name"));
    assertEquals(port, RowMatches.of(cls("neutron.ovn.monitor.PortCreateEvent"), resolver)
        .required());
    assertEquals(port, RowMatches.of(cls("neutron.ovn.monitor.NamedPortEvent"), resolver)
        .required());
    assertEquals(List.of(), RowMatches.of(cls("neutron.ovn.monitor.AnyPortEvent"), resolver)
        .required());
  }

  @Test
  void aRowWrittenWithoutTheKeyIsNotSeen() {
    RowMatches port = RowMatches.of(cls("neutron.ovn.monitor.PortCreateEvent"), resolver);
    assertFalse(port.fires().test(written("create_provnet_port")));
    assertTrue(port.fires().test(written("create_named_port")));
    // Keyword arguments in a dict: the column may hold the key.
    assertTrue(port.fires().test(written("create_port")));
    // An event that requires nothing sees every row.
    assertTrue(RowMatches.of(cls("neutron.ovn.monitor.AnyPortEvent"), resolver).fires()
        .test(written("create_provnet_port")));
  }
}
