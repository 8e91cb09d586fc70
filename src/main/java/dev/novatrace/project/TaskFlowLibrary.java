package dev.novatrace.project;

import dev.novatrace.trace.TaskFlows;
import java.util.Set;

/**
 * OpenStack's TaskFlow library, by the names its API is imported as. Nova itself runs its
 * conductor tasks by hand (a task's {@code execute()}), but code that composes tasks with
 * TaskFlow, as Cinder's volume create does, is followed through these names. Unordered and graph
 * flows are drawn in the order their tasks were added; a failed flow reverts the tasks that ran,
 * last first. Every OpenStack profile shares it.
 */
public final class TaskFlowLibrary {
  public static final TaskFlows NAMES = new TaskFlows(
      Set.of("taskflow.patterns.linear_flow.Flow", "taskflow.patterns.unordered_flow.Flow",
          "taskflow.patterns.graph_flow.Flow"),
      "add",
      Set.of("taskflow.engines.run", "taskflow.engines.helpers.run"),
      Set.of("taskflow.engines.load", "taskflow.engines.helpers.load"),
      "run", "execute", "revert");

  private TaskFlowLibrary() {}
}
