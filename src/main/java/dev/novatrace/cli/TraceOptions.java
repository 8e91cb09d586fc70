package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import dev.novatrace.cinder.VolumeDriver;
import dev.novatrace.nova.VirtDriver;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.NovaWorkspace;
import picocli.CommandLine.Option;

/**
 * {@code --detail}, {@code --depth} and {@code --driver}: how the commands that trace (trace,
 * diff, drift) trace.
 */
final class TraceOptions {
  @Option(names = "--depth", defaultValue = "" + NovaWorkspace.DEFAULT_DEPTH, paramLabel = "N",
      description = "How deep private helpers are followed inside one service"
          + " (default: ${DEFAULT-VALUE}).")
  int depth;

  // No picocli default: the default depends on the project, which is known once the tree is.
  @Option(names = "--driver", paramLabel = "NAME",
      description = "The driver to follow: Nova's virt driver (default: " + VirtDriver.DEFAULT
          + "), Cinder's volume driver (default: " + VolumeDriver.DEFAULT + ").")
  String driver;

  @picocli.CommandLine.Mixin DeploymentOptions deployment = new DeploymentOptions();

  @Option(names = "--detail", defaultValue = "standard", paramLabel = "LEVEL",
      description = "overview (the RPC skeleton), standard (what a person draws) or full"
          + " (everything followed) (default: ${DEFAULT-VALUE}).")
  String detail;

  /** The level of detail, checked. */
  Detail detail() {
    try {
      return Detail.parse(detail);
    } catch (IllegalArgumentException e) {
      throw new UserError("--detail: " + e.getMessage());
    }
  }

  /** The depth, checked. */
  int depth() {
    if (depth < 0) {
      throw new UserError("--depth must be 0 or more");
    }
    return depth;
  }
}
