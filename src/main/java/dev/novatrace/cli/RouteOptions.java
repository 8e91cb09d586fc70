package dev.novatrace.cli;

import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import picocli.CommandLine.Option;

/** {@code --depth} and {@code --driver}: how far a route is followed, by every command that traces. */
final class RouteOptions {
  @Option(names = "--depth", defaultValue = "" + Workspace.DEFAULT_DEPTH, paramLabel = "N",
      description = "How deep private helpers are followed inside one service"
          + " (default: ${DEFAULT-VALUE}).")
  int depth;

  // No picocli default: the default depends on the project, which is known once the tree is.
  @Option(names = "--driver", paramLabel = "NAME",
      description = "The driver to follow: ${sys:novatrace.drivers}.")
  String driver;

  /** The depth, checked. */
  int depth() {
    if (depth < 0) {
      throw new UserError("--depth must be 0 or more");
    }
    return depth;
  }

  /** The driver asked for; null for the project's default. */
  String driver() {
    return driver;
  }
}
