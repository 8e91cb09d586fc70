package dev.novatrace.cli;

import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import dev.novatrace.python.ParseResult;
import dev.novatrace.python.SourceParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code novatrace parse PATH...}: parses every .py file and reports the ones that fail. */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Parse every .py file under the given files or folders and report failures.",
    footer = {"  0  every file parsed", "  1  a file did not parse or could not be read"})
public final class ParseCommand implements Callable<Integer> {

  enum Format { text, json }

  @CommandLine.Mixin ParseOptions parsing;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Python files or folders.")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError("no such file or directory: " + p);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err);
    long start = System.nanoTime();
    List<ParseResult> results;
    try {
      results = SourceParser.checkTree(paths, SourceParser.defaultThreads(), bar::update,
          parsing.bytes, parsing.cache(err));
    } catch (IOException | UncheckedIOException e) {
      // a folder we may not list: the user's problem, said in one line
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new UserError("cannot read " + cause.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    bar.clear();
    ParseReport report = ParseReport.of(results, seconds);
    out.print(format == Format.json ? report.json() : report.text());
    out.flush();
    return report.failed().isEmpty() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
  }
}
