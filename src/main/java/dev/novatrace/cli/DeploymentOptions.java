package dev.novatrace.cli;

import dev.novatrace.config.Option;
import dev.novatrace.config.Settings;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.NovaWorkspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --set group.option=value}: the deployment the commands that trace assume, where it is
 * not the tree's defaults. What the settings decide is drawn as the path.
 */
final class DeploymentOptions {
  @CommandLine.Option(names = "--set", paramLabel = "GROUP.OPTION=VALUE",
      description = "An option of the deployment, as in nova.conf's [GROUP] section (an option"
          + " without a group is [DEFAULT]'s): the branches it decides are drawn as it is set."
          + " Repeatable; the last value wins.")
  List<String> sets = new ArrayList<>();

  /** Configures {@code ws} with what was given; nothing when nothing was. */
  void apply(NovaWorkspace ws, PrintWriter err) {
    configure(ws, null);
  }

  /**
   * As {@link #apply}, for a tree among several (diff's two releases, history's refs): an option
   * this tree does not declare is left out with one line on {@code err}, as another tree may.
   */
  void applyWhereKnown(NovaWorkspace ws, PrintWriter err) {
    configure(ws, err);
  }

  private void configure(NovaWorkspace ws, PrintWriter lenient) {
    if (sets.isEmpty()) {
      return;
    }
    Settings settings = ws.settings();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--set " + set + ": expected GROUP.OPTION=VALUE");
      }
      String key = set.substring(0, eq).strip();
      int dot = key.lastIndexOf('.');
      String group = dot < 0 ? Option.DEFAULT_GROUP : key.substring(0, dot);
      String name = key.substring(dot + 1);
      if (lenient != null && settings.get(group, name).isEmpty()) {
        lenient.println("novatrace: warning: " + ws.tree().label() + " has no option [" + group
            + "] " + name + " (--set " + set + " left out there)");
        continue;
      }
      try {
        settings = settings.with(group, name, set.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new UserError("--set " + set + ": " + e.getMessage());
      }
    }
    ws.configure(settings);
  }
}
