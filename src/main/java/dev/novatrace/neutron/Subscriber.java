package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;

/**
 * One subscriber of a neutron-lib callback key: the function the registry calls, the class it is
 * a bound method of (null for a module function or a staticmethod), its priority, and what must
 * hold for the subscription to exist at all (design note 6.2 step 2).
 */
public record Subscriber(FunctionInfo function, ClassInfo receiver, long priority,
    Existence existence) {

  /**
   * When a subscription exists. The registry is filled at run time, so the static table holds
   * every subscription the code can make; the deployment decides which of them it does make.
   */
  public sealed interface Existence {

    /**
     * A {@code registry.subscribe} at a module's top level, or a top-level call of a function
     * that subscribes ({@code subscribe()} after its {@code def}): it exists once {@code module}
     * is imported.
     */
    record Imported(ModuleInfo module) implements Existence {}

    /**
     * A {@code @registry.receives} method: {@code @registry.has_registry_receivers} subscribes it
     * for every object built of {@code cls} (or of a subclass that inherits it), so it exists once
     * such an object is.
     */
    record Instance(ClassInfo cls) implements Existence {}

    /**
     * A {@code registry.subscribe} inside a function ({@code DhcpAgentNotifyAPI.__init__}), or a
     * call that gives such a function the key it subscribes to: it exists once start-up runs
     * {@code subscribingFunction}.
     */
    record StartUp(FunctionInfo subscribingFunction) implements Existence {}
  }
}
