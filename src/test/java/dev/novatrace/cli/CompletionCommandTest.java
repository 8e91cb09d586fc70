package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code novatrace completion bash|zsh}: the script knows every command and option. */
class CompletionCommandTest {

  @Test
  void theBashScriptNamesEveryCommandAndEachOfItsOptions() {
    CliRun r = CliRun.run("completion", "bash");
    assertEquals(0, r.code(), r.err());
    String script = r.out();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 80));
    assertTrue(script.contains("complete -F _complete_novatrace"), "registers the function");
    CommandLine root = Main.commandLine();
    List<String> commands = List.copyOf(root.getSubcommands().keySet());
    assertTrue(commands.containsAll(List.of("parse", "actions", "trace", "render", "diff", "drift",
        "site", "history", "completion")), commands.toString());
    for (String command : commands) {
      assertTrue(script.contains("_picocli_novatrace_" + command + "()"),
          "no completion function for " + command);
      String body = function(script, "_picocli_novatrace_" + command);
      for (OptionSpec option : root.getSubcommands().get(command).getCommandSpec().options()) {
        for (String name : option.names()) {
          assertTrue(body.contains(" " + name + " ") || body.contains("'" + name + " ")
              || body.contains(" " + name + "'") || body.contains("'" + name + "'"),
              command + " " + name + " is not completed");
        }
      }
    }
    // A closed set of values is offered: the formats of render, the shells of completion.
    assertTrue(function(script, "_picocli_novatrace_completion").contains("(\"bash\" \"zsh\")"),
        function(script, "_picocli_novatrace_completion"));
    assertTrue(function(script, "_picocli_novatrace").contains(
        "local commands=\"" + String.join(" ", commands) + "\""), "the top level lists them all");
  }

  @Test
  void theZshScriptIsTheBashOneUnderBashcompinitAndSaysSo() {
    CliRun r = CliRun.run("completion", "zsh");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# novatrace completion for zsh."), r.out().substring(0, 80));
    assertTrue(r.out().contains("bashcompinit"), "zsh needs bashcompinit");
    assertTrue(r.out().endsWith(CliRun.run("completion", "bash").out()));
  }

  @Test
  void anotherShellIsAUsageError() {
    CliRun r = CliRun.run("completion", "fish");
    assertEquals(2, r.code());
    assertTrue(r.out().isEmpty(), r.out());
    assertTrue(r.err().startsWith("novatrace: "), r.err());
    assertTrue(r.err().contains("bash, zsh"), r.err());
    assertEquals(2, CliRun.run("completion").code());
  }

  /** The text of one shell function: from its name to the next function's. */
  private static String function(String script, String name) {
    int start = script.indexOf("function " + name + "()");
    if (start < 0) {
      start = script.indexOf(name + "()");
    }
    int end = script.indexOf("\n}", start);
    return script.substring(start, end);
  }
}
