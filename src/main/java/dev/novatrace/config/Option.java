package dev.novatrace.config;

import java.util.List;
import java.util.Locale;

/**
 * One option a tree declares with oslo.config, as {@code cfg.StrOpt('driver',
 * default='nova.quota.DbQuotaDriver')} registered in the group {@code quota}: its group
 * ({@link #DEFAULT_GROUP} for {@code [DEFAULT]}), name, type and default.
 *
 * @param defaultValue a {@link Boolean}, {@link Long}, {@link Double}, {@link String}, a
 *     {@code List<String>}, null (None, or no default given), or {@link #UNKNOWN} when the
 *     default is computed where a static reading cannot tell its value
 * @param path the file that declares it, relative to the tree
 * @param line the line of its declaration
 */
public record Option(String group, String name, Type type, Object defaultValue, String path,
    int line) {

  /** The group of options registered without one. */
  public static final String DEFAULT_GROUP = "DEFAULT";

  /** A default the code computes: no branch can be decided on it. */
  public static final Object UNKNOWN = new Object() {
    @Override
    public String toString() {
      return "(computed)";
    }
  };

  /** The oslo.config types, by the class that declares the option. */
  public enum Type {
    STR, BOOL, INT, FLOAT, LIST, DICT, OTHER;

    /** {@code StrOpt} → STR, {@code BoolOpt} → BOOL, ...; anything else OTHER. */
    public static Type ofClass(String optClass) {
      return switch (optClass) {
        case "StrOpt", "URIOpt", "HostAddressOpt", "HostnameOpt", "HostDomainOpt", "IPOpt" -> STR;
        case "BoolOpt" -> BOOL;
        case "IntOpt", "PortOpt" -> INT;
        case "FloatOpt" -> FLOAT;
        case "ListOpt", "MultiStrOpt", "MultiOpt" -> LIST;
        case "DictOpt" -> DICT;
        default -> OTHER;
      };
    }
  }

  public Option {
    if (defaultValue instanceof List<?> l) {
      defaultValue = List.copyOf(l);
    }
  }

  /** {@code [quota] driver}, as an operator names it in nova.conf. */
  public String key() {
    return "[" + group + "] " + name;
  }

  /**
   * A value as nova.conf would spell it: {@code True}, {@code 3600}, {@code a,b}, {@code <None>};
   * an empty list is {@code []}.
   */
  public static String spell(Object value) {
    if (value == null) {
      return "<None>";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s && s.isEmpty()) {
      return "''";
    }
    if (value instanceof List<?> l) {
      // An empty list has no spelling of its own in nova.conf: say it is one.
      return l.isEmpty() ? "[]" : String.join(",", l.stream().map(String::valueOf).toList());
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(value);
  }
}
