package dev.novatrace.site;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.diff.ActionDiff;
import dev.novatrace.diff.DiffDiagram;
import dev.novatrace.diff.DiffReport;
import dev.novatrace.diff.Differ;
import dev.novatrace.output.ActionProvenance;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.PlantUmlRenderer;
import dev.novatrace.render.Provenance;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.trace.Trace;
import dev.novatrace.trace.TraceJson;
import dev.novatrace.util.DeepCode;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Drawing;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the static site of one release: {@code index.html}, {@code style.css},
 * {@code search.js}, and in {@code actions/} a page per action with its diagrams and files.
 * Everything is computed from the trees, nothing from the clock or the machine, so the same
 * trees and options give the same bytes.
 */
public final class SiteBuilder {
  /** Marks our pages, so that a later run knows the folder's actions/ is its own to tidy. */
  static final String GENERATOR = "novatrace";

  /**
   * How to build: the levels of detail to draw (the most detailed is the {@code main} one, whose
   * diagram gives the index's figures and the diffs), the depth, and source links (null: none).
   */
  public record Options(List<Detail> levels, int depth, SourceLinks links) {
    public Options {
      levels = levels.stream().distinct().sorted().toList();
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("no level of detail");
      }
    }

    Detail main() {
      return levels.get(levels.size() - 1);
    }
  }

  /**
   * What was built. {@code problems} (an action or diagram that failed, a partial trace) and
   * {@code warnings} (what PlantUML said about a diagram it drew) are one line each.
   */
  public record Result(int actions, int files, int removed, List<String> problems,
      List<String> warnings) {
    public Result {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }
  }

  /** Told before each action is built, for a progress bar. */
  public interface Progress {
    void update(int done, int total, String action);
  }

  private final Workspace ws;
  private final Options options;
  private final SiteOutput out;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private SiteBuilder(Workspace ws, Options options, SiteOutput out) {
    this.ws = ws;
    this.options = options;
    this.out = out;
  }

  /**
   * Builds the site of {@code actions} (all of them when {@code all}) of {@code ws} into
   * {@code dir}, compared with each of {@code others}.
   */
  public static Result build(Workspace ws, List<Workspace> others,
      List<ApiAction> actions, boolean all, Options options, Path dir, Progress progress)
      throws IOException {
    SiteOutput out = SiteOutput.open(dir);
    SiteBuilder b = new SiteBuilder(ws, options, out);
    checkNames(others);
    List<Comparison> comparisons = new ArrayList<>();
    for (Workspace other : others) {
      comparisons.add(b.compare(other, actions, all));
    }
    List<ActionView> views = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      progress.update(i, actions.size(), actions.get(i).name());
      b.action(actions.get(i), comparisons).ifPresent(views::add);
    }
    progress.update(actions.size(), actions.size(), "");
    SiteModel site = b.model(comparisons);
    for (ActionView v : views) {
      out.text(v.page(), ActionPage.render(site, v));
    }
    out.text(SiteFiles.INDEX, IndexPage.render(site, views));
    out.resource(SiteFiles.STYLE);
    out.resource(SiteFiles.SEARCH);
    int removed = out.removeStale();
    return new Result(views.size(), out.written(), removed, b.problems, b.warnings);
  }

  /** Before any diff is made: the files of two releases compared must not overwrite each other. */
  private static void checkNames(List<Workspace> others) {
    Set<String> slugs = new HashSet<>();
    for (Workspace other : others) {
      String slug = Release.slug(other.tree().name());
      if (!slugs.add(slug)) {
        throw new UserError("--compare: two trees are both named " + slug + " (give each once)");
      }
    }
  }

  /** Refuses a folder whose {@code actions/} is not ours, before any work is done. */
  public static void checkFolder(Path dir) {
    SiteOutput.check(dir);
  }

  /** The diffs of the actions against another release, by action name. */
  private record Comparison(Release release, Map<String, ActionDiff> diffs) {}

  private Comparison compare(Workspace other, List<ApiAction> actions, boolean all) {
    Differ differ = new Differ(other, ws, options.main(), options.depth());
    DiffReport report = all ? differ.all() : differ.of(actions.stream().map(ApiAction::name)
        .toList());
    Map<String, ActionDiff> diffs = new HashMap<>();
    report.actions().forEach(a -> diffs.put(a.action(), a));
    String label = other.tree().name();
    return new Comparison(new Release(label, Release.slug(label), report.onlyBefore()), diffs);
  }

  private SiteModel model(List<Comparison> comparisons) {
    return new SiteModel(ws.tree().title(), ws.tree().versionOrLabel(), Provenance.toolVersion(),
        options.levels(),
        comparisons.stream().map(Comparison::release).toList(), options.links(),
        deployment());
  }

  /** What the site's deployment sets: options, policy rules, the caller's role. */
  private List<String> deployment() {
    List<String> set = new ArrayList<>();
    ws.settings().changed().forEach(s -> set.add(s.describe()));
    set.addAll(ws.policies().overridden());
    if (ws.role() != null) {
      set.add("role " + ws.role().roleName() + " (--role)");
    }
    return set;
  }

  private Optional<ActionView> action(ApiAction action, List<Comparison> comparisons)
      throws IOException {
    String name = action.name();
    Set<String> failed = new HashSet<>();
    Optional<Levels> drawn = DeepCode.attempt(name, problems::add, () -> levels(action, failed));
    if (drawn.isEmpty()) {
      return Optional.empty();
    }
    List<String> unparsed = drawn.get().unparsed();
    unparsed.forEach(u -> problems.add(name + ": partial: " + u));
    List<ActionView.DiffView> diffs = new ArrayList<>();
    for (Comparison c : comparisons) {
      ActionDiff diff = c.diffs().get(name);
      if (diff != null && diff.differs()) {
        diffFiles(diff, c.release(), failed);
      }
      diffs.add(new ActionView.DiffView(c.release(), diff));
    }
    List<String> notes = unparsed.stream().map(u -> "Partial: " + u).toList();
    return Optional.of(new ActionView(action, ActionFacts.of(drawn.get().main()),
        options.levels(), options.main(), failed, notes, diffs));
  }

  /** An action drawn at every level: the files its route missed, and the main level's diagram. */
  private record Levels(List<String> unparsed, Diagram main) {}

  /** Writes every level's files of {@code action}. */
  private Levels levels(ApiAction action, Set<String> failed) throws IOException {
    List<String> unparsed = ws.unparsedOnRoute(action, options.depth());
    // The same at every level: what the default deployment decided on the action's path.
    ActionProvenance provenance = ActionProvenance.of(ws, action, options.depth());
    Diagram main = null;
    for (Detail level : options.levels()) {
      Diagram d = level(action, level, provenance, failed);
      main = level == options.main() ? d : main;
    }
    return new Levels(unparsed, main);
  }

  /** Writes one level's SVG and text files; returns its diagram. */
  private Diagram level(ApiAction action, Detail level, ActionProvenance provenance,
      Set<String> failed) throws IOException {
    Drawing drawing = ws.draw(action, level, options.depth());
    Trace trace = drawing.trace();
    Diagram diagram = drawing.diagram();
    DiagramOutput.Extras extras = new DiagramOutput.Extras(provenance.at(level), options.links());
    String name = action.name();
    draw(diagram, SiteFiles.diagram(name, level, "svg"), Format.SVG, extras, failed);
    draw(diagram, SiteFiles.diagram(name, level, "wsd"), Format.WSD, extras, failed);
    draw(diagram, SiteFiles.diagram(name, level, "puml"), Format.PUML, extras, failed);
    draw(diagram, SiteFiles.diagram(name, level, "mmd"), Format.MERMAID, extras, failed);
    out.action(SiteFiles.diagram(name, level, "json"), TraceJson.write(trace,
        extras.provenance().assumes()).getBytes(StandardCharsets.UTF_8));
    return diagram;
  }

  private void diffFiles(ActionDiff diff, Release other, Set<String> failed) throws IOException {
    Diagram d = DiffDiagram.of(diff, other.label(), ws.tree().name());
    draw(d, SiteFiles.diff(diff.action(), other, "svg"), Format.SVG, DiagramOutput.Extras.NONE,
        failed);
    draw(d, SiteFiles.diff(diff.action(), other, "wsd"), Format.WSD, DiagramOutput.Extras.NONE,
        failed);
  }

  /** Writes a diagram file into actions/; one that cannot be drawn is a problem, not an abort. */
  private void draw(Diagram d, String file, Format format, DiagramOutput.Extras extras,
      Set<String> failed) throws IOException {
    try {
      PlantUmlRenderer.Image image = DiagramOutput.render(d, format, extras);
      out.action(file, image.bytes());
      image.warnings().forEach(w -> warnings.add(file + ": " + w));
    } catch (RenderException ex) {
      failed.add(file);
      problems.add(file + ": " + ex.getMessage());
    }
  }
}
