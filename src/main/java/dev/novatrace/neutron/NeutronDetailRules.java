package dev.novatrace.neutron;

import dev.novatrace.detail.DetailRules;
import dev.novatrace.trace.Step;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person leaves out of a Neutron diagram at standard detail, as data: error and
 * clean-up paths drawn as one note, and the reads of the database and of OVN.
 */
final class NeutronDetailRules implements DetailRules {
  /** Helpers drawn as one note wherever they are: roll-backs and clean-ups after a failure. */
  private static final Pattern FOLDED_HELPERS = Pattern.compile(
      "_*(rollback|revert$|cleanup|_?delete_port_on_error|safe_delete)");

  /** Calls that only fetch data. */
  private static final Pattern QUERIES = Pattern.compile("(get|list|show|lookup|count)(_|$)");

  @Override
  public Optional<String> foldedAs(Step.Origin callee) {
    return FOLDED_HELPERS.matcher(callee.function()).lookingAt()
        ? Optional.of(callee.function().replaceFirst("^_+", "").replace('_', ' '))
        : Optional.empty();
  }

  @Override
  public boolean isQuery(String label) {
    return QUERIES.matcher(label).lookingAt();
  }
}
