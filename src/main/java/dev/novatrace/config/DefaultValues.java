package dev.novatrace.config;

import java.util.List;

/**
 * A default as the option's type makes it: oslo.config passes a default through the type, so
 * {@code IntOpt(default='5')} is 5 and {@code ListOpt(default='a,b')} is [a, b].
 */
final class DefaultValues {
  private DefaultValues() {}

  static Object typed(Option.Type type, Object v) {
    if (v == null || v == Option.UNKNOWN) {
      return v;
    }
    return switch (type) {
      case STR -> v instanceof List<?> ? Option.UNKNOWN : v instanceof String ? v : Option.spell(v);
      case BOOL -> v instanceof Boolean ? v : parsed(type, v);
      case INT -> v instanceof Long ? v
          : v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? (Object) d.longValue()
          : parsed(type, v);
      case FLOAT -> v instanceof Double ? v
          : v instanceof Long l ? (Object) l.doubleValue() : parsed(type, v);
      case LIST -> v instanceof List<?> ? v : parsed(type, v);
      case DICT -> v instanceof String ? v : Option.UNKNOWN;
      case OTHER -> v;
    };
  }

  private static Object parsed(Option.Type type, Object v) {
    if (!(v instanceof String s)) {
      return Option.UNKNOWN;
    }
    try {
      return Settings.parse(new Option(Option.DEFAULT_GROUP, "default", type, null, "", 0), s);
    } catch (IllegalArgumentException e) {
      return Option.UNKNOWN;
    }
  }
}
