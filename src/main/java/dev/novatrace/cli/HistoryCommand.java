package dev.novatrace.cli;

import dev.novatrace.files.git.GitRepo;
import dev.novatrace.history.ActionHistory;
import dev.novatrace.history.History;
import dev.novatrace.history.HistoryText;
import dev.novatrace.history.ReleaseRefs;
import dev.novatrace.project.SourceTree;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.Provenance;
import dev.novatrace.util.AtomicFiles;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** {@code history}: actions across the releases of a Nova git repository. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Trace actions at every release of a Nova git repository and tell when each RPC,"
        + " participant, state change and external call appeared and vanished.",
    // 2 and 3 are added by Main, the same for every command; a history has no findings.
    footer = {"  0  ok"})
public final class HistoryCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("text", "markdown", "json");

  @Option(names = "--nova", required = true, paramLabel = "REPO",
      description = "A Nova git repository (a clone or a bare one).")
  String repo;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  static final class Selection {
    @Option(names = "--action", arity = "1..*", paramLabel = "NAME",
        description = "Action names or aliases.")
    List<String> actions;

    @Option(names = "--all", description = "Every action of any ref.")
    boolean all;

    @Option(names = "--list-refs", description = "List the refs a history reads, and stop.")
    boolean listRefs;
  }

  @Option(names = "--refs", split = ",", paramLabel = "REF",
      description = "The refs to read, oldest first (default: every *-eol/*-eom tag, the newest"
          + " NN.M.K of each series without one, and HEAD, in release order).")
  List<String> refs;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Write, per action, its newest diagram with 'since REF' notes (ACTION.wsd)"
          + " and its markdown timeline (ACTION.history.md), and the whole history"
          + " (history.txt, .md or .json).")
  Path output;

  @Mixin ProjectOption project;

  @Mixin TraceOptions tracing;

  @Mixin ParseOptions parsing;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new UserError("--format: unknown format '" + format
          + "' (expected text, markdown or json)");
    }
    if (output != null) {
      OutputFolder.writable(output);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GitRepo git = GitRepo.open(Path.of(repo), repo);
    List<ReleaseRefs.Ref> chosen = refs == null ? ReleaseRefs.of(git) : ReleaseRefs.named(git, refs);
    if (selection.listRefs) {
      chosen.forEach(r -> out.println(describe(r)));
      return ExitCode.OK.code;
    }
    List<History.Source> sources = chosen.stream()
        .map(r -> new History.Source(r.name(), tree(r.name(), err))).toList();
    History.Result result = run(sources, err);
    String text = HistoryText.write(result.report(), HistoryText.style(f));
    if (output == null) {
      out.print(text);
      return ExitCode.OK.code;
    }
    return write(result, f, text, out, err);
  }

  private SourceTree tree(String ref, PrintWriter err) {
    return SourceOption.resolve(repo + "@" + ref, project.project(), err);
  }

  private History.Result run(List<History.Source> sources, PrintWriter err) {
    RefsProgress bar = new RefsProgress(err, sources.stream().map(History.Source::ref).toList());
    History.Result result = History.run(sources, selection.all ? null : selection.actions,
        new History.Options(tracing.detail(), tracing.depth(), tracing.driver(), parsing.bytes,
            ws -> tracing.deployment.applyWhereKnown(ws, err), parsing.cache(err)),
        new History.Listener() {
          @Override
          public void progress(String ref, String phase, int done, int total) {
            bar.update(ref, phase, done, total);
          }

          @Override
          public void warning(String ref, String message) {
            bar.clear();
            err.println("novatrace: warning: " + ref + ": " + message);
          }
        });
    bar.clear();
    return result;
  }

  private int write(History.Result result, String f, String text, PrintWriter out,
      PrintWriter err) throws IOException {
    Leftovers.remove(List.of(output), err);
    int failed = 0;
    for (ActionHistory a : result.report().actions()) {
      write(output, output.resolve(a.action() + ".history.md"), HistoryText.markdown(a));
      try {
        DiagramOutput.write(result.annotated(a), output, a.action(), Format.parse("wsd"),
            new DiagramOutput.Extras(Provenance.of(a.newest(), a.action(),
                tracing.detail().label()), null));
      } catch (RenderException e) {
        err.println("novatrace: " + a.action() + ".wsd: " + e.getMessage());
        failed++;
      }
    }
    String ext = switch (f) {
      case "markdown" -> "md";
      case "json" -> "json";
      default -> "txt";
    };
    write(output, output.resolve("history." + ext), text);
    out.println("wrote the history of " + result.report().actions().size() + " action"
        + (result.report().actions().size() == 1 ? "" : "s") + " over "
        + result.report().refs().size() + " ref" + (result.report().refs().size() == 1 ? "" : "s")
        + " into " + output);
    return failed == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }

  private static String describe(ReleaseRefs.Ref r) {
    return String.format(Locale.ROOT, "%-20s %s %s", r.name(), r.commit().substring(0, 12),
        Instant.ofEpochSecond(r.time()).atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static void write(Path root, Path file, String text) throws IOException {
    AtomicFiles.write(root, file, text.getBytes(StandardCharsets.UTF_8));
  }
}
