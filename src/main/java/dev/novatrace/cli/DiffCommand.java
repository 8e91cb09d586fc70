package dev.novatrace.cli;

import dev.novatrace.diff.ActionDiff;
import dev.novatrace.diff.DiffDiagram;
import dev.novatrace.diff.DiffReport;
import dev.novatrace.diff.DiffText;
import dev.novatrace.diff.Differ;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.util.AtomicFiles;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diff}: how the traces of actions changed between two Nova trees. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Trace actions in two Nova trees and align the traces step by step.",
        "",
        "Text reads like git diff: per action a headline, the anchors that moved and the RPC"
            + " methods that appeared or vanished, then hunks of the two traces listed a step a"
            + " line, indented by block, with '# path function()' where the code changes place."
            + " A line starts with ' ' (the same), '-' (only in --from), '+' (only in --to) or"
            + " '~' (changed in place: the words removed as [-old-], the words added as {+new+})."
            + " White space alone is no change. @@ -12,7 +12,8 @@ counts lines of these listings"
            + " and names the anchor the hunk starts in. With several actions a --stat comes"
            + " first.",
        "",
        "Counting: a step repeated in branches that exclude each other (sections of one alt,"
            + " or of two alts on one condition: alt do_cast draws the conductor's steps under"
            + " the call and again, after the reply, under the cast) is one step, added, removed"
            + " or changed once; the hunks show every copy. A step one way through the code runs"
            + " twice counts twice."},
    // 2 and 3 are added by Main, the same for every command.
    footer = {"  0  nothing differs", "  1  something does"})
public final class DiffCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("text", "markdown", "json", "wsd", "svg");

  @Option(names = "--from", required = true, paramLabel = "SRC",
      description = "The older Nova tree: a path, REPO@REF, snapshot version or release name.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "SRC",
      description = "The newer Nova tree: a path, REPO@REF, snapshot version or release name.")
  String to;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  static final class Selection {
    @Option(names = "--action", arity = "1..*", paramLabel = "NAME",
        description = "Action names or aliases.")
    List<String> actions;

    @Option(names = "--all",
        description = "Every action of either tree, with a stat of those that changed.")
    boolean all;
  }

  private Path output;

  /** {@code -o -}: the text diff on standard output, as without {@code -o}. */
  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Write one file per action here (ACTION.diff.EXT), and summary.EXT with"
          + " --all; standard output then gets one line saying so. Without it (or with -o -)"
          + " text, markdown and json go to standard output.")
  void output(Path dir) {
    output = dir.toString().equals("-") ? null : dir;
  }

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown (a fenced diff block per action), json, wsd or svg"
          + " (default: ${DEFAULT-VALUE}). wsd and svg draw a diff diagram per action and need"
          + " -o DIR, where the text diff goes too (summary.txt).")
  String format;

  @Option(names = {"-U", "--context"}, paramLabel = "N", defaultValue = "3",
      description = "Lines of unchanged context around each change (default: ${DEFAULT-VALUE}).")
  int context;

  @Option(names = "--stat", description = "Only the stat: per action that differs"
      + " 'ACTION | N +++--' (N insertions and deletions; a changed step is one of each, as a"
      + " changed line is in git) and a total line; markdown: the table; json: no hunks.")
  boolean stat;

  @Mixin ProjectOption project;

  @Mixin TraceOptions tracing;

  @Mixin ParseOptions parsing;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (output != null) {
      OutputFolder.writable(output);
    }
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new UserError("--format: unknown format '" + format
          + "' (expected text, markdown, json, wsd or svg)");
    }
    boolean diagrams = f.equals("wsd") || f.equals("svg");
    if (diagrams && output == null) {
      throw new UserError("--format " + f + " writes diagram files: give -o DIR");
    }
    if (diagrams && stat) {
      throw new UserError("--stat is a report: give --format text, markdown or json");
    }
    if (context < 0) {
      throw new UserError("--context: " + context + " is not a number of lines (0 or more)");
    }
    DiffText.Options options = new DiffText.Options(context, stat);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output != null) {
      Leftovers.remove(List.of(output), err);
    }
    Workspace before = load(from, err);
    Workspace after = load(to, err);
    Differ differ = new Differ(before, after, tracing.detail(), tracing.depth());
    DiffReport report = selection.all ? differ.all() : differ.of(selection.actions);
    // With -o everything goes to files; standard output gets one line saying where.
    int failed = diagrams ? writeDiagrams(report, Format.parse(f), options, out, err)
        : writeReports(report, f, options, out);
    if (failed > 0) {
      return ExitCode.FINDINGS.code;
    }
    return report.differs() ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  private Workspace load(String src, PrintWriter err) {
    Workspace ws = WorkspaceLoader.load(SourceOption.resolve(src, project.project(), err),
        tracing.driver(), parsing, err);
    tracing.deployment.applyWhereKnown(ws, err);
    return ws;
  }

  private int writeReports(DiffReport report, String f, DiffText.Options options, PrintWriter out)
      throws IOException {
    DiffText.Style style = DiffText.style(f);
    if (output == null) {
      out.print(DiffText.write(report, style, options));
      return 0;
    }
    String ext = switch (style) {
      case TEXT -> "txt";
      case MARKDOWN -> "md";
      case JSON -> "json";
    };
    for (ActionDiff a : report.actions()) {
      DiffReport one = new DiffReport(report.from(), report.to(), List.of(a), List.of(), List.of());
      write(output, output.resolve(a.action() + ".diff." + ext),
          DiffText.write(one, style, options));
    }
    if (selection.all) {
      write(output, output.resolve("summary." + ext), DiffText.write(report, style, options));
    }
    out.println("wrote " + report.actions().size() + " diff" + (report.actions().size() == 1
        ? "" : "s") + " into " + output);
    return 0;
  }

  private int writeDiagrams(DiffReport report, Format f, DiffText.Options options,
      PrintWriter out, PrintWriter err) throws IOException {
    write(output, output.resolve("summary.txt"),
        DiffText.write(report, DiffText.Style.TEXT, options));
    int failed = 0;
    for (ActionDiff a : report.actions()) {
      try {
        DiagramOutput.write(DiffDiagram.of(a, report.from(), report.to()), output,
            a.action() + ".diff", f).warnings()
            .forEach(w -> err.println("novatrace: warning: " + a.action() + ": " + w));
      } catch (RenderException ex) {
        err.println("novatrace: " + a.action() + ".diff." + f.extension + ": " + ex.getMessage());
        failed++;
      }
    }
    int drawn = report.actions().size() - failed;
    out.println("wrote " + drawn + " diff diagram" + (drawn == 1 ? "" : "s")
        + " and summary.txt into " + output);
    return failed;
  }

  private static void write(Path root, Path file, String text) throws IOException {
    AtomicFiles.write(root, file, text.getBytes(StandardCharsets.UTF_8));
  }
}
