package dev.novatrace.cinder;

import dev.novatrace.detail.DetailRules;
import dev.novatrace.trace.Step;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person leaves out of a Cinder diagram at standard detail, as data: error and
 * reschedule paths drawn as one note, and the driver's queries.
 */
final class CinderDetailRules implements DetailRules {
  /**
   * Helpers drawn as one note at standard detail wherever they are: error paths (roll back, a
   * task's revert, set the volume to error, reschedule after a failure; not a revert to a
   * snapshot, which is an action's work) and the quota usage bookkeeping; and
   * the copy of a volume's data between two attached devices (a generic migration's), the
   * service's own work however deep the helper that calls it.
   */
  private static final Pattern FOLDED_HELPERS = Pattern.compile(
      "_*(rollback|revert$|error_out|set_.*_error|cleanup|reschedule|update_allocated_capacity)"
          + "|copy_volume$");

  /** Driver calls that only fetch data (checks and validations are no queries). */
  private static final Pattern QUERIES = Pattern.compile("(get|list|show)_");

  @Override
  public Optional<String> foldedAs(Step.Origin callee) {
    return FOLDED_HELPERS.matcher(callee.function()).lookingAt()
        ? Optional.of(human(callee.function())) : Optional.empty();
  }

  private static String human(String function) {
    return function.replaceFirst("^_+", "").replace('_', ' ');
  }

  @Override
  public boolean isQuery(String label) {
    return QUERIES.matcher(label).lookingAt();
  }
}
