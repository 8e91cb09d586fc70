package dev.novatrace.drift;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.DiagramError;
import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.ReadDiagram;
import dev.novatrace.diagram.Renaming;
import dev.novatrace.diagram.read.DiagramFiles;
import dev.novatrace.diff.Anchor;
import dev.novatrace.diff.FlatStep;
import dev.novatrace.diff.Flattener;
import dev.novatrace.drift.Finding.Kind;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.Projects;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reviews .wsd diagrams against a tree: anchors, RPC methods, and, when the diagram's action can
 * be told, the RPC messages and state changes of a fresh trace. Each diagram is reviewed on its
 * own; one that cannot be read is a finding and the others go on.
 */
public final class DriftChecker {
  private final Workspace ws;
  private final Detail detail;
  private final int depth;
  private final AnchorCheck anchors;
  private final RpcCheck rpc;
  private final Map<String, List<FlatStep>> traces = new HashMap<>();
  private final Map<String, List<FlatStep>> everything = new HashMap<>();

  public DriftChecker(Workspace ws, Detail detail, int depth) {
    this.detail = detail;
    this.ws = ws;
    this.depth = depth;
    this.anchors = new AnchorCheck(ws.index(), new Definitions(ws.index()), ws.tree().name(),
        ws.unparsedFiles());
    this.rpc = new RpcCheck(ws.index(), ws::rpcRoutes, ws.tree().name());
  }

  /** Reviews one file; {@code name} is how findings name it. */
  public List<Finding> check(Path file, String name) {
    return check(file, name, warning -> { });
  }

  /**
   * Reviews one .wsd or .dia file, handing the warnings its text gave (odd text that
   * websequencediagrams draws anyway) to {@code warnings}.
   */
  public List<Finding> check(Path file, String name, Consumer<DiagramError> warnings) {
    if (ofAnotherProject(file)) {
      // diagrams/ holds Nova's, diagrams/cinder/ Cinder's: a folder is reviewed against one tree.
      return List.of();
    }
    Diagram d;
    try {
      ReadDiagram read = DiagramFiles.read(file);
      read.warnings().forEach(warnings);
      d = read.diagram();
    } catch (IOException e) {
      return List.of(Finding.of(name, 1, Kind.UNREADABLE, "cannot read: " + e.getMessage(), ""));
    } catch (DiagramException e) {
      return e.errors().stream().map(err -> Finding.of(name, err.line(), Kind.UNREADABLE,
          err.message(), "")).toList();
    }
    // Documentation diagrams (seqdiag) draw a workflow's messages between services, never all
    // of its steps: each message is checked, the steps are not compared with the trace.
    return DiagramFiles.isSeqdiag(file) ? review(d, name, Optional.empty())
        : review(d, name, Optional.of(stem(file)));
  }

  /**
   * Whether the file is one we wrote from a tree of another project: its provenance line
   * ({@code # novatrace 0.1.0 · Cinder 29.0.0 · extend · ...}) names a project that is not the
   * tree's.
   */
  public boolean ofAnotherProject(Path file) {
    String first;
    try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file,
        java.nio.charset.StandardCharsets.UTF_8)) {
      first = r.readLine();
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
    if (first == null || !first.startsWith("# novatrace ")) {
      return false;
    }
    String[] parts = first.split(" \u00b7 ");
    return parts.length > 1 && !parts[1].startsWith(ws.tree().title() + " ");
  }

  /** Reviews a diagram already read; {@code fileStem} may name its action. */
  public List<Finding> check(Diagram d, String name, String fileStem) {
    return review(d, name, Optional.of(fileStem));
  }

  /**
   * Reviews a diagram with its participants named as ours (a role such as {@code Conductor} or
   * {@code nova-compute} is the participant it stands for); its steps are compared with the trace
   * of its action when {@code fileStem} is given and it or the title names one.
   */
  private List<Finding> review(Diagram drawn, String name, Optional<String> fileStem) {
    // The roles people write are a project's where it knows them (Nova's documentation, the
    // hand-drawn collection); another project's diagrams are read with the names as written.
    Diagram d = Projects.named(ws.tree().project()).roleNames()
        .map(roles -> Renaming.apply(drawn,
            p -> roles.participant(p.name(), p.label()).orElse(p.name())))
        .orElse(drawn);
    List<FlatStep> steps = Flattener.flatten(d);
    List<Finding> out = new ArrayList<>(anchors.check(name, placedAnchors(d.elements())));
    List<Finding> rpcs = rpc.check(name, steps);
    out.addAll(rpcs);
    // A misspelt RPC is the RPC check's one finding (with the right method where it names one).
    Map<Integer, String> suggested = new HashMap<>();
    rpcs.stream().filter(f -> f.kind() == Kind.UNKNOWN_RPC)
        .forEach(f -> suggested.put(f.line(), f.suggestion()));
    fileStem.flatMap(stem -> action(d, stem, steps)).ifPresent(a -> out.addAll(StepCheck.check(
        name, a.name(), ws.tree().name(), steps, traced(a), known(a), suggested)));
    out.sort(null);
    return out;
  }

  /**
   * The action a diagram shows: its title or its file name; only an untitled diagram is known by
   * its first message's label, since labels such as {@code delete} are shared by several
   * resources and a titled diagram whose title names no action here is about something else.
   */
  Optional<ApiAction> action(Diagram d, String fileStem, List<FlatStep> steps) {
    List<String> candidates = new ArrayList<>();
    boolean titled = d.title() != null && !d.title().isBlank();
    if (titled) {
      candidates.add(d.title().strip());
    }
    candidates.add(fileStem);
    if (!titled) {
      steps.stream().filter(FlatStep::isMessage).findFirst()
          .ifPresent(s -> candidates.add(s.text().strip()));
    }
    List<Anchor> anchors = placedAnchors(d.elements()).stream().map(AnchorCheck.Placed::anchor)
        .toList();
    for (String c : candidates) {
      Optional<ApiAction> anchored = ws.actions().stream()
          .filter(a -> a.answersTo(c) || a.requestLabel().equals(c) || a.entry().name().equals(c))
          .filter(a -> anchors.stream().anyMatch(x -> anchorsEntry(x, a))).findFirst();
      if (anchored.isPresent()) {
        return anchored;
      }
      for (ApiAction a : ws.actions()) {
        if (a.answersTo(c) || a.requestLabel().equals(c)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an anchor names an action's entry: its controller method in its file ({@code #
   * nova/api/openstack/compute/servers.py create()} is boot's, whatever the file is called).
   * Among the actions a name could mean (on 22.0.1, {@code create} is the flavor action and the
   * entry of boot), the one whose entry the diagram anchors is the one it shows.
   */
  private static boolean anchorsEntry(Anchor anchor, ApiAction action) {
    String path = action.entry().module().path();
    String fn = anchor.function() == null ? "" : anchor.function();
    String name = fn.substring(fn.lastIndexOf('.') + 1);
    return (path.equals(anchor.path()) || path.endsWith("/" + anchor.path()))
        && name.equals(action.entry().name());
  }

  private List<FlatStep> traced(ApiAction a) {
    return traces.computeIfAbsent(a.name(),
        n -> Flattener.flatten(ws.diagram(a, detail, depth)));
  }

  /** Every step of an action's code, failure paths too: the trace at full detail. */
  private List<FlatStep> known(ApiAction a) {
    if (detail == Detail.FULL) {
      return traced(a);
    }
    return everything.computeIfAbsent(a.name(), n -> Flattener.flatten(
        ws.diagram(a, Detail.FULL, depth)));
  }

  static List<AnchorCheck.Placed> placedAnchors(List<Element> elements) {
    List<AnchorCheck.Placed> out = new ArrayList<>();
    for (Element e : elements) {
      if (e instanceof Element.Comment c) {
        Anchor.parse(c.text()).ifPresent(a -> out.add(new AnchorCheck.Placed(a, c.line())));
      } else if (e instanceof Element.Block b) {
        b.sections().forEach(s -> out.addAll(placedAnchors(s.elements())));
      }
    }
    return out;
  }

  private static String stem(Path file) {
    Path name = file.getFileName();
    String n = name == null ? file.toString() : name.toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }
}
