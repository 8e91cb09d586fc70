package dev.novatrace.output;

import dev.novatrace.python.Diagnostic;
import dev.novatrace.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file that failed to parse, and what it cost a run: the API's routes needed it (actions may
 * be missing, which no diagram can say), and the diagrams it made partial.
 *
 * @param failure the first thing wrong with the file
 * @param routesNeedIt whether discovering the API's actions needed it
 * @param partial the actions whose diagrams it made partial, in the order they were traced
 */
public record BrokenFile(Diagnostic failure, boolean routesNeedIt, List<String> partial) {
  public BrokenFile {
    partial = List.copyOf(partial);
  }

  /**
   * Each file of {@code ws} that failed, in the workspace's order; {@code partialBy} holds, for
   * each file a route needed and did not have, the actions whose diagrams it made partial.
   */
  static List<BrokenFile> of(Workspace ws, Map<String, List<String>> partialBy) {
    Set<String> routes = new HashSet<>();
    ws.neededByDiscovery().forEach(m -> routes.add(m.path()));
    List<BrokenFile> out = new ArrayList<>();
    for (Diagnostic d : ws.parseFailures()) {
      out.add(new BrokenFile(d, routes.contains(d.path()),
          partialBy.getOrDefault(d.path(), List.of())));
    }
    return out;
  }

  /**
   * One line: a finding naming the diagrams it made partial, or saying that the API's routes
   * needed it; a warning when nothing traced needed it.
   */
  public Note note() {
    String where = failure.path() + ":" + failure.line() + ": " + failure.message();
    List<String> why = new ArrayList<>();
    if (routesNeedIt) {
      why.add("the API's routes need it: actions may be missing");
    }
    if (!partial.isEmpty()) {
      why.add(partial.size() + " diagram" + (partial.size() == 1 ? "" : "s") + " partial: "
          + names(partial));
    }
    return why.isEmpty() ? new Note(true, where + " (file skipped)")
        : new Note(false, where + " (skipped; " + String.join("; ", why) + ")");
  }

  /** The first few names, and how many more. */
  private static String names(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String first = String.join(", ", names.subList(0, shown));
    return shown == names.size() ? first : first + " and " + (names.size() - shown) + " more";
  }
}
