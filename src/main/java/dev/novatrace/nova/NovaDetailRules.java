package dev.novatrace.nova;

import dev.novatrace.detail.DetailRules;
import dev.novatrace.project.Participants;
import dev.novatrace.trace.Step;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a person leaves out of a Nova diagram at standard detail, as data: helpers drawn as one
 * note (the resource tracker, error paths, the local-delete fallback) and the driver's queries.
 */
final class NovaDetailRules implements DetailRules {
  /**
   * Modules whose helpers a person draws as one note at standard detail (module path prefix →
   * what to call them): the resource tracker's claims and provider-tree bookkeeping.
   */
  private static final Map<String, String> FOLDED = Map.of(
      "nova/compute/resource_tracker.py", "resource tracker",
      "nova/compute/claims.py", "resource claim");

  /**
   * Helpers drawn as one note at standard detail wherever they are: error paths (roll back,
   * error out), the API's local-delete fallback for an instance no compute host owns, the
   * compute host's refresh of its resource inventory (the resource tracker's business), and the
   * legacy quota checks, whose database reads are the quota driver's business but whose check is
   * the action's (the API's, deeper than --depth, would else vanish).
   */
  private static final Pattern FOLDED_HELPERS = Pattern.compile(
      "_*(rollback|revert_allocation|error_out|set_instance_obj_error_state|cleanup_allocated"
          + "|local_delete|local_cleanup|update_available_resource"
          + "|check_num_instances_quota|check_quota_for_upsize)");

  /**
   * Helpers that record what the service is doing (a task's start and end, the instance
   * action's events) or only answer a question another step asks again: no note at standard.
   */
  private static final Pattern BOOKKEEPING = Pattern.compile(
      "_*(record_task_start|start_recorded_task|end_pending_\\w*task|event_start|event_finish"
          + "|request_is_rebuild)$");

  /** Folded helpers that are the way an action fails, not the way it runs. */
  private static final Pattern ERROR_PATHS = Pattern.compile(
      "_*(rollback|error_out|set_instance_obj_error_state|cleanup_allocated)");

  /** Driver calls that only fetch data (checks and validations are no queries). */
  private static final Pattern QUERIES = Pattern.compile("(get|list|show)_");

  /** A helper by where it is, which is all {@link #foldedAs} reads of it. */
  private record Helper(String path, String function) {}

  /**
   * What each helper folds as, read once per process: the shaper asks it at every call of every
   * action of every release, and the answer depends on the helper's path and name alone.
   */
  private final Map<Helper, Optional<String>> folded = new ConcurrentHashMap<>();

  @Override
  public Optional<String> foldedAs(Step.Origin callee) {
    return folded.computeIfAbsent(new Helper(callee.path(), callee.function()), this::fold);
  }

  private Optional<String> fold(Helper callee) {
    Optional<String> module = Participants.byLongestPrefix(FOLDED, callee.path());
    if (module.isPresent()) {
      return Optional.of(module.get() + ": " + human(callee.function()));
    }
    return FOLDED_HELPERS.matcher(callee.function()).lookingAt()
        ? Optional.of(human(callee.function())) : Optional.empty();
  }

  /**
   * {@code _do_rebuild} → {@code do rebuild}. Asked of every step the shaper meets, so no regular
   * expression is compiled for it.
   */
  private static String human(String function) {
    int start = 0;
    while (start < function.length() && function.charAt(start) == '_') {
      start++;
    }
    return function.substring(start).replace('_', ' ');
  }

  @Override
  public boolean isErrorPath(Step.Origin callee) {
    return ERROR_PATHS.matcher(callee.function()).lookingAt();
  }

  @Override
  public boolean isBookkeeping(Step.Origin callee) {
    return BOOKKEEPING.matcher(callee.function()).lookingAt();
  }

  @Override
  public boolean isQuery(String label) {
    return QUERIES.matcher(label).lookingAt();
  }
}
