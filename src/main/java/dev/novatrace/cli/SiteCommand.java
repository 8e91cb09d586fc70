package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.site.SiteBuilder;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.FolderLock;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code site}: every action of a release as a static site of pages and diagrams. */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = "Write a static site: an index of every action with a search box, and a page"
        + " per action with its diagrams, source anchors, files and diffs.",
    footer = {"  0  ok", "  1  an action that failed or was drawn partial"})
public final class SiteCommand implements Callable<Integer> {
  @Mixin SourceOption nova;

  @Option(names = "--compare", arity = "1..*", paramLabel = "SRC",
      description = "Other Nova trees to compare each action with (paths, snapshot versions or"
          + " release names).")
  List<String> compare = new ArrayList<>();

  @Option(names = "--action", arity = "1..*", paramLabel = "NAME",
      description = "Only these actions (names or aliases); default: every action.")
  List<String> actions;

  @Option(names = {"-o", "--output"}, defaultValue = "site", paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--detail", defaultValue = "overview,standard", split = ",",
      paramLabel = "LEVEL", description = "The levels of detail drawn on each page; the most"
          + " detailed gives the index's figures and the diffs (default: ${DEFAULT-VALUE}).")
  List<String> levels;

  @Mixin RouteOptions route = new RouteOptions();

  @Mixin LinkOptions linking = new LinkOptions();

  @Mixin ParseOptions parsing;

  @Mixin DeploymentOptions deployment;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Detail> chosen = levels();
    int depth = route.depth();
    linking.check();
    OutputFolder.writable(output);
    PrintWriter err = spec.commandLine().getErr();
    // A concurrent site run into this folder finishes first; then this one sees its whole site.
    try (FolderLock lock = FolderLock.acquire(output, () -> err.println(
        "novatrace: waiting for another novatrace run writing " + output))) {
      return build(chosen, depth, err);
    }
  }

  private int build(List<Detail> chosen, int depth, PrintWriter err) throws IOException {
    SiteBuilder.checkFolder(output);
    PrintWriter out = spec.commandLine().getOut();
    Leftovers.remove(List.of(output, output.resolve("actions")), err);
    // Every tree is found before any is parsed, so a mistyped --compare fails at once.
    SourceTree tree = nova.tree(err);
    List<SourceTree> otherTrees = compare.stream().map(src -> SourceOption.resolve(src, nova.project(), err)).toList();
    Workspace ws = WorkspaceLoader.load(tree, route.driver(), parsing, err);
    deployment.apply(ws, err);
    List<ApiAction> selected = selected(ws);
    List<Workspace> others = new ArrayList<>();
    for (SourceTree other : otherTrees) {
      Workspace o = WorkspaceLoader.load(other, route.driver(), parsing, err);
      deployment.applyWhereKnown(o, err);
      others.add(o);
    }
    SourceLinks links = linking.of(ws);
    ProgressBar bar = new ProgressBar(err, "site");
    SiteBuilder.Result r = SiteBuilder.build(ws, others, selected, actions == null,
        new SiteBuilder.Options(chosen, depth, links), output, bar::update);
    bar.clear();
    r.warnings().forEach(w -> err.println("novatrace: warning: " + w));
    r.problems().forEach(p -> err.println("novatrace: " + p));
    out.println("wrote the site of " + r.actions() + " action" + (r.actions() == 1 ? "" : "s")
        + " of " + ws.tree().label() + " into " + output + " (" + r.files() + " files"
        + (r.removed() > 0 ? ", " + r.removed() + " stale removed" : "") + ")");
    return r.problems().isEmpty() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }

  private List<Detail> levels() {
    List<Detail> out = new ArrayList<>();
    for (String l : levels) {
      try {
        out.add(Detail.parse(l));
      } catch (IllegalArgumentException e) {
        throw new UserError("--detail: " + e.getMessage());
      }
    }
    return out;
  }

  private List<ApiAction> selected(Workspace ws) {
    if (actions == null) {
      return ws.actions();
    }
    // Every name is resolved first, so a typo fails before anything is written.
    Map<String, ApiAction> out = new LinkedHashMap<>();
    actions.forEach(n -> {
      ApiAction a = ws.action(n);
      out.put(a.name(), a);
    });
    return List.copyOf(out.values());
  }

}
