package dev.novatrace.cli;

import dev.novatrace.config.ConfFile;
import dev.novatrace.config.SetOption;
import dev.novatrace.config.Settings;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.NovaWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --conf FILE} and {@code --set group.option=value}: the deployment the commands that
 * trace assume, where it is not the tree's defaults. What the settings decide is drawn as the
 * path. The file is read first; {@code --set} wins over it.
 */
final class DeploymentOptions {
  @CommandLine.Option(names = "--conf", paramLabel = "FILE",
      description = "The deployment's nova.conf or cinder.conf (oslo.config's INI rules): the"
          + " branches its options decide are drawn as it sets them. Options the tree does not"
          + " declare are warned about once.")
  Path conf;

  @CommandLine.Option(names = "--set", paramLabel = "GROUP.OPTION=VALUE",
      description = "An option of the deployment, as in nova.conf's [GROUP] section (an option"
          + " without a group is [DEFAULT]'s). Repeatable; the last value wins.")
  List<String> sets = new ArrayList<>();

  /** Configures {@code ws} with what was given; nothing when nothing was. */
  void apply(NovaWorkspace ws, PrintWriter err) {
    configure(ws, err, false);
  }

  /**
   * As {@link #apply}, for a tree among several (diff's two releases, history's refs): an option
   * this tree does not declare is left out with one line on {@code err}, as another tree may.
   */
  void applyWhereKnown(NovaWorkspace ws, PrintWriter err) {
    configure(ws, err, true);
  }

  private void configure(NovaWorkspace ws, PrintWriter err, boolean lenient) {
    if (conf == null && sets.isEmpty()) {
      return;
    }
    Settings settings = ws.settings();
    if (conf != null) {
      try {
        ConfFile.Applied applied = ConfFile.apply(settings, conf);
        applied.warnings().forEach(w -> err.println("novatrace: warning: " + w));
        settings = applied.settings();
      } catch (IllegalArgumentException e) {
        throw new UserError("--conf " + e.getMessage());
      }
    }
    for (String text : sets) {
      try {
        SetOption set = SetOption.parse(text);
        if (lenient && settings.get(set.group(), set.name()).isEmpty()) {
          err.println("novatrace: warning: " + ws.tree().label() + " has no option ["
              + set.group() + "] " + set.name() + " (--set " + text + " left out there)");
          continue;
        }
        settings = set.applyTo(settings);
      } catch (IllegalArgumentException e) {
        throw new UserError("--set " + text + ": " + e.getMessage());
      }
    }
    ws.configure(settings);
  }
}
