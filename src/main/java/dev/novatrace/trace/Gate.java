package dev.novatrace.trace;

/**
 * Code a deployment runs only where a policy rule admits the caller: a project's fact, as "the
 * task that moves an instance to another cell runs only where the cross-cell rule allows" (it
 * defaults to nobody). The code itself cannot say so: the rule decides a flag the API sends,
 * which keeps the scheduler to the instance's cell, which makes the task's branch one no
 * default cloud reaches.
 *
 * @param module the dotted module (or package) of the gated code
 * @param rule the policy rule that opens it
 */
public record Gate(String module, String rule) {
  /** Whether {@code dotted} names the gated module or one under it. */
  boolean holds(String dotted) {
    return dotted.equals(module) || dotted.startsWith(module + ".");
  }
}
