package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import dev.novatrace.util.UserError;
import picocli.CommandLine.Option;

/**
 * {@code --detail}, {@code --depth} and {@code --driver}: how the commands that trace (trace,
 * diff, drift) trace.
 */
final class TraceOptions {
  @picocli.CommandLine.Mixin RouteOptions route = new RouteOptions();

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
    return route.depth();
  }

  /**
   * The driver asked for, by {@code --driver} or by a {@code --set} of the project's driver
   * option; null for the project's default. The two naming different drivers is a usage error.
   */
  String driver() {
    String set = deployment.driverSet();
    if (route.driver() != null && set != null && !route.driver().equals(set)) {
      throw new UserError("--driver " + route.driver() + " and --set naming " + set
          + " disagree: give one");
    }
    return route.driver() != null ? route.driver() : set;
  }
}
