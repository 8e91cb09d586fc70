package dev.novatrace.trace;

import dev.novatrace.config.Option;
import dev.novatrace.config.PyLiterals;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Objects;

/**
 * A value as the deployment's settings make it ({@link SettingTests}): known with the settings it
 * was read from, the configuration object or one of its groups, a builtin conversion, or not
 * known; and Python's own rules for the values known (truth, equality, comparison).
 */
sealed interface Deployed {

  /** A value known, and what about the deployment it was read from. */
  record Known(Object value, List<Assumed> from) implements Deployed {}

  /** The configuration object itself ({@code CONF}) or one of its groups. */
  record Conf(String group) implements Deployed {}

  record Unknown() implements Deployed {}

  /** A builtin that converts a value ({@code int}, {@code str}, ...), named or passed. */
  record Builtin(String name) implements Deployed {}

  Unknown UNKNOWN = new Unknown();

  static Object convert(String builtin, Object v) {
    switch (builtin) {
      case "bool":
        return truthy(v);
      case "str":
        return v instanceof String ? v : Option.UNKNOWN;
      case "int":
        return v instanceof Long ? v : v instanceof Double d ? (Object) (long) d.doubleValue()
            : v instanceof Boolean bo ? (Object) (bo ? 1L : 0L) : Option.UNKNOWN;
      case "float":
        return v instanceof Number n ? (Object) n.doubleValue() : Option.UNKNOWN;
      default:
        return Option.UNKNOWN;
    }
  }

  static Boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return same(a, b);
      case "!=":
        return !same(a, b);
      case "is":
        return a == null || b == null ? a == b : same(a, b);
      case "is not":
        return a == null || b == null ? a != b : !same(a, b);
      case "in":
      case "not in":
        if (b instanceof List<?> list) {
          boolean in = list.stream().anyMatch(x -> same(a, x));
          return op.equals("in") == in;
        }
        if (a instanceof String s && b instanceof String t) {
          return op.equals("in") == t.contains(s);
        }
        return null;
      default:
        if (a instanceof Number x && b instanceof Number y) {
          int c = Double.compare(x.doubleValue(), y.doubleValue());
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> null;
          };
        }
        return null;
    }
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return Objects.equals(a, b);
  }

  /** Python's truth of a value. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  /** A literal, read as option defaults are read. */
  static Deployed constant(Expr.Constant c) {
    Object v = PyLiterals.constant(c);
    return v == Option.UNKNOWN ? UNKNOWN : new Known(v, List.of());
  }
}
