package dev.novatrace.cli;

import dev.novatrace.config.ConfFile;
import dev.novatrace.config.Policies;
import dev.novatrace.config.PolicyFile;
import dev.novatrace.config.Role;
import dev.novatrace.config.SetOption;
import dev.novatrace.config.Settings;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --conf FILE}, {@code --set group.option=value}, {@code --policy FILE} and
 * {@code --role ROLE}: the deployment and the caller the commands that trace assume, where they
 * are not the tree's defaults. What the settings and the policy decide is drawn as the path. The
 * conf file is read first; {@code --set} wins over it.
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

  @CommandLine.Option(names = "--policy", paramLabel = "FILE",
      description = "The deployment's policy.yaml (oslo.policy's rule overrides, YAML or JSON):"
          + " the branches its rules decide are drawn as it sets them. Rules the tree does not"
          + " register are warned about.")
  Path policy;

  @CommandLine.Option(names = "--role", paramLabel = "ROLE",
      description = "The caller's role: reader, member, manager or admin (a project-scoped"
          + " token on its own project, with the roles Keystone's defaults imply). Default:"
          + " per action, the least privileged role its own policy admits.")
  String role;

  /**
   * The driver a {@code --set} of a project's driver option names ({@link
   * dev.novatrace.project.OpenStackProject#driverOption}): the first entry of its list, the
   * last such {@code --set} winning; null when none does.
   */
  String driverSet() {
    java.util.Set<String> options = new java.util.HashSet<>();
    dev.novatrace.project.Projects.all().forEach(p -> p.driverOption().ifPresent(options::add));
    String driver = null;
    for (String text : sets) {
      SetOption set;
      try {
        set = SetOption.parse(text);
      } catch (IllegalArgumentException e) {
        continue; // said where the settings are applied
      }
      if (options.contains(set.group() + "." + set.name())) {
        String first = set.value().split(",", -1)[0].strip();
        driver = first.isEmpty() ? null : first;
      }
    }
    return driver;
  }

  /** Configures {@code ws} with what was given; nothing when nothing was. */
  void apply(Workspace ws, PrintWriter err) {
    configure(ws, err, false);
  }

  /**
   * As {@link #apply}, for a tree among several (diff's two releases, history's refs): an option
   * this tree does not declare is left out with one line on {@code err}, as another tree may.
   */
  void applyWhereKnown(Workspace ws, PrintWriter err) {
    configure(ws, err, true);
  }

  private void configure(Workspace ws, PrintWriter err, boolean lenient) {
    configureSettings(ws, err, lenient);
    configurePolicy(ws, err);
  }

  /** {@code --policy} and {@code --role}: the file's rules over the tree's, and the caller. */
  private void configurePolicy(Workspace ws, PrintWriter err) {
    if (role != null) {
      try {
        ws.role(Role.parse(role));
      } catch (IllegalArgumentException e) {
        throw new UserError("--role " + e.getMessage());
      }
    }
    if (policy == null) {
      return;
    }
    PolicyFile file;
    try {
      file = PolicyFile.read(policy);
    } catch (IllegalArgumentException e) {
      throw new UserError("--policy " + e.getMessage());
    }
    Policies policies = ws.policies().with(file);
    policies.warnings().forEach(w -> err.println("novatrace: warning: " + w));
    ws.policy(policies);
  }

  private void configureSettings(Workspace ws, PrintWriter err, boolean lenient) {
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
