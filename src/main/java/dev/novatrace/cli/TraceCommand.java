package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.project.ApiAction;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.Provenance;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.render.StaleFiles;
import dev.novatrace.trace.CallGraphText;
import dev.novatrace.trace.Trace;
import dev.novatrace.trace.TraceJson;
import dev.novatrace.util.AtomicFiles;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Drawing;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: follows API actions through the code and writes their sequence diagrams. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Trace API actions through Nova's services and write sequence diagrams.")
public final class TraceCommand implements Callable<Integer> {
  @Mixin SourceOption nova;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  static final class Selection {
    @Option(names = "--action", arity = "1..*", paramLabel = "NAME",
        description = "Action names or aliases (see 'actions').")
    List<String> actions;

    @Option(names = "--all", description = "Every action the API offers.")
    boolean all;
  }

  @Option(names = {"-o", "--output"}, defaultValue = "diagrams", paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--format", defaultValue = "wsd", split = ",", paramLabel = "FORMAT",
      description = "wsd, json, svg, png, puml, mermaid, seqdiag (.dia, at overview unless"
          + " --detail is given) or callgraph (.callgraph.txt: every function the action reaches,"
          + " its branches and what each call is); several separated by commas"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Mixin TraceOptions tracing;

  @Option(names = "--explain", description = "Report the calls on the traced routes that could not be resolved,"
          + " and how many calls of the whole tree resolve.")
  boolean explain;

  @Mixin LinkOptions linking = new LinkOptions();

  @Option(names = "--clean", description = "With --all: remove diagram files in the output folder"
      + " that this run did not write (otherwise they are only warned about).")
  boolean clean;

  @Mixin MaxFileSize maxFileSize;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<String> chosen = validatedFormats();
    int depth = tracing.depth();
    if (clean && !selection.all) {
      throw new UserError("--clean needs --all (only a complete run knows which files are stale)");
    }
    OutputFolder.writable(output);
    linking.check();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = WorkspaceLoader.loadQuietly(nova, tracing.driver(), maxFileSize, err);
    tracing.deployment.apply(ws, err);
    Leftovers.remove(List.of(output), err);
    Map<String, ApiAction> selected = new LinkedHashMap<>();
    if (selection.all) {
      ws.actions().forEach(a -> selected.put(a.name(), a));
    } else {
      // Resolve every name first, so a typo fails before anything is written.
      for (String name : selection.actions) {
        selected.put(name, ws.action(name));
      }
    }
    OutputFolder.noFolderAt(selected.keySet().stream()
        .flatMap(name -> chosen.stream().map(f -> target(name, f))).toList());
    SourceLinks links = linking.of(ws);
    // For each file a route needed and did not have, the actions whose diagrams it made partial.
    Map<String, List<String>> partialBy = new HashMap<>();
    ProgressBar progress = new ProgressBar(err, "tracing");
    int done = 0;
    int failed = 0;
    Set<Path> written = new HashSet<>();
    for (Map.Entry<String, ApiAction> e : selected.entrySet()) {
      progress.update(done, selected.size(), e.getKey()); // what is being traced now
      Trace trace;
      Diagram diagram;
      // What the default deployment decided on the action's path, the same in every format.
      List<String> assumes;
      try {
        Drawing drawing = ws.draw(e.getValue(), tracing.detail(), depth);
        trace = drawing.trace();
        diagram = drawing.diagram();
        // A diagram that misses what a broken file would draw is a finding, not a success.
        drawing.missed().forEach(m -> partialBy.computeIfAbsent(m.path(), k -> new ArrayList<>())
            .add(e.getKey()));
        failed += drawing.missed().isEmpty() ? 0 : 1;
        assumes = ws.assumptions(e.getValue(), depth);
      } catch (StackOverflowError tooDeep) {
        // Code nested deeper than even a big stack holds: this action fails, the rest go on.
        err.println("novatrace: " + e.getKey() + ": its code is nested too deeply to trace");
        failed++;
        continue;
      }
      for (String f : chosen) {
        if (f.equals(CALL_GRAPH)) {
          // The code's call graph, the same at every level of detail.
          Path file = output.resolve(e.getKey() + ".callgraph.txt");
          written.add(file);
          AtomicFiles.write(output, file, CallGraphText.of(ws.callGraph(e.getValue()))
              .getBytes(StandardCharsets.UTF_8));
          continue;
        }
        // seqdiag is for Nova's documentation, which draws the RPC skeleton: unless --detail
        // says otherwise, that format is written at overview.
        Detail level = f.equals("seqdiag") && !detailGiven() ? Detail.OVERVIEW : tracing.detail();
        Diagram drawn = level == tracing.detail() ? diagram
            : ws.draw(e.getValue(), level, depth).diagram();
        DiagramOutput.Extras extras = new DiagramOutput.Extras(Provenance.of(
            ws.tree().title(), ws.tree().versionOrLabel(), e.getValue().name(), level.label())
            .assuming(assumes), links);
        failed += write(e.getKey(), trace, drawn, f, extras, written, err);
      }
      done++;
      progress.update(done, selected.size());
    }
    progress.clear();
    failed += brokenFiles(ws, partialBy, err);
    if (selection.all) {
      staleFiles(written, err);
    }
    if (explain) {
      ws.unresolved(depth).forEach(u -> err.println("unresolved: " + u));
      err.println("novatrace: " + ws.census().summary());
    }
    out.println("traced " + selected.size() + " action" + (selected.size() == 1 ? "" : "s")
        + " of " + ws.tree().label() + " into " + output);
    return failed == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }

  private boolean detailGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--detail");
  }

  /**
   * One line for each file that failed: a finding naming the diagrams it made partial, or saying
   * that the API's routes needed it; a warning when nothing traced needed it. Returns how many
   * files the routes needed: actions may be missing, which no diagram can say.
   */
  private static int brokenFiles(Workspace ws, Map<String, List<String>> partialBy,
      PrintWriter err) {
    Set<String> routes = new HashSet<>();
    ws.neededByDiscovery().forEach(m -> routes.add(m.path()));
    int needed = 0;
    for (Diagnostic d : ws.parseFailures()) {
      String where = d.path() + ":" + d.line() + ": " + d.message();
      List<String> why = new ArrayList<>();
      if (routes.contains(d.path())) {
        why.add("the API's routes need it: actions may be missing");
        needed++;
      }
      List<String> partial = partialBy.get(d.path());
      if (partial != null) {
        why.add(partial.size() + " diagram" + (partial.size() == 1 ? "" : "s") + " partial: "
            + names(partial));
      }
      err.println(why.isEmpty() ? "novatrace: warning: " + where + " (file skipped)"
          : "novatrace: " + where + " (skipped; " + String.join("; ", why) + ")");
    }
    return needed;
  }

  /** The first few names, and how many more. */
  private static String names(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String first = String.join(", ", names.subList(0, shown));
    return shown == names.size() ? first : first + " and " + (names.size() - shown) + " more";
  }

  /** The file an action's diagram in {@code format} is written to. */
  private Path target(String name, String format) {
    if (format.equals("json")) {
      return output.resolve(name + ".json");
    }
    if (format.equals(CALL_GRAPH)) {
      return output.resolve(name + ".callgraph.txt");
    }
    return output.resolve(name + "." + Format.parse(format).extension);
  }

  /** Diagram files in the output folder that this run did not write: warned about, or removed. */
  private void staleFiles(Set<Path> written, PrintWriter err) throws IOException {
    List<Path> stale = StaleFiles.find(output, written);
    if (stale.isEmpty()) {
      return;
    }
    String names = String.join(", ", stale.stream().map(p -> p.getFileName().toString()).toList());
    if (clean) {
      StaleFiles.remove(stale);
      err.println("novatrace: removed " + stale.size() + " file" + (stale.size() == 1 ? "" : "s")
          + " this run did not write: " + names);
    } else {
      err.println("novatrace: warning: " + output + " holds " + stale.size() + " diagram file"
          + (stale.size() == 1 ? "" : "s") + " this run did not write (--clean removes them): "
          + names);
    }
  }

  private int write(String name, Trace trace, Diagram diagram, String format,
      DiagramOutput.Extras extras, Set<Path> written, PrintWriter err) throws IOException {
    try {
      if (format.equals("json")) {
        Path file = output.resolve(name + ".json");
        written.add(file);
        List<String> assumes = extras.provenance() == null ? List.of()
            : extras.provenance().assumes();
        AtomicFiles.write(output, file, TraceJson.write(trace, assumes)
            .getBytes(StandardCharsets.UTF_8));
      } else {
        Format f = Format.parse(format);
        written.add(output.resolve(name + "." + f.extension));
        DiagramOutput.write(diagram, output, name, f, extras).warnings()
            .forEach(w -> err.println("novatrace: warning: " + name + ": " + w));
      }
      return 0;
    } catch (RenderException ex) {
      err.println("novatrace: " + name + "." + format + ": " + ex.getMessage());
      return 1;
    }
  }

  /** The format that writes an action's call graph ({@code NAME.callgraph.txt}). */
  private static final String CALL_GRAPH = "callgraph";

  private List<String> validatedFormats() {
    List<String> out = new ArrayList<>();
    for (String f : formats) {
      String lower = f.strip().toLowerCase(java.util.Locale.ROOT);
      if (!lower.equals("json") && !lower.equals(CALL_GRAPH)) {
        try {
          Format.parse(lower);
        } catch (IllegalArgumentException ex) {
          throw new UserError("--format: unknown format '" + f + "' (expected json, "
              + CALL_GRAPH + " or " + Format.names() + ")");
        }
      }
      out.add(lower);
    }
    return out;
  }
}
