package dev.novatrace.trace;

import java.util.Optional;

/**
 * What the deployment's policy answers for the caller a trace assumes: whether a rule allows
 * it, and the assumption that answer rests on. A check that only asks ({@code
 * context.can(rule, fatal=False)}) is then no choice: the branch it guards is decided.
 */
@FunctionalInterface
public interface PolicyAnswers {
  /** No policy known: no check is decided. */
  PolicyAnswers NONE = rule -> Optional.empty();

  /** The answer for {@code rule}, or empty when the rule is not known. */
  Optional<Answer> answer(String rule);

  /**
   * @param allowed whether the rule admits the caller
   * @param describe the assumption: {@code policy compute:servers:resize:cross_cell = ! (default)}
   */
  record Answer(boolean allowed, String describe) {}
}
