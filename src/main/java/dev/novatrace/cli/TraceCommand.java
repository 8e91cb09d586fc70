package dev.novatrace.cli;

import dev.novatrace.output.OutputFormat;
import dev.novatrace.output.TraceRun;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.util.ExitCode;
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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: follows API actions through the code and writes their sequence diagrams. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Trace API actions through a project's services (Nova's, Cinder's,"
        + " Neutron's) and write sequence diagrams.",
    footer = {"  0  ok", "  1  findings: a failed or partial action; a broken file the routes needed"})
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
      description = "Output folder (default: ${DEFAULT-VALUE}); '-' writes the one action asked"
          + " for, in one text format, to standard output.")
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

  @Mixin ParseOptions parsing;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Trace N actions at once, each thread with a copy of the loaded tree"
          + " (default: one per core, as many as the heap holds; --explain traces one at a"
          + " time). The diagrams are the same whatever N is.")
  Integer jobs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<OutputFormat> chosen = validatedFormats();
    int depth = tracing.depth();
    if (jobs != null && jobs < 1) {
      throw new UserError("--jobs must be at least 1, not " + jobs);
    }
    if (clean && !selection.all) {
      throw new UserError("--clean needs --all (only a complete run knows which files are stale)");
    }
    if (toStdout()) {
      checkOneTextOutput(chosen);
    } else {
      OutputFolder.writable(output);
    }
    linking.check();
    PrintWriter err = spec.commandLine().getErr();
    Workspace.Parsed parsed = WorkspaceLoader.parseQuietly(nova, parsing, err);
    int threads = Math.min(jobs(), selection.all ? Integer.MAX_VALUE
        : new java.util.HashSet<>(selection.actions).size());
    Copies copies = threads > 1 ? new Copies(() -> configuredCopy(parsed)) : null;
    Workspace ws = parsed.workspace(tracing.driver());
    tracing.deployment.apply(ws, err);
    if (!toStdout()) {
      Leftovers.remove(List.of(output), err);
    }
    TraceRun.Options options = options(ws, chosen, depth);
    ProgressBar progress = new ProgressBar(err, "tracing");
    TraceRun.Result result = TraceRun.run(ws, copies, threads, options,
        listener(progress, err));
    progress.clear();
    report(ws, result, depth, err);
    return result.findings() == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }

  /** How many actions are traced at once. */
  private int jobs() {
    if (explain) {
      return 1; // what could not be resolved is read from the one workspace's traces
    }
    return jobs != null ? jobs : Jobs.fitting();
  }

  /**
   * A workspace of the parsed tree for another thread, configured as the first; what the
   * options had to say about the deployment is said once, by the first.
   */
  private Workspace configuredCopy(Workspace.Parsed parsed) {
    Workspace copy = parsed.workspace(tracing.driver());
    tracing.deployment.apply(copy, new PrintWriter(java.io.Writer.nullWriter()));
    return copy;
  }

  /** {@code -o -}: the one diagram asked for goes to standard output. */
  private boolean toStdout() {
    return output.toString().equals("-");
  }

  /** Standard output carries one text: one action in one text format. */
  private void checkOneTextOutput(List<OutputFormat> chosen) {
    int actions = selection.all ? 2 : new java.util.HashSet<>(selection.actions).size();
    if (actions != 1 || chosen.size() != 1 || !chosen.get(0).isText() || clean) {
      throw new UserError("-o - writes one action in one text format to standard output"
          + " (give one --action and one --format other than png, without --all or --clean)");
    }
  }

  /** What to trace and how, checked before any action is traced. */
  private TraceRun.Options options(Workspace ws, List<OutputFormat> formats, int depth) {
    List<TraceRun.Chosen> selected = selected(ws);
    if (!toStdout()) {
      OutputFolder.noFolderAt(selected.stream()
          .flatMap(a -> formats.stream().map(f -> f.file(output, a.name()))).toList());
    }
    SourceLinks links = linking.of(ws);
    PrintWriter out = spec.commandLine().getOut();
    return new TraceRun.Options(selected, formats, tracing.detail(), detailGiven(), depth, output,
        links, selection.all, clean, toStdout() ? out::print : null);
  }

  /** What the run found, what --explain asks for, and what was traced into where. */
  private void report(Workspace ws, TraceRun.Result result, int depth, PrintWriter err) {
    result.notes().forEach(n -> err.println("novatrace: " + (n.warning() ? "warning: " : "")
        + n.text()));
    if (explain) {
      ws.unresolved(depth).forEach(u -> err.println("unresolved: " + u));
      err.println("novatrace: " + ws.census().summary());
    }
    if (!toStdout()) {
      spec.commandLine().getOut().println("traced " + result.actions() + " action"
          + (result.actions() == 1 ? "" : "s") + " of " + ws.tree().label() + " into " + output);
    }
  }

  /** The actions asked for, under the names they were asked by. */
  private List<TraceRun.Chosen> selected(Workspace ws) {
    Map<String, ApiAction> selected = new LinkedHashMap<>();
    if (selection.all) {
      ws.actions().forEach(a -> selected.put(a.name(), a));
    } else {
      // Resolve every name first, so a typo fails before anything is written.
      for (String name : selection.actions) {
        selected.put(name, ws.action(name));
      }
    }
    return selected.entrySet().stream()
        .map(e -> new TraceRun.Chosen(e.getKey(), e.getValue())).toList();
  }

  private boolean detailGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--detail");
  }

  /** The run's lines, printed as they happen, under its progress bar. */
  private static TraceRun.Listener listener(ProgressBar progress, PrintWriter err) {
    return new TraceRun.Listener() {
      @Override
      public void progress(int done, int total, String action) {
        progress.update(done, total, action);
      }

      @Override
      public void failed(String message) {
        err.println("novatrace: " + message);
      }

      @Override
      public void warning(String message) {
        err.println("novatrace: warning: " + message);
      }
    };
  }

  private List<OutputFormat> validatedFormats() {
    List<OutputFormat> out = new ArrayList<>();
    for (String f : formats) {
      try {
        out.add(OutputFormat.parse(f));
      } catch (IllegalArgumentException ex) {
        throw new UserError("--format: " + ex.getMessage());
      }
    }
    return out;
  }
}
