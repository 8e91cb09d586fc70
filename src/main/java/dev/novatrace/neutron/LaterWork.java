package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.TraceProfile.Continuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the server does later for a port, as data (docs/neutron-design.md, section 4.5): a
 * provisioning block written for a port is removed when the L2 entity reports the port wired.
 * Under OVN, ovn-controller sets the Logical_Switch_Port up, and the server's northbound
 * monitor runs {@code LogicalSwitchPortUpdateUpEvent}; under openvswitch, the OVS agent's loop
 * calls {@code update_device_list} on the server. Either goes on to the port's status and Nova's
 * {@code network-vif-plugged}.
 */
final class LaterWork {

  /**
   * A handler a mechanism driver's deployment runs later: when a trace writes {@code labels} to
   * {@code trigger}, {@code from} starts {@code cls.method} of {@code module} in the server.
   */
  private record Entry(String mechanismDriver, String trigger, Set<String> labels, String from,
      String label, String cls, String method) {}

  private static final Set<String> BLOCK = Set.of("ProvisioningBlock.create");

  private static final List<Entry> TABLE = List.of(
      new Entry("ovn", NeutronTopology.DATABASE, BLOCK, NeutronTopology.OVN_NB,
          "Logical_Switch_Port up",
          "neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb.ovsdb_monitor"
              + ".LogicalSwitchPortUpdateUpEvent", "run"),
      new Entry("openvswitch", NeutronTopology.DATABASE, BLOCK, NeutronTopology.OVS_AGENT,
          "update_device_list", "neutron.plugins.ml2.rpc.RpcCallbacks", "update_device_list"));

  private LaterWork() {}

  /** The continuations of {@code deployment} whose handlers the tree holds. */
  static List<Continuation> of(Deployment deployment, Resolver resolver) {
    List<Continuation> out = new ArrayList<>();
    for (Entry e : TABLE) {
      if (e.mechanismDriver().equals(deployment.mechanismDriver())) {
        handler(e, resolver).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  private static Optional<Continuation> handler(Entry e, Resolver resolver) {
    Optional<ClassInfo> cls = resolver.classNamed(e.cls());
    FunctionInfo fn = cls.map(c -> resolver.lookupMethod(c, e.method(), null)).orElse(null);
    return fn == null ? Optional.empty() : Optional.of(new Continuation(e.trigger(), e.labels(),
        e.from(), e.label(), fn, cls.get(), NeutronTopology.SERVER));
  }
}
