package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.TraceProfile.Continuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the server does later for a port, as data (docs/neutron-design.md, section 4.5). Under
 * OVN, the server's northbound monitor sees the Logical_Switch_Port a request wrote: a new row
 * is reported down ({@code LogicalSwitchPortCreateEvent}: a provisioning block, the port's
 * status), an updated one up once ovn-controller has wired the port it binds
 * ({@code LogicalSwitchPortUpdateUpEvent}: the provisioning completed, the port ACTIVE, Nova's
 * {@code network-vif-plugged}), each only for a row its event's {@code match_fn} can see
 * ({@link RowMatches}). Under openvswitch, the OVS agent's {@code update_device_list}
 * is not drawn yet: its handler's status path needs branch-local fields.
 */
final class LaterWork {

  /**
   * A handler a mechanism driver's deployment runs later: when a trace writes {@code labels} to
   * {@code trigger}, {@code from} starts {@code method} of the first of {@code classes} the tree
   * has, in the server.
   */
  private record Entry(String mechanismDriver, String trigger, Set<String> labels, String from,
      String label, List<String> classes, String method, Map<String, String> rowColumns) {}

  /** One report per port: created, or up. */
  private static final String GROUP = "port";

  private static final String MONITOR =
      "neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb.ovsdb_monitor.";

  private static final List<Entry> TABLE = List.of(
      new Entry("ovn", NeutronTopology.OVN_NB, Set.of("create_lswitch_port"),
          NeutronTopology.OVN_NB, "Logical_Switch_Port created",
          // 17 has a class per state; a new port is down: its row's up column is written by
          // ovn-northd once ovn-controller has bound the port, never by the server's create
          // (an OVSDB column nobody wrote is empty).
          List.of(MONITOR + "LogicalSwitchPortCreateEvent",
              MONITOR + "LogicalSwitchPortCreateDownEvent"), "run", Map.of("up", "[]")),
      new Entry("ovn", NeutronTopology.OVN_NB, Set.of("set_lswitch_port"),
          NeutronTopology.OVN_NB, "Logical_Switch_Port up",
          List.of(MONITOR + "LogicalSwitchPortUpdateUpEvent"), "run", Map.of()));

  private LaterWork() {}

  /**
   * The columns of the row a handler {@code run(self, event, row, old)} is given, as the
   * literals of its row parameter's fields ({@code row.up}: {@code []}).
   */
  private static Map<String, String> rowFields(FunctionInfo run, Map<String, String> columns) {
    List<dev.novatrace.python.ast.Param> params = run.ast().params();
    if (params.size() < 3) {
      return Map.of();
    }
    String row = params.get(2).name();
    Map<String, String> out = new java.util.TreeMap<>();
    columns.forEach((column, value) -> out.put(row + "." + column, value));
    return out;
  }

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

  /** The entry's handler: the method of the first of its classes the tree has. */
  private static Optional<Continuation> handler(Entry e, Resolver resolver) {
    for (String name : e.classes()) {
      Optional<ClassInfo> cls = resolver.classNamed(name);
      FunctionInfo fn = cls.map(c -> resolver.lookupMethod(c, e.method(), null)).orElse(null);
      if (fn != null) {
        return Optional.of(new Continuation(GROUP, e.trigger(), e.labels(), e.from(), e.label(),
            fn, cls.get(), NeutronTopology.SERVER, RowMatches.of(cls.get(), resolver).fires(),
            rowFields(fn, e.rowColumns())));
      }
    }
    return Optional.empty();
  }
}
