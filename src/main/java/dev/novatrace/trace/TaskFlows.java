package dev.novatrace.trace;

import java.util.Set;

/**
 * How a task-flow library composes tasks into a flow and runs it, by the dotted names of its
 * API as a module imports them (TaskFlow: {@code taskflow.patterns.linear_flow.Flow}, {@code
 * flow.add(TaskA(), TaskB())}, {@code taskflow.engines.run(flow)} or {@code
 * taskflow.engines.load(flow).run()}). The library is outside the traced tree; with these names
 * the resolver knows which tasks a flow holds and the tracer runs each task's method in turn.
 *
 * @param flowClasses classes whose instances are flows
 * @param addMethod the flow method adding tasks (or nested flows) in order
 * @param runFunctions functions that run the flow they are given first
 * @param loadFunctions functions that return an engine for the flow they are given first
 * @param runMethod the engine method that runs its flow
 * @param taskMethod the task method an engine runs
 * @param revertMethod the task method an engine runs, last task first, when a task fails (the
 *     failure path); empty when the library has none
 */
public record TaskFlows(Set<String> flowClasses, String addMethod, Set<String> runFunctions,
    Set<String> loadFunctions, String runMethod, String taskMethod, String revertMethod) {

  /** A library without a failure path. */
  public TaskFlows(Set<String> flowClasses, String addMethod, Set<String> runFunctions,
      Set<String> loadFunctions, String runMethod, String taskMethod) {
    this(flowClasses, addMethod, runFunctions, loadFunctions, runMethod, taskMethod, "");
  }

  /** No task-flow library. */
  public static final TaskFlows NONE = new TaskFlows(Set.of(), "", Set.of(), Set.of(), "", "");
}
