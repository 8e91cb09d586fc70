package dev.novatrace.cli;

import dev.novatrace.project.Projects;
import picocli.CommandLine.Option;

/** {@code --project}: which registered project a tree holds, for every command that reads one. */
final class ProjectOption {
  @Option(names = "--project", paramLabel = "${sys:novatrace.projects}",
      description = "The OpenStack project the trees hold, and so the profile they are traced"
          + " with. Default: a tree's own project when it holds only one project's package"
          + " (a folder with cinder/ and no nova/, a snapshot named cinder-29.0.0), else the"
          + " first listed. A snapshot version or release name is the project's"
          + " (with cinder, 29.0.0 or hibiscus).")
  String project;

  /** The project asked for, checked; null when it is to be detected from the tree. */
  String project() {
    return Projects.parse(project);
  }
}
