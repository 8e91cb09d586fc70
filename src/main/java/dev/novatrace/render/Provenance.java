package dev.novatrace.render;

import java.util.List;

/**
 * What made a diagram, for its first line: {@code novatrace 0.1.0 · Nova 34.0.0 · pause · detail
 * standard}. Deterministic on purpose (no date, no host): the same inputs give the same bytes.
 */
public record Provenance(String tool, String project, String nova, String action, String detail,
    List<String> assumes) {

  public Provenance {
    assumes = List.copyOf(assumes);
  }

  /** Used when the classes do not come from the jar (tests, an IDE): no manifest to read. */
  static final String UNKNOWN_VERSION = "dev";

  /** Provenance naming this build of novatrace, for a Nova tree. */
  public static Provenance of(String nova, String action, String detail) {
    return of("Nova", nova, action, detail);
  }

  /** Provenance naming this build of novatrace, for a tree of {@code project} ("Cinder"). */
  public static Provenance of(String project, String version, String action, String detail) {
    return new Provenance(toolVersion(), project, version, action, detail, List.of());
  }

  /**
   * The same, saying which settings decided the diagram's branches
   * ({@code [quota] driver = nova.quota.DbQuotaDriver (default)}): a line each after the first.
   */
  public Provenance assuming(List<String> settings) {
    return new Provenance(tool, project, nova, action, detail, settings);
  }

  /**
   * The comment line after the first, when settings decided branches: {@code assumes [quota]
   * driver = ... (default); [DEFAULT] ...}. One line, however many: a diagram's length is what
   * a reader reads, and 20 lines of them would push a long action past what one can follow.
   */
  public List<String> assumptionLines() {
    return assumes.isEmpty() ? List.of()
        : List.of(("assumes " + String.join("; ", assumes)).replaceAll("\\s+", " "));
  }

  /** The version in the jar's manifest ({@code Implementation-Version}), else "dev". */
  public static String toolVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? UNKNOWN_VERSION : v;
  }

  /** The comment's text, without the comment marker; on one line whatever the inputs hold. */
  public String text() {
    return ("novatrace " + tool + " · " + project + " " + nova + " · " + action + " · detail " + detail)
        .replaceAll("\\s+", " ");
  }
}
