package dev.novatrace.cli;

import dev.novatrace.nova.ApiAction;
import dev.novatrace.nova.VirtDriver;
import dev.novatrace.util.ExitCode;
import dev.novatrace.util.Json;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.NovaWorkspace;
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
    description = "List every action the Nova API offers, discovered from the code.")
public final class ActionsCommand implements Callable<Integer> {
  @Mixin NovaOption nova;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin MaxFileSize maxFileSize;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UserError("--format must be text or json, not '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    NovaWorkspace ws = WorkspaceLoader.load(nova, VirtDriver.DEFAULT, maxFileSize,
        spec.commandLine().getErr());
    List<ApiAction> actions = ws.actions();
    if (format.equals("json")) {
      out.println(json(actions));
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

  private static String json(List<ApiAction> actions) {
    StringBuilder sb = new StringBuilder("{\"actions\": [");
    for (int i = 0; i < actions.size(); i++) {
      ApiAction a = actions.get(i);
      sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": ").append(Json.quote(a.name()))
          .append(", \"aliases\": [");
      for (int j = 0; j < a.aliases().size(); j++) {
        sb.append(j == 0 ? "" : ", ").append(Json.quote(a.aliases().get(j)));
      }
      sb.append("], \"method\": ").append(Json.quote(a.httpMethod()))
          .append(", \"path\": ").append(Json.quote(a.path()))
          .append(", \"request\": ").append(Json.quote(a.requestLabel()))
          .append(", \"file\": ").append(Json.quote(a.entry().module().path()))
          .append(", \"function\": ").append(Json.quote(a.entry().name()))
          .append(", \"extensions\": [");
      List<String> ext = a.extensionLabels();
      for (int j = 0; j < ext.size(); j++) {
        sb.append(j == 0 ? "" : ", ").append(Json.quote(ext.get(j)));
      }
      sb.append("]}");
    }
    return sb.append("\n]}").toString();
  }

  /** {@code  + disk_config.py create()}: which extensions also run, short enough for one line. */
  private static String extensionsText(ApiAction a) {
    return a.extensions().stream()
        .map(f -> "  + " + f.module().path().substring(f.module().path().lastIndexOf('/') + 1)
            + " " + f.name() + "()")
        .reduce("", String::concat);
  }
}
