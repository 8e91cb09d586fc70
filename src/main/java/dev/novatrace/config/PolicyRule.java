package dev.novatrace.config;

/**
 * One rule a tree registers with oslo.policy ({@code policy.DocumentedRuleDefault(name=SERVERS %
 * 'resize', check_str=base.ADMIN, ...)}), its name and check string evaluated.
 *
 * @param deprecatedName the name of its {@code deprecated_rule=policy.DeprecatedRule(...)}, or
 *     null when it has none (or one that cannot be read)
 * @param deprecatedCheckStr that deprecated rule's check string, or null
 * @param path the file that declares it, relative to the tree
 * @param line the line of its declaration
 */
public record PolicyRule(String name, String checkStr, String deprecatedName,
    String deprecatedCheckStr, String path, int line) {

  /** A rule with no deprecated rule. */
  public PolicyRule(String name, String checkStr, String path, int line) {
    this(name, checkStr, null, null, path, line);
  }
}
