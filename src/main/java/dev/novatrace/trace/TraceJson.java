package dev.novatrace.trace;

import dev.novatrace.util.Json;
import java.util.List;

/**
 * The trace model as JSON, for other tools: the step tree of a shaped trace; given the trace as
 * drawn ({@code NovaWorkspace.drawn}), it names and counts what the diagram shows.
 */
public final class TraceJson {
  private TraceJson() {}

  public static String write(Trace t) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"action\": ").append(Json.quote(t.action()))
        .append(", \"client\": ").append(Json.quote(t.client()))
        .append(", \"entryParticipant\": ").append(Json.quote(t.entryParticipant()))
        .append(", \"request\": ").append(Json.quote(t.request()))
        .append(", \"reply\": ").append(Json.quote(t.reply()))
        .append(", \"entry\": ").append(origin(t.entry()))
        .append(", \"steps\": ");
    steps(t.steps(), sb, 1);
    return sb.append("}\n").toString();
  }

  /** What a save writes: each field with its literal or computed value, null when unknown. */
  private static void fields(List<Step.Field> fields, StringBuilder sb) {
    sb.append(", \"fields\": [");
    for (int i = 0; i < fields.size(); i++) {
      Step.Field f = fields.get(i);
      sb.append(i == 0 ? "" : ", ").append("{\"name\": ").append(Json.quote(f.name()))
          .append(", \"value\": ").append(f.value() == null ? "null" : Json.quote(f.value()))
          .append(", \"computed\": ").append(f.computed()).append('}');
    }
    sb.append(']');
  }

  private static void steps(List<Step> steps, StringBuilder sb, int indent) {
    if (steps.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    String pad = "\n" + "  ".repeat(indent);
    for (int i = 0; i < steps.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(pad);
      step(steps.get(i), sb, indent);
    }
    sb.append("\n").append("  ".repeat(indent - 1)).append(']');
  }

  private static void step(Step s, StringBuilder sb, int indent) {
    if (s instanceof Step.Message m) {
      sb.append("{\"type\": \"message\", \"kind\": ").append(kind(m.kind()))
          .append(", \"from\": ").append(Json.quote(m.from()))
          .append(", \"to\": ").append(Json.quote(m.to()))
          .append(", \"label\": ").append(Json.quote(m.label()));
      if (!m.fields().isEmpty()) {
        fields(m.fields(), sb);
      }
    } else if (s instanceof Step.Frame) {
      sb.append("{\"type\": \"frame\"");
    } else if (s instanceof Step.Note n) {
      sb.append("{\"type\": \"note\", \"over\": ").append(Json.quote(n.participant()))
          .append(", \"text\": ").append(Json.quote(n.text()));
    } else if (s instanceof Step.Block b) {
      sb.append("{\"type\": \"block\", \"kind\": ")
          .append(Json.quote(b.kind().name().toLowerCase(java.util.Locale.ROOT)))
          .append(", \"branches\": [");
      for (int i = 0; i < b.branches().size(); i++) {
        Step.Branch br = b.branches().get(i);
        sb.append(i == 0 ? "" : ", ").append("{\"condition\": ").append(Json.quote(br.condition()))
            .append(", \"steps\": ");
        steps(br.steps(), sb, indent + 1);
        sb.append('}');
      }
      sb.append(']');
    } else if (s instanceof Step.Invocation inv) {
      sb.append("{\"type\": \"invocation\", \"kind\": ").append(kind(inv.kind()))
          .append(", \"from\": ").append(Json.quote(inv.from()))
          .append(", \"to\": ").append(Json.quote(inv.to()))
          .append(", \"label\": ").append(Json.quote(inv.label()))
          .append(", \"steps\": ");
      steps(inv.steps(), sb, indent + 1);
    } else if (s instanceof Step.Cast c) {
      sb.append("{\"type\": \"cast\", \"from\": ").append(Json.quote(c.from()))
          .append(", \"to\": ").append(Json.quote(c.to()))
          .append(", \"label\": ").append(Json.quote(c.label()))
          .append(", \"steps\": ");
      steps(c.steps(), sb, indent + 1);
    }
    sb.append(", \"origin\": ").append(origin(s.origin())).append('}');
  }

  private static String kind(Step.Kind k) {
    return Json.quote(k.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String origin(Step.Origin o) {
    return o == null ? "null"
        : "{\"path\": " + Json.quote(o.path()) + ", \"line\": " + o.line()
            + ", \"function\": " + Json.quote(o.function()) + "}";
  }
}
