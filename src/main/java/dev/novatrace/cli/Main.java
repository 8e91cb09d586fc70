package dev.novatrace.cli;

import dev.novatrace.util.ExitCode;
import dev.novatrace.util.UserError;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import dev.novatrace.render.Provenance;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code main} only exits with what {@link #run} returns, so tests call run in-process. */
@Command(
    name = "novatrace",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Draws sequence diagrams of OpenStack Nova workflows from the code itself.",
    subcommands = {ParseCommand.class, ActionsCommand.class, TraceCommand.class,
        RenderCommand.class, DiffCommand.class, DriftCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok",
      "  1  findings: parse failures, drift, differences, files that failed",
      "  2  usage or input error"
    })
public final class Main implements Runnable {

  /** The version the jar's manifest names, the same one the diagrams' provenance line says. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"novatrace " + Provenance.toolVersion()};
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    QuickJit.apply();
    // Output must not depend on the machine: no Turkish dotless i in a lower-cased name, no
    // local digits. Our code passes Locale.ROOT anyway; this covers the libraries.
    Locale.setDefault(Locale.ROOT);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs one command line; never throws, never exits. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("novatrace: " + ex.getMessage());
      err.println("Try 'novatrace " + commandPath(ex.getCommandLine()) + "--help' for usage.");
      return ExitCode.USAGE.code;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserError) {
        err.println("novatrace: " + ex.getMessage());
        return ExitCode.USAGE.code;
      }
      // Anything else is our bug: still one line, so scripts see a clean failure.
      err.println("novatrace: internal error: " + ex);
      return ExitCode.USAGE.code;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String commandPath(CommandLine cl) {
    String path = cl.getCommandSpec().qualifiedName(" ");
    String rest = path.startsWith("novatrace") ? path.substring("novatrace".length()).trim() : path;
    return rest.isEmpty() ? "" : rest + " ";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
