package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a core reviewer deletes or adds by hand, counted over the committed diagrams (Nova
 * 34.0.0 and Cinder 29.0.0) and a fresh standard trace of Nova 22.0.1: every count must be 0.
 * A database arrow names its object; a notification names its event; no call of a method that
 * does nothing is drawn; no condition reads {@code not (not ...)} or is cut unbalanced; no
 * branch is drawn empty; no folded note hides a request to another service; and the standard
 * budget holds (at most 300 lines, median under 100).
 */
class ReviewerCountsIT {
  private static final Path SNAPSHOTS = Path.of("nova-snapshots");
  private static final Pattern DATABASE_ARROW = Pattern.compile(".*->database: (.*)");
  private static final Pattern OBJECT_LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[a-z_]+.*");
  private static final Pattern BLOCK = Pattern.compile("\\s*(alt|opt|else|loop)( .*)?");
  private static final Pattern DRIVER_ARROW = Pattern.compile("\\w+->libvirt: (\\w+)");

  /** The counts of one release's diagrams. */
  private record Counts(Map<String, List<String>> found) {
    Counts() {
      this(new TreeMap<>());
    }

    void add(String what, String where) {
      found.computeIfAbsent(what, k -> new ArrayList<>()).add(where);
    }
  }

  @Test
  void whatAReviewerWouldChangeIsNowhere() throws IOException {
    Workspace newest = workspace("34.0.0");
    Map<String, String> committed = read(Path.of("diagrams"));
    Counts counts = new Counts();
    committed.forEach((name, text) -> count(name, text, newest, counts));
    hiddenRequests(newest, committed, counts);

    Workspace older = workspace("22.0.1");
    Map<String, String> traced = new TreeMap<>();
    for (ApiAction a : older.actions()) {
      traced.put("22.0.1/" + a.name(), WsdWriter.write(Workspace.diagram(
          older.trace(a, Detail.STANDARD, Workspace.DEFAULT_DEPTH), Detail.STANDARD)));
    }
    traced.forEach((name, text) -> count(name, text, older, counts));
    hiddenRequests(older, traced, counts);
    budget(traced.values(), "22.0.1", counts);
    budget(committed.values(), "34.0.0", counts);

    Path cinder = Path.of("diagrams", "cinder");
    if (Files.isDirectory(cinder)) {
      read(cinder).forEach((name, text) -> count("cinder/" + name, text, null, counts));
    }
    assertEquals(Map.of(), counts.found(), "what a reviewer would change");
  }

  private static Workspace workspace(String version) {
    Path root = SNAPSHOTS.resolve(version);
    boolean present = Files.isDirectory(root.resolve("nova"));
    if (!present && "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
      fail("snapshot " + version + " is missing: run nova-snapshots/fetch");
    }
    assumeTrue(present, "snapshot " + version + " not fetched");
    return Workspace.load(new SourceTree(root, version), "libvirt", null);
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".wsd")).toList()) {
        out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The counts read off a diagram's text ({@code ws}: the tree, to read the driver's code). */
  private static void count(String name, String text, Workspace ws, Counts counts) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = name + ":" + (i + 1);
      var db = DATABASE_ARROW.matcher(line);
      if (db.matches() && !OBJECT_LABEL.matcher(db.group(1)).matches()) {
        counts.add("database arrow without an object", where + " " + line.strip());
      }
      if (line.contains("notify: ") && Stream.of(line.split("\\\\n"))
          .filter(l -> l.contains("notify: ")).anyMatch(l -> l.contains("...")
              || l.contains("%") || l.contains("{"))) {
        counts.add("garbled notification", where + " " + line.strip());
      }
      if (line.contains("not (not")) {
        counts.add("not (not", where + " " + line.strip());
      }
      if (BLOCK.matcher(line).matches()
          && line.chars().filter(c -> c == '(').count() != line.chars().filter(c -> c == ')').count()) {
        counts.add("unbalanced condition", where + " " + line.strip());
      }
      if (i > 0 && line.strip().matches("(else|end)( .*)?")
          && lines.get(i - 1).strip().matches("(alt|else)( .*)?")) {
        counts.add("empty branch", where + " " + lines.get(i - 1).strip());
      }
      var driver = DRIVER_ARROW.matcher(line.strip());
      if (ws != null && driver.matches() && doesNothing(ws, driver.group(1))) {
        counts.add("call to a method that does nothing", where + " " + line.strip());
      }
    }
  }

  private static boolean doesNothing(Workspace ws, String method) {
    Optional<ClassInfo> driver = ws.resolver().classNamed("nova.virt.libvirt.driver.LibvirtDriver");
    if (driver.isEmpty()) {
      return false;
    }
    FunctionInfo fn = ws.resolver().lookupMethod(driver.get(), method, null);
    return fn != null && Calls.doesNothing(fn);
  }

  /**
   * Requests to another service a folded helper makes on the path (the raw trace, without the
   * branches standard detail leaves out) that its action's diagram does not draw.
   */
  private static void hiddenRequests(Workspace ws, Map<String, String> diagrams,
      Counts counts) {
    ProjectProfile rules = ws.profile();
    for (ApiAction a : ws.actions()) {
      String text = diagrams.entrySet().stream()
          .filter(e -> e.getKey().equals(a.name() + ".wsd") || e.getKey().endsWith("/" + a.name()))
          .map(Map.Entry::getValue).findFirst().orElse("");
      walk(ws.rawTrace(a, Workspace.DEFAULT_DEPTH).steps(), false, rules, a.name(), text,
          counts);
    }
  }

  private static void walk(List<Step> steps, boolean folded, ProjectProfile rules, String action,
      String text, Counts counts) {
    for (Step s : steps) {
      if (s instanceof Step.Message m && folded && m.kind() == Step.Kind.SERVICE
          && !drawn(text, m)) {
        counts.add("note hiding a request", action + ": " + m.from() + "->" + m.to() + ": "
            + m.label());
      } else if (s instanceof Step.Local l) {
        boolean folds = rules.foldedAs(l.callee()).isPresent();
        if (!(folds && rules.isErrorPath(l.callee()))) {
          walk(l.steps(), folded || folds, rules, action, text, counts);
        }
      } else if (s instanceof Step.Block b) {
        if (b.kind() == Step.BlockKind.FAILURE) {
          continue; // the way an action fails: left out at standard detail
        }
        List<Step.Branch> drawnBranches = b.kind() == Step.BlockKind.DEFAULT
            ? b.branches().subList(0, 1) : b.branches();
        drawnBranches.forEach(br -> walk(br.steps(), folded, rules, action, text, counts));
      } else if (s instanceof Step.Invocation inv) {
        walk(inv.steps(), false, rules, action, text, counts);
      } else if (s instanceof Step.Cast c) {
        walk(c.steps(), false, rules, action, text, counts);
      }
    }
  }

  /**
   * Whether a request is drawn, alone, as a line of an arrow of several, or as one of two
   * ({@code a or b}).
   */
  private static boolean drawn(String text, Step.Message m) {
    // One compute host is drawn as nova_compute, two as nova_compute_src and _dest.
    String arrow = host(m.from()) + "->" + host(m.to()) + ": ";
    return text.lines().map(l -> host(l.strip())).filter(l -> l.startsWith(arrow))
        .anyMatch(l -> List.of(l.substring(arrow.length()).split("\\\\n| or ")).stream()
            .map(x -> x.replaceFirst(" \\(\u00d7\\d+\\)$", "").replaceFirst(" \\(if needed\\)$", ""))
            .anyMatch(m.label()::equals));
  }

  private static String host(String text) {
    return text.replaceAll("(nova_compute)_(src|dest)\\b", "$1");
  }

  private static void budget(java.util.Collection<String> diagrams, String release,
      Counts counts) {
    List<Integer> sizes = diagrams.stream().map(t -> (int) t.lines().count()).sorted().toList();
    sizes.stream().filter(n -> n > 300).forEach(n -> counts.add("over 300 lines",
        release + ": " + n));
    int median = sizes.get(sizes.size() / 2);
    assertTrue(median < 100, release + " median " + median);
  }
}
