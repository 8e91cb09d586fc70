package dev.novatrace.cli;

import dev.novatrace.util.StackSize;
import dev.novatrace.workspace.Workspace;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Workspaces for the threads of a run after the first, each made by {@code make}. The first is
 * begun at once, on a thread of its own, so that it is indexed and discovered while the run's
 * own workspace is (Neutron's discovery takes as long as tracing a third of its actions); the
 * others are made by the thread that asks.
 */
final class Copies implements Supplier<Workspace> {
  private final Supplier<Workspace> make;
  private FutureTask<Workspace> first;

  Copies(Supplier<Workspace> make) {
    this.make = make;
    this.first = new FutureTask<>(make::get);
    Thread t = new Thread(null, first, "novatrace-copy", StackSize.fit(StackSize.FULL));
    t.setDaemon(true); // a run that ends before it is asked for does not wait for it
    t.start();
  }

  @Override
  public Workspace get() {
    FutureTask<Workspace> begun;
    synchronized (this) {
      begun = first;
      first = null;
    }
    return begun == null ? make.get() : await(begun);
  }

  private static Workspace await(FutureTask<Workspace> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a copy of the tree was made", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a copy of the tree failed", e.getCause());
    }
  }
}
