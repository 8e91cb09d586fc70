package dev.novatrace.cli;

import dev.novatrace.render.Provenance;
import dev.novatrace.util.EscapingWriter;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.StackSize;
import dev.novatrace.util.UserError;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point: {@code main} only exits with what {@link #run} returns, so tests call run in-process. */
@Command(
    name = "novatrace",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Draws sequence diagrams of OpenStack Nova workflows from the code itself.",
    subcommands = {CommandLine.HelpCommand.class, ParseCommand.class, ActionsCommand.class,
        TraceCommand.class, RenderCommand.class, DiffCommand.class, DriftCommand.class,
        SiteCommand.class, HistoryCommand.class, CompletionCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

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
    PrintWriter out = stdout();
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    MemoryWatch.start(() -> {
      err.println("novatrace: " + HeapAdvice.heapTooSmall());
      System.exit(ExitCode.USAGE.code); // the shutdown hooks remove the temp file being written
    });
    int[] code = {ExitCode.INTERNAL.code};
    Thread worker = startWorker(() -> code[0] = run(args, out, err), err);
    if (worker == null) {
      System.exit(ExitCode.USAGE.code);
    }
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(code[0]);
  }

  /**
   * Standard output, straight to the file descriptor, not through System.out: a PrintStream hides
   * write errors from the PrintWriter, and "> /dev/full" must not exit 0 (see run). Open for the
   * life of the process, as System.out is.
   */
  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), true);
  }

  /**
   * Starts the thread that runs the command, with the big stack deep code needs (see
   * {@link StackSize}); where the address space is too small for it, with a smaller one and a
   * warning. Null, after one line, when not even the smallest fits.
   */
  private static Thread startWorker(Runnable command, PrintWriter err) {
    long wanted = StackSize.fit(StackSize.FULL);
    for (long stack = wanted; stack > 0; stack = StackSize.smaller(stack)) {
      Thread worker = new Thread(null, command, "novatrace", stack);
      try {
        worker.start();
        if (stack < wanted) {
          err.println("novatrace: warning: address space too small for a " + (wanted >> 20)
              + " MiB stack; using " + (stack >> 20) + " MiB (very deeply nested code may fail)");
        }
        return worker;
      } catch (OutOfMemoryError e) {
        // unable to create native thread: ulimit -v; try a smaller reservation
      }
    }
    err.println("novatrace: not enough memory to start: address space limited to "
        + "less than the JVM needs (ulimit -v)");
    return null;
  }

  /** What 0 and 1 mean where a command does not say it more exactly in its own footer. */
  private static final String[] OUTCOMES = {
    "  0  ok",
    "  1  findings: parse failures, drift, differences, files that failed"
  };

  /** What 2 and 3 mean, the same for every command, so CI can tell a failure from a finding. */
  private static final String[] ERRORS = {
    "  2  usage or input error (one line on stderr)",
    "  3  internal error, a bug of ours (one line; --debug prints the stack trace)"
  };

  /**
   * The command line as every run sees it, help texts and exit codes included: also what the
   * completion script and the man pages are made from.
   */
  static CommandLine commandLine() {
    ProjectWords.define();
    CommandLine cli = new CommandLine(new Main());
    cli.registerConverter(java.nio.file.Path.class, new PathArgument());
    exitCodesInHelp(cli);
    cli.getSubcommands().values().forEach(Main::exitCodesInHelp);
    HelpWrap.apply(cli);
    return cli;
  }

  /** Runs one command line; never throws, never exits. */
  public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
    // Whatever a command prints may quote input (a label, a line of a hostile diagram): no
    // control character of it reaches the terminal or the CI log.
    PrintWriter out = EscapingWriter.wrap(rawOut);
    PrintWriter err = EscapingWriter.wrap(rawErr);
    // --debug anywhere on the line: a bug's stack trace is printed, not only its one line.
    boolean debug = Arrays.asList(args).contains("--debug");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code);
    cli.setParameterExceptionHandler((ex, a) -> {
      // One line, as every error: the problem, what was probably meant, where help is.
      StringBuilder line = new StringBuilder("novatrace: ")
          .append(usageProblem(ex).replaceAll("\\s*\\R\\s*", "; "));
      if (ex instanceof CommandLine.UnmatchedArgumentException u
          && !u.getSuggestions().isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions()))
            .append("?)");
      }
      err.println(line.append("; see 'novatrace ").append(commandPath(ex.getCommandLine()))
          .append("--help'"));
      return ExitCode.USAGE.code;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, debug, err));
    int code;
    try {
      code = cli.execute(rest);
    } catch (StackOverflowError | OutOfMemoryError e) {
      code = failure(e, debug, err);
    }
    out.flush();
    if (out.checkError() && code != ExitCode.INTERNAL.code) {
      // A PrintWriter swallows write errors: without this, "> /dev/full" would exit 0.
      err.println("novatrace: cannot write to standard output (disk full, or closed)");
      code = ExitCode.USAGE.code;
    }
    err.flush();
    return code;
  }

  /**
   * What a command that failed exits with: the user's problem (bad input, a full disk, too small a
   * heap) in one line and 2, even when a worker thread's failure wraps it; anything else is ours.
   */
  private static int failure(Throwable e, boolean debug, PrintWriter err) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError) {
        err.println("novatrace: " + t.getMessage());
        return ExitCode.USAGE.code;
      }
      if (t instanceof OutOfMemoryError oom) {
        err.println("novatrace: " + HeapAdvice.message(oom));
        return ExitCode.USAGE.code;
      }
    }
    return internalError(e, debug, err);
  }

  /**
   * Ends the --help of {@code cl} with the exit codes: its own lines for 0 and 1 when its footer
   * has them (what counts as a finding differs), then the shared 2 and 3.
   */
  private static void exitCodesInHelp(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    String[] outcomes = usage.footer().length == 0 ? OUTCOMES : usage.footer();
    String[] all = Arrays.copyOf(outcomes, outcomes.length + ERRORS.length);
    System.arraycopy(ERRORS, 0, all, outcomes.length, ERRORS.length);
    usage.footerHeading("%nExit codes:%n").footer(all);
  }

  /** Anything not the user's doing is our bug: one line, so scripts see a clean failure. */
  private static int internalError(Throwable e, boolean debug, PrintWriter err) {
    err.println("novatrace: internal error: " + e + (debug ? "" : " (--debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return ExitCode.INTERNAL.code;
  }

  /**
   * A usage problem in our words: an unknown command is said as one, not as picocli's
   * "Unmatched arguments from index 0" listing everything after it.
   */
  private static String usageProblem(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && u.getCommandLine().getSubcommands().size() > 0 && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "'";
    }
    return ex.getMessage();
  }

  private static String commandPath(CommandLine cl) {
    String path = cl.getCommandSpec().qualifiedName(" ");
    String rest = path.startsWith("novatrace") ? path.substring("novatrace".length()).trim() : path;
    return rest.isEmpty() ? "" : rest + " ";
  }

  /** No command: the usage, on standard error, as for any usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code;
  }
}
