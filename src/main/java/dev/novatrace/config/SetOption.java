package dev.novatrace.config;

/**
 * One {@code --set group.option=value}: {@code quota.driver=nova.quota.UnifiedLimitsDriver}, or
 * {@code reclaim_instance_interval=3600} for an option of {@code [DEFAULT]}.
 */
public record SetOption(String group, String name, String value) {

  /**
   * Reads {@code group.option=value}; the value is everything after the first {@code =}, as
   * written (it may be empty, or hold {@code =} and dots itself).
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static SetOption parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("'" + text + "' is not group.option=value");
    }
    String key = text.substring(0, eq).strip();
    String value = text.substring(eq + 1);
    int dot = key.indexOf('.');
    String group = dot < 0 ? Option.DEFAULT_GROUP : key.substring(0, dot).strip();
    String name = key.substring(dot + 1).strip();
    if (group.isEmpty() || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("'" + text + "' is not group.option=value");
    }
    return new SetOption(group, name, value);
  }

  /** {@code settings} with this value set, read as the option's type reads it. */
  public Settings applyTo(Settings settings) {
    return settings.with(group, name, value);
  }
}
