package dev.novatrace.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oslo.config's {@code $name} references in string defaults ({@code default='$reservation_expire'},
 * {@code '$state_path/instances'}): {@code $name} is the option of the same group, else of
 * DEFAULT; {@code ${group.name}} names the group; {@code $$} is a dollar sign. oslo.config
 * substitutes before the type reads the value, so an integer option can default to another's
 * value.
 */
final class Interpolation {
  /** oslo.config's Template: an identifier that may hold dots, in any case. */
  private static final Pattern REFERENCE = Pattern.compile(
      "\\$(?:(\\$)|([_a-z][._a-z0-9]*)|\\{([_a-z][._a-z0-9]*)})", Pattern.CASE_INSENSITIVE);
  private static final int MAX_DEPTH = 10;

  private final Map<String, Object> raw;

  /** {@code raw}: each option's default as written, by {@link #key}. */
  Interpolation(Map<String, Object> raw) {
    this.raw = raw;
  }

  static String key(String group, String name) {
    return group.toLowerCase(Locale.ROOT) + "." + name.replace('-', '_');
  }

  /** The default of {@code [group] ...} with every reference replaced, or null when one is unknown. */
  String substitute(String group, String value) {
    return substitute(group, value, 0);
  }

  private String substitute(String group, String value, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) != null) {
        replacement = "$";
      } else {
        String ref = m.group(2) != null ? m.group(2) : m.group(3);
        replacement = lookup(group, ref, depth);
        if (replacement == null) {
          return null;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String lookup(String group, String ref, int depth) {
    int dot = ref.indexOf('.');
    List<String> keys = dot > 0
        ? List.of(key(ref.substring(0, dot), ref.substring(dot + 1)), key(Option.DEFAULT_GROUP, ref))
        : List.of(key(group, ref), key(Option.DEFAULT_GROUP, ref));
    for (String k : keys) {
      if (raw.containsKey(k)) {
        Object v = raw.get(k);
        if (v == Option.UNKNOWN || v instanceof List<?>) {
          return null;
        }
        if (v instanceof String s) {
          return substitute(k.substring(0, k.indexOf('.')), s, depth + 1);
        }
        return v == null ? "" : Option.spell(v);
      }
    }
    return null;
  }
}
