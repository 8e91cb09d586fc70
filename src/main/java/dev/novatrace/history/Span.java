package dev.novatrace.history;

/**
 * A stretch of releases in which something holds: from {@code since} (the first ref that has it)
 * to {@code until} (the first ref after that without it), or null when the last ref still has it.
 */
public record Span(String since, String until) {

  /** {@code since victoria-eom}, {@code victoria-eom until 34.0.0}. */
  public String describe() {
    return until == null ? "since " + since : since + " until " + until;
  }
}
