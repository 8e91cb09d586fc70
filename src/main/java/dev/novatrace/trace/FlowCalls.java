package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the {@link Resolver} makes of the calls of the task-flow library the profile names
 * ({@link TaskFlows}): the flows they build and the tasks those hold.
 */
final class FlowCalls {
  private final Resolver resolver;

  FlowCalls(Resolver resolver) {
    this.resolver = resolver;
  }

  /**
   * A call of the task-flow library ({@link TaskFlows}): a new flow holds the tasks added to the
   * name it is bound to; {@code flow.add(...)} returns the flow with more tasks; loading a flow
   * gives an engine that runs the same tasks. Null for any other call.
   */
  Value call(Expr.Call c, Scope scope) {
    TaskFlows flows = resolver.hints().taskFlows();
    String imported = resolver.importedName(c.func(), scope);
    if (imported != null && flows.flowClasses().contains(imported)) {
      return new Value.FlowValue(addedTasks(c, scope));
    }
    if (imported != null && flows.loadFunctions().contains(imported) && !c.args().isEmpty()
        && resolver.valueOf(c.args().get(0).value(), scope) instanceof Value.FlowValue loaded) {
      return loaded;
    }
    if (c.func() instanceof Expr.Attribute a && a.attr().equals(flows.addMethod())
        && resolver.valueOf(a.value(), scope) instanceof Value.FlowValue flow) {
      List<ClassInfo> tasks = new ArrayList<>(flow.tasks());
      tasks.addAll(tasks(c.args(), scope));
      return new Value.FlowValue(List.copyOf(tasks));
    }
    return null;
  }

  /**
   * The tasks added to a new flow: every {@code name.add(...)} of the name it is bound to in
   * the function that creates it, in the order written. An add inside a branch counts as made.
   */
  private List<ClassInfo> addedTasks(Expr.Call creation, Scope scope) {
    if (scope.function() == null) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    List<Expr.Call> adds = new ArrayList<>();
    String add = resolver.hints().taskFlows().addMethod();
    StatementWalker.forEach(scope.function().ast().body(), st -> {
      if (st instanceof Stmt.Assign a && a.value() == creation) {
        a.targets().stream().filter(t -> t instanceof Expr.Name)
            .forEach(t -> names.add(((Expr.Name) t).id()));
      } else if (st instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && a.attr().equals(add)
          && a.value() instanceof Expr.Name n && names.contains(n.id())) {
        adds.add(c);
      }
    });
    List<ClassInfo> tasks = new ArrayList<>();
    adds.forEach(c -> tasks.addAll(tasks(c.args(), scope)));
    return List.copyOf(tasks);
  }

  /** The tasks of {@code add(...)}'s arguments: objects of the tree's classes, nested flows. */
  private List<ClassInfo> tasks(List<Arg> args, Scope scope) {
    List<ClassInfo> tasks = new ArrayList<>();
    for (Arg arg : args) {
      Value v = resolver.valueOf(arg.value(), scope);
      if (v instanceof Value.InstanceValue iv) {
        tasks.add(iv.cls());
      } else if (v instanceof Value.FlowValue nested) {
        tasks.addAll(nested.tasks());
      }
    }
    return tasks;
  }
}
