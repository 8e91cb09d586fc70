package dev.novatrace.cli;

import dev.novatrace.diagram.read.DiagramFiles;
import dev.novatrace.drift.DriftChecker;
import dev.novatrace.drift.DriftSarif;
import dev.novatrace.drift.DriftText;
import dev.novatrace.drift.FailOn;
import dev.novatrace.drift.Finding;
import dev.novatrace.files.FileWalk;
import dev.novatrace.render.Provenance;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drift}: reviews hand-written .wsd and seqdiag .dia diagrams against a Nova tree. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Check .wsd and seqdiag .dia diagrams against a Nova tree: comment anchors, RPC"
        + " methods with their route and kind, and the RPC messages and state changes of a fresh"
        + " trace of their action.",
    // 2 and 3 are added by Main, the same for every command.
    footer = {"  0  no finding, or none that --fail-on counts",
        "  1  findings that --fail-on counts"})
public final class DriftCommand implements Callable<Integer> {
  @Mixin SourceOption nova;

  @Parameters(arity = "1..*", paramLabel = "DIAGRAM_OR_DIR",
      description = ".wsd and .dia files, or folders searched for them (recursively).")
  List<Path> inputs;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown, json or sarif (SARIF 2.1.0, for code scanning)"
          + " (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--fail-on", defaultValue = "any", paramLabel = "any|anchors|never",
      description = "Which findings exit 1: any; anchors (missing-file, missing-function,"
          + " unparsed-file, unreadable); never (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Mixin TraceOptions tracing;

  @Mixin ParseOptions parsing;

  @Spec CommandSpec spec;

  /** Links below the folders that could not be followed: each is a finding of its own. */
  private final List<FileWalk.Problem> unfollowed = new ArrayList<>();

  @Override
  public Integer call() {
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!List.of("text", "markdown", "json", "sarif").contains(f)) {
      throw new UserError("--format: unknown format '" + format
          + "' (expected text, markdown, json or sarif)");
    }
    FailOn failing = FailOn.parse(failOn);
    List<Path> files = diagrams();
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = WorkspaceLoader.load(nova, tracing.driver(), parsing,
        spec.commandLine().getErr());
    tracing.deployment.apply(ws, spec.commandLine().getErr());
    DriftChecker checker = new DriftChecker(ws, tracing.detail(), tracing.depth());
    List<Finding> findings = new ArrayList<>();
    // A diagram we drew from another project's tree is not reviewed, nor counted as reviewed.
    int reviewed = 0;
    for (Path file : files) {
      reviewed += checker.ofAnotherProject(file) ? 0 : 1;
      findings.addAll(checker.check(file, file.toString(), spec.commandLine().getErr()::println));
    }
    for (FileWalk.Problem p : unfollowed) {
      findings.add(Finding.of(p.path().toString(), 1, Finding.Kind.UNREADABLE, p.message(), ""));
    }
    findings.sort(null);
    out.print(switch (f) {
      case "json" -> DriftText.json(findings);
      case "sarif" -> DriftSarif.write(findings, Provenance.toolVersion(), Path.of(""));
      case "markdown" -> DriftText.markdown(findings, reviewed, ws.tree().name());
      default -> DriftText.text(findings);
    });
    return failing.fails(findings) ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  /** The files to review, each once, sorted; a path that does not exist is a usage error. */
  private List<Path> diagrams() {
    TreeSet<Path> files = new TreeSet<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try {
          FileWalk.Result found = FileWalk.find(List.of(p), DiagramFiles::isDiagram);
          files.addAll(found.files());
          unfollowed.addAll(found.problems());
        } catch (IOException e) {
          throw new UserError("cannot read folder " + p + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.exists(p)) {
        // A FIFO or a device: reading it would block or never end.
        unfollowed.add(new FileWalk.Problem(p,
            "not a regular file (a FIFO, device or socket); only regular files are read"));
      } else {
        throw new UserError("no such file or folder: " + p);
      }
    }
    if (files.isEmpty() && unfollowed.isEmpty()) {
      throw new UserError("no .wsd or .dia files in " + inputs.get(0)
          + (inputs.size() > 1 ? " and the rest" : ""));
    }
    return List.copyOf(files);
  }
}
