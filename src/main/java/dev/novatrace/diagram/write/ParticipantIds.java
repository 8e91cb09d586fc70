package dev.novatrace.diagram.write;

import dev.novatrace.diagram.Participant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}) for participant names, for targets whose
 * ids must be plain (PlantUML, Mermaid): "Nova API" becomes {@code Nova_API}, a reserved word or
 * a clash gets a suffix. The displayed label is written separately, so nothing is lost.
 */
final class ParticipantIds {

  private final Set<String> reserved;
  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** {@code reserved}: the target's keywords, lower case; ids never equal one of them. */
  ParticipantIds(List<Participant> participants, Set<String> reserved) {
    this.reserved = reserved;
    for (Participant p : participants) {
      id(p.name());
    }
  }

  /** The id of a name; names not declared get one on first use. */
  String id(String name) {
    return ids.computeIfAbsent(name, this::fresh);
  }

  private String fresh(String name) {
    String base = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
      base = "p_" + base;
    }
    if (reserved.contains(base.toLowerCase(Locale.ROOT))) {
      base = base + "_";
    }
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "_" + n;
    }
    return id;
  }
}
