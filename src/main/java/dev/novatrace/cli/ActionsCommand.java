package dev.novatrace.cli;

import dev.novatrace.project.ApiAction;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.Json;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actions}: every action the API of a Nova tree offers. */
@Command(name = "actions", mixinStandardHelpOptions = true,
    description = "List every action the Nova API offers, discovered from the code.",
    footer = {"  0  ok"})
public final class ActionsCommand implements Callable<Integer> {
  @Mixin SourceOption nova;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin ParseOptions parsing;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UserError("--format must be text or json, not '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = WorkspaceLoader.load(nova, null, parsing,
        spec.commandLine().getErr());
    List<ApiAction> actions = ws.actions();
    if (format.equals("json")) {
      out.print(json(actions));
    } else {
      for (ApiAction a : actions) {
        out.println(a.name() + (a.aliases().isEmpty() ? "" : " (" + String.join(", ", a.aliases())
            + ")") + "  " + a.httpMethod() + " " + a.path() + "  " + a.entry().module().path()
            + " " + a.entry().name() + "()" + extensionsText(a));
      }
      out.println(actions.size() + " actions in " + ws.tree().label());
    }
    return ExitCode.OK.code;
  }

  /** The JSON shape of one action; {@code file} and {@code function} are its core entry. */
  record ActionOut(String name, List<String> aliases, String method, String path, String request,
      String file, String function, List<String> extensions) {}

  record ActionsOut(List<ActionOut> actions) {}

  private static String json(List<ApiAction> actions) {
    return Json.write(new ActionsOut(actions.stream().map(a -> new ActionOut(a.name(),
        a.aliases(), a.httpMethod(), a.path(), a.requestLabel(), a.entry().module().path(),
        a.entry().name(), a.extensionLabels())).toList()));
  }

  /** {@code  + disk_config.py create()}: which extensions also run, short enough for one line. */
  private static String extensionsText(ApiAction a) {
    return a.extensions().stream()
        .map(f -> "  + " + f.module().path().substring(f.module().path().lastIndexOf('/') + 1)
            + " " + f.name() + "()")
        .reduce("", String::concat);
  }
}
