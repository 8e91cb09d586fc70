package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The call graph as text, one block per function: its regions indented as the code nests them,
 * and under them each call that means something, with what it is. Calls the tree cannot follow
 * and calls that draw nothing are left out, and so are regions left empty by that; {@code
 * trace --explain} lists the unresolved ones.
 */
public final class CallGraphText {
  private CallGraphText() {}

  public static String of(CallGraph graph) {
    StringBuilder sb = new StringBuilder();
    for (CallGraph.Node n : graph.nodes()) {
      sb.append(n.id()).append('\n');
      Map<Integer, List<String>> callbacks = new HashMap<>();
      graph.from(n.id()).stream().filter(e -> e.kind().equals("callback")).forEach(e -> callbacks
          .computeIfAbsent(e.line(), k -> new ArrayList<>()).add(e.kind() + " " + e.to()));
      items(n.body().items(), "  ", callbacks, sb);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void items(List<RegionItem> items, String indent,
      Map<Integer, List<String>> callbacks, StringBuilder sb) {
    for (RegionItem item : items) {
      if (item instanceof Region.Call call) {
        String what = describe(call.site());
        if (!what.isEmpty()) {
          sb.append(indent).append(call.line()).append(' ').append(call.callee()).append(": ")
              .append(what).append('\n');
        }
        // Callbacks the call runs, once, under the first call of their line.
        for (String cb : callbacks.getOrDefault(call.line(), List.of())) {
          sb.append(indent).append("  ").append(cb).append('\n');
        }
        callbacks.remove(call.line());
      } else if (item instanceof Region r && shows(r)) {
        sb.append(indent).append(r.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append(r.condition().isEmpty() ? "" : " " + r.condition())
            .append(" (").append(r.line()).append(")\n");
        items(r.items(), indent + "  ", callbacks, sb);
      }
    }
  }

  /** Whether a region holds any call worth a line. */
  private static boolean shows(Region r) {
    return r.items().stream().anyMatch(i -> i instanceof Region.Call c
        ? !describe(c.site()).isEmpty() : shows((Region) i));
  }

  /** What a call is, in a few words; empty for calls the dump leaves out. */
  static String describe(CallSite site) {
    if (site instanceof CallSite.Noted n) {
      return "note " + n.text().replace('\n', ' ');
    }
    if (site instanceof CallSite.Rpc r) {
      String verbs = r.verbs().stream().map(v -> v.verb()
          + (v.condition().isEmpty() ? "" : " if " + v.condition()))
          .collect(Collectors.joining(" | "));
      return "rpc " + verbs + " " + r.method() + " -> " + r.target()
          + r.handler().map(h -> " " + anchor(h)).orElse(" (no handler)");
    }
    if (site instanceof CallSite.FieldUpdate u) {
      return "sets fields of " + u.receiver();
    }
    if (site instanceof CallSite.FlowRun run) {
      return "runs tasks " + run.tasks().stream().map(t -> t.function().qualifiedName())
          .collect(Collectors.joining(", "));
    }
    if (site instanceof CallSite.HandedCall h) {
      return "calls handed " + anchor(h.handed().fn().function()) + " in "
          + h.handed().participant();
    }
    if (site instanceof CallSite.Summarised s) {
      return "summary -> " + s.summary().participant() + ": " + s.summary().label();
    }
    if (site instanceof CallSite.Endpoint e) {
      return "endpoint -> " + e.target() + ": " + e.callee().function().qualifiedName();
    }
    if (site instanceof CallSite.Request r) {
      return "request -> " + r.target() + ": " + r.label();
    }
    if (site instanceof CallSite.Crossing x) {
      return "crossing -> " + x.target() + " " + anchor(x.callee().function());
    }
    if (site instanceof CallSite.Helper h) {
      return "helper " + anchor(h.callee().function());
    }
    if (site instanceof CallSite.LookedUp l) {
      return "lookup on " + l.key() + ": " + l.entries().stream()
          .map(e -> "'" + e.key() + "' " + anchor(e.function().function()))
          .collect(Collectors.joining(", "));
    }
    if (site instanceof CallSite.UnknownWrite w) {
      return "write -> " + w.target();
    }
    if (site instanceof CallSite.RowWrite w) {
      return "write " + w.subject() + " -> " + w.target();
    }
    return "";
  }

  private static String anchor(FunctionInfo fn) {
    return Step.Origin.of(fn).anchorText();
  }
}
