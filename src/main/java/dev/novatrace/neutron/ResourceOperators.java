package dev.novatrace.neutron;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's operators, builtins and the methods of str, dict, list and set, on the values of
 * {@link ResourceValues}, as far as Neutron's API descriptions use them:
 * {@code resource_name.replace('_', '-') + "s"}, {@code MAP.get(COLLECTION, {})},
 * {@code set(ML2_SUPPORTED_API_EXTENSIONS) & extensions}, {@code collection_name[:-1]},
 * {@code itertools.chain(MAP, SUB_MAP)}. Anything else is unknown (null).
 */
final class ResourceOperators {
  private ResourceOperators() {}

  /** The elements a for loop over {@code v} visits (a dict's keys), or null. */
  static Collection<?> iterate(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (v instanceof Collection<?> c) {
      return c;
    }
    return null;
  }

  static Object apply(String op, List<Object> operands) {
    if (operands.size() == 1) {
      Object only = operands.get(0);
      if ("-".equals(op) && only instanceof Long n) {
        return -n;
      }
      return "not".equals(op) && truth(only) instanceof Boolean b ? !b : null;
    }
    if (operands.size() != 2 || operands.stream().anyMatch(java.util.Objects::isNull)) {
      return null;
    }
    Object a = operands.get(0);
    Object b = operands.get(1);
    return switch (op) {
      case "+" -> plus(a, b);
      case "%" -> a instanceof String fmt ? percent(fmt, b) : null;
      case "&", "-", "|" -> setOperation(op, a, b);
      case "in", "not in" -> contains(b, a, "in".equals(op));
      case "==" -> a.equals(b);
      case "!=" -> !a.equals(b);
      default -> null;
    };
  }

  /** Python's truth of {@code v}: a {@link Boolean}, or null when it cannot be told. */
  private static Object truth(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v == ResourceValues.NONE) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return null;
  }

  private static Object plus(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return out;
    }
    return null;
  }

  /** {@code '%s_id' % name} and {@code '/%s/{%s_id}' % (a, b)}: only %s is filled in. */
  private static Object percent(String fmt, Object args) {
    List<?> values = args instanceof List<?> l ? l : List.of(args);
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch == '%' && i + 1 < fmt.length()) {
        char kind = fmt.charAt(++i);
        if (kind == '%') {
          out.append('%');
        } else if (kind == 's' && next < values.size() && values.get(next) instanceof String s) {
          out.append(s);
          next++;
        } else {
          return null;
        }
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static Object setOperation(String op, Object a, Object b) {
    if (!(a instanceof Collection<?> x) || !(b instanceof Collection<?> y)) {
      return null;
    }
    if ("-".equals(op) && a instanceof List<?>) {
      return null; // list minus list is a TypeError
    }
    Set<Object> out = new LinkedHashSet<>(x);
    switch (op) {
      case "&" -> out.retainAll(y);
      case "-" -> out.removeAll(y);
      default -> out.addAll(y);
    }
    return out;
  }

  private static Object contains(Object container, Object element, boolean in) {
    boolean found;
    if (container instanceof String s && element instanceof String e) {
      found = s.contains(e);
    } else if (container instanceof Collection<?> c) {
      found = c.contains(element);
    } else if (container instanceof Map<?, ?> m) {
      found = m.containsKey(element);
    } else {
      return null;
    }
    return found == in;
  }

  /** {@code target[key]}. */
  static Object index(Object target, Object key) {
    if (target instanceof Map<?, ?> m) {
      return m.get(key);
    }
    if (target instanceof List<?> l && key instanceof Long i) {
      int at = (int) (i < 0 ? l.size() + i : i);
      return at >= 0 && at < l.size() ? l.get(at) : null;
    }
    return null;
  }

  /** {@code target[lower:upper]} on a string or list; a bound of NONE is open. */
  static Object slice(Object target, Object[] bounds) {
    int size = target instanceof String s ? s.length()
        : target instanceof List<?> l ? l.size() : -1;
    if (size < 0) {
      return null;
    }
    Integer from = bound(bounds[0], size, 0);
    Integer to = bound(bounds[1], size, size);
    if (from == null || to == null) {
      return null;
    }
    int end = Math.max(from, to);
    return target instanceof String s ? s.substring(from, end)
        : new ArrayList<>(((List<?>) target).subList(from, end));
  }

  private static Integer bound(Object b, int size, int open) {
    if (b == ResourceValues.NONE) {
      return open;
    }
    if (!(b instanceof Long n)) {
      return null;
    }
    long at = n < 0 ? size + n : n;
    return (int) Math.max(0, Math.min(size, at));
  }

  /** A method call on a literal value. */
  static Object method(Object self, String name, List<Object> args) {
    if (self instanceof String s) {
      return stringMethod(s, name, args);
    }
    if (self instanceof Map<?, ?> m) {
      return switch (name) {
        case "get" -> args.isEmpty() ? null : m.containsKey(args.get(0)) ? m.get(args.get(0))
            : args.size() > 1 ? args.get(1) : ResourceValues.NONE;
        case "items" -> m.entrySet().stream().map(e -> (Object) pair(e)).toList();
        case "keys" -> new ArrayList<>(m.keySet());
        case "values" -> new ArrayList<>(m.values());
        case "copy" -> new LinkedHashMap<>(m);
        default -> null;
      };
    }
    if (self instanceof Collection<?> c && "copy".equals(name)) {
      return c instanceof Set<?> ? new LinkedHashSet<>(c) : new ArrayList<>(c);
    }
    return null;
  }

  private static List<Object> pair(Map.Entry<?, ?> e) {
    List<Object> pair = new ArrayList<>();
    pair.add(e.getKey());
    pair.add(e.getValue());
    return pair;
  }

  private static Object stringMethod(String s, String name, List<Object> args) {
    if ("replace".equals(name) && args.size() == 2 && args.get(0) instanceof String a
        && args.get(1) instanceof String b) {
      return s.replace(a, b);
    }
    if ("lower".equals(name) && args.isEmpty()) {
      return s.toLowerCase(java.util.Locale.ROOT);
    }
    if ("upper".equals(name) && args.isEmpty()) {
      return s.toUpperCase(java.util.Locale.ROOT);
    }
    return null;
  }

  /** A builtin or standard-library function the tree does not define, by its simple name. */
  static Object builtin(String name, List<Object> args) {
    return switch (name) {
      case "set", "frozenset" -> args.size() == 1 && iterate(args.get(0)) != null
          ? new LinkedHashSet<>(iterate(args.get(0))) : args.isEmpty() ? new LinkedHashSet<>()
          : null;
      case "list", "tuple", "sorted" -> args.size() == 1 && iterate(args.get(0)) != null
          ? new ArrayList<>(iterate(args.get(0))) : null;
      case "dict" -> args.isEmpty() ? new LinkedHashMap<>()
          : args.get(0) instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : null;
      case "deepcopy" -> args.size() == 1 ? deepCopy(args.get(0)) : null;
      case "copy" -> args.size() == 1 ? method(args.get(0), "copy", List.of()) : null;
      case "chain" -> chain(args);
      default -> null;
    };
  }

  private static Object chain(List<Object> args) {
    List<Object> out = new ArrayList<>();
    for (Object a : args) {
      Collection<?> each = iterate(a);
      if (each == null) {
        return null;
      }
      out.addAll(each);
    }
    return out;
  }

  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, deepCopy(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(deepCopy(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(deepCopy(x)));
      return out;
    }
    return v;
  }
}
