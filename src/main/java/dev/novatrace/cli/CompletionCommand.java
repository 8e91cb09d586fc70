package dev.novatrace.cli;

import dev.novatrace.util.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints the shell completion script picocli's {@link AutoComplete}
 * makes from the commands and options themselves, so it never lags behind them. The packages
 * install the same script (generated at build time) for bash.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print the shell completion script for bash or zsh.",
        "bash: source <(novatrace completion bash), or save it as"
            + " ~/.local/share/bash-completion/completions/novatrace.",
        "zsh: source <(novatrace completion zsh) in ~/.zshrc (zsh runs the bash script through"
            + " its bashcompinit)."},
    footer = {"  0  ok"})
public final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is made for. */
  enum Shell { bash, zsh }

  @Parameters(index = "0", paramLabel = "bash|zsh", description = "The shell: bash or zsh.")
  Shell shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(script(shell, spec.root().commandLine()));
    return ExitCode.OK.code;
  }

  /** The script for {@code shell} that completes {@code root}'s commands and options. */
  static String script(Shell shell, CommandLine root) {
    String bash = AutoComplete.bash(root.getCommandName(), root);
    if (shell == Shell.bash) {
      return bash;
    }
    return "# novatrace completion for zsh. This is picocli's bash completion script: under zsh it\n"
        + "# loads compinit and bashcompinit itself, and zsh runs it through bashcompinit.\n"
        + "# Use: source <(novatrace completion zsh), e.g. in ~/.zshrc.\n"
        + bash;
  }
}
