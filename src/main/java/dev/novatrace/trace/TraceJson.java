package dev.novatrace.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.novatrace.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trace model as JSON, for other tools: the step tree of a shaped trace; given the trace as
 * drawn ({@code Workspace.drawn}), it names and counts what the diagram shows. The records
 * below are the published shape (field names and order), kept apart from the model so a change
 * of the model does not silently change what other tools read.
 */
public final class TraceJson {
  private TraceJson() {}

  public static String write(Trace t) {
    return write(t, List.of());
  }

  /**
   * The trace with the settings that decided its branches ({@code [quota] driver =
   * nova.quota.DbQuotaDriver (default)}), as the diagram's {@code # assumes} lines name them.
   */
  public static String write(Trace t, List<String> assumes) {
    return Json.write(new TraceOut(t.action(), t.client(), t.entryParticipant(), t.request(),
        t.reply(), origin(t.entry()), assumes, steps(t.steps())));
  }

  record TraceOut(String action, String client, String entryParticipant, String request,
      String reply, OriginOut entry, List<String> assumes, List<Object> steps) {}

  record OriginOut(String path, int line, String function) {}

  /** What a save writes: each field with its literal or computed value, null when unknown. */
  record FieldOut(String name, String value, boolean computed) {}

  /**
   * A message lists {@code fields} only when it is a save, and says {@code async} only when
   * nothing waits for it (sent from a thread the sender spawned).
   */
  record MessageOut(String type, String kind, String from, String to, String label,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldOut> fields, OriginOut origin,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean async) {}

  record FrameOut(String type, OriginOut origin) {}

  record NoteOut(String type, String over, String text, OriginOut origin) {}

  record BlockOut(String type, String kind, List<BranchOut> branches, OriginOut origin) {}

  record BranchOut(String condition, List<Object> steps) {}

  record InvocationOut(String type, String kind, String from, String to, String label,
      List<Object> steps, OriginOut origin) {}

  record CastOut(String type, String from, String to, String label, List<Object> steps,
      OriginOut origin) {}

  /** A drawn trace has no locals left; a raw one written for debugging still names them. */
  record LocalOut(String type, String participant, List<Object> steps, OriginOut origin) {}

  private static List<Object> steps(List<Step> steps) {
    return steps.stream().map(TraceJson::step).toList();
  }

  private static Object step(Step s) {
    OriginOut o = origin(s.origin());
    // What a step holds is written the same way whatever the step: one list per nested list.
    List<List<Object>> inner = s.children().stream().map(TraceJson::steps).toList();
    if (s instanceof Step.Message m) {
      return new MessageOut("message", lower(m.kind()), m.from(), m.to(), m.label(),
          m.fields().stream().map(f -> new FieldOut(f.name(), f.value(), f.computed())).toList(),
          o, m.background());
    } else if (s instanceof Step.Frame) {
      return new FrameOut("frame", o);
    } else if (s instanceof Step.Note n) {
      return new NoteOut("note", n.participant(), n.text(), o);
    } else if (s instanceof Step.Block b) {
      List<BranchOut> branches = new ArrayList<>();
      for (int i = 0; i < inner.size(); i++) {
        branches.add(new BranchOut(b.branches().get(i).condition(), inner.get(i)));
      }
      return new BlockOut("block", lower(b.kind()), branches, o);
    } else if (s instanceof Step.Invocation inv) {
      return new InvocationOut("invocation", lower(inv.kind()), inv.from(), inv.to(),
          inv.label(), inner.get(0), o);
    } else if (s instanceof Step.Cast c) {
      return new CastOut("cast", c.from(), c.to(), c.label(), inner.get(0), o);
    }
    Step.Local l = (Step.Local) s;
    return new LocalOut("local", l.participant(), inner.get(0), o);
  }

  private static String lower(Enum<?> k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  private static OriginOut origin(Step.Origin o) {
    return o == null ? null : new OriginOut(o.path(), o.line(), o.function());
  }
}
