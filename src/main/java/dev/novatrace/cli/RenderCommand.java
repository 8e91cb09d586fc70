package dev.novatrace.cli;

import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.ReadDiagram;
import dev.novatrace.diagram.read.DiagramFiles;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.RenderPlan;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.NoSpaceError;
import dev.novatrace.util.ShownNames;
import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code render}: .wsd files to SVG, PNG, PlantUML, Mermaid or .wsd. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders websequencediagrams (.wsd) files. A folder stands for every .wsd below it.",
      "A file that cannot be read is reported as file:line: message; the others still render."
    },
    footer = {"  0  every file rendered", "  1  a file could not be read or drawn"})
public final class RenderCommand implements Callable<Integer> {

  /** Lets picocli take {@code --format mermaid} in any case, with a one-line error otherwise. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.parse(value);
      } catch (IllegalArgumentException e) {
        // picocli would quote the exception's class: the message alone is the line.
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = ".wsd (or seqdiag's .dia) files, or folders of them")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Folder for the output (default: beside each input); '-' writes the one"
          + " input, in a text format, to standard output")
  Path outputDir;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "svg", split = ",",
      converter = FormatConverter.class,
      description = "svg (default), png, puml, mermaid (.mmd), seqdiag (.dia) or wsd; several"
          + " separated by commas")
  List<Format> formats;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    boolean toStdout = outputDir != null && outputDir.toString().equals("-");
    if (outputDir != null && !toStdout) {
      OutputFolder.writable(outputDir);
    }
    for (Path in : inputs) {
      if (!Files.exists(in)) {
        throw new UserError("no such file or folder: " + in);
      }
    }
    RenderPlan.Plan plan;
    try {
      plan = RenderPlan.plan(inputs, toStdout ? null : outputDir);
    } catch (IOException e) {
      throw new UserError("cannot list the .wsd files: " + describe(e));
    }
    List<RenderPlan.Job> jobs = plan.jobs();
    PrintWriter err = spec.commandLine().getErr();
    plan.problems().forEach(err::println);
    if (jobs.isEmpty()) {
      throw new UserError("no .wsd files in " + inputs.stream().map(Path::toString)
          .reduce((a, b) -> a + ", " + b).orElse(""));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (toStdout) {
      return toStdout(jobs, plan.problems().size(), out, err);
    }
    Leftovers.remove(jobs.stream().map(RenderPlan.Job::outputDir).toList(), err);
    ProgressBar progress = new ProgressBar(err);
    Map<Path, Path> written = new HashMap<>();
    int failed = plan.problems().size();
    for (int i = 0; i < jobs.size(); i++) {
      RenderPlan.Job job = jobs.get(i);
      progress.update(i, jobs.size(), job.input().toString());
      for (Format format : formats()) {
        String problem = renderOne(job, format, written, out, err, progress);
        if (problem != null) {
          progress.clear();
          err.println(problem);
          failed++;
        }
      }
    }
    progress.clear();
    return failed == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }

  /** {@code -o -}: the one input, in a text format, on standard output. */
  private int toStdout(List<RenderPlan.Job> jobs, int problems, PrintWriter out,
      PrintWriter err) {
    if (jobs.size() != 1 || formats().size() != 1 || formats().get(0) == Format.PNG) {
      throw new UserError("-o - writes one input in one text format to standard output"
          + " (give one file and one --format other than png)");
    }
    Format format = formats().get(0);
    RenderPlan.Job job = jobs.get(0);
    try {
      ReadDiagram read = DiagramFiles.read(job.input());
      read.warnings().forEach(err::println);
      out.print(new String(DiagramOutput.render(read.diagram(), format).bytes(),
          java.nio.charset.StandardCharsets.UTF_8));
      return problems == 0 ? ExitCode.OK.code : ExitCode.FINDINGS.code;
    } catch (DiagramException e) {
      err.println(e.getMessage());
    } catch (RenderException e) {
      err.println(ShownNames.of(job.input()) + (e.line() > 0 ? ":" + e.line() : "") + ": "
          + e.getMessage());
    } catch (IOException e) {
      err.println(ShownNames.of(job.input()) + ": " + describe(e));
    }
    return ExitCode.FINDINGS.code;
  }

  /** Renders one file; returns the one-line problem, or null when it was written. */
  private String renderOne(RenderPlan.Job job, Format format, Map<Path, Path> written,
      PrintWriter out, PrintWriter err, ProgressBar progress) {
    Path target = job.output(format).toAbsolutePath().normalize();
    String in = ShownNames.of(job.input());
    if (target.equals(job.input().toAbsolutePath().normalize())) {
      return in + ": the output would overwrite the input (use -o DIR)";
    }
    Path earlier = written.putIfAbsent(target, job.input());
    if (earlier != null) {
      return in + ": same output file as " + ShownNames.of(earlier) + " ("
          + ShownNames.of(job.output(format)) + ")";
    }
    try {
      ReadDiagram read = DiagramFiles.read(job.input());
      DiagramOutput.Written w = DiagramOutput.write(read.diagram(), job.outputDir(), job.name(),
          format);
      progress.clear();
      read.warnings().forEach(err::println);
      w.warnings().forEach(warning -> err.println(in + ": warning: " + warning));
      out.println(w.file());
      return null;
    } catch (DiagramException e) {
      return e.getMessage();
    } catch (RenderException e) {
      // No picture: PlantUML's picture of its own failure is not the diagram.
      return in + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage();
    } catch (IOException e) {
      return in + ": " + describe(e);
    } catch (NoSpaceError e) {
      throw e; // the next file would not fit either: stop, with one line
    } catch (RuntimeException e) {
      // A bug in a writer or in PlantUML on this one file: report it and go on with the others.
      return in + ": internal error: " + e;
    }
  }

  /** The formats asked for, each once, in the order given. */
  private List<Format> formats() {
    return formats.stream().distinct().toList();
  }

  private static String describe(IOException e) {
    String what = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    String lower = what.toLowerCase(Locale.ROOT);
    return e.getMessage() == null ? lower : lower + ": " + e.getMessage();
  }
}
