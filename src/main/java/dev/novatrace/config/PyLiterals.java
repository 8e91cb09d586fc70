package dev.novatrace.config;

import dev.novatrace.python.ast.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value of a Python expression where the source fixes it: literals, names bound to them,
 * a negative number, arithmetic on numbers ({@code 60 * 60}), string and list concatenation.
 * Anything the code computes is {@link Option#UNKNOWN}.
 */
public final class PyLiterals {
  private final PyNames names;

  PyLiterals(PyNames names) {
    this.names = names;
  }

  /**
   * A {@link Boolean}, {@link Long}, {@link Double}, {@link String}, {@code List<String>}, null
   * for None, or {@link Option#UNKNOWN}.
   */
  Object eval(PyNames.Code code) {
    return eval(code, 0);
  }

  private Object eval(PyNames.Code code, int depth) {
    if (depth > PyNames.MAX_DEPTH) {
      return Option.UNKNOWN;
    }
    PyNames.Value v = names.resolve(code);
    if (v instanceof PyNames.External x) {
      return external(x.dotted());
    }
    if (!(v instanceof PyNames.Code c)) {
      return Option.UNKNOWN;
    }
    Expr e = c.expr();
    if (e instanceof Expr.Constant k) {
      return constant(k);
    }
    if (e instanceof Expr.Sequence s
        && (s.kind() == Expr.SeqKind.LIST || s.kind() == Expr.SeqKind.TUPLE)) {
      return list(c, s.elements(), depth);
    }
    if (e instanceof Expr.Dict d) {
      return dict(c, d, depth);
    }
    if (e instanceof Expr.Operation o) {
      List<Object> operands = new ArrayList<>();
      for (Expr x : o.operands()) {
        operands.add(eval(new PyNames.Code(c.module(), x, c.locals()), depth + 1));
      }
      return operate(o.op(), operands);
    }
    if (e instanceof Expr.Call call) {
      return call(c, call, depth);
    }
    return Option.UNKNOWN;
  }

  /** oslo_utils.units, which sizes are written in ({@code units.Mi * 128}). */
  private static Object external(String dotted) {
    String prefix = "oslo_utils.units.";
    if (!dotted.startsWith(prefix)) {
      return Option.UNKNOWN;
    }
    String unit = dotted.substring(prefix.length());
    int binary = "KiMiGiTiPiEi".indexOf(unit);
    int decimal = "kMGTPE".indexOf(unit);
    if (unit.length() == 2 && binary >= 0 && binary % 2 == 0) {
      return 1L << (10 * (binary / 2 + 1));
    }
    if (unit.length() == 1 && decimal >= 0) {
      long v = 1;
      for (int i = 0; i <= decimal; i++) {
        v *= 1000;
      }
      return v;
    }
    return Option.UNKNOWN;
  }

  /** {@code float(-1.0)}, {@code int('5')}, {@code str(x)}, {@code 'http'.upper()}. */
  private Object call(PyNames.Code c, Expr.Call call, int depth) {
    List<Object> args = new ArrayList<>();
    for (dev.novatrace.python.ast.Arg a : call.args()) {
      if (a.kind() != dev.novatrace.python.ast.Arg.Kind.POSITIONAL) {
        return Option.UNKNOWN;
      }
      args.add(eval(new PyNames.Code(c.module(), a.value(), c.locals()), depth + 1));
    }
    if (args.contains(Option.UNKNOWN)) {
      return Option.UNKNOWN;
    }
    if (call.func() instanceof Expr.Attribute m && args.isEmpty()) {
      Object self = eval(new PyNames.Code(c.module(), m.value(), c.locals()), depth + 1);
      if (self instanceof String s) {
        return switch (m.attr()) {
          case "upper" -> s.toUpperCase(Locale.ROOT);
          case "lower" -> s.toLowerCase(Locale.ROOT);
          case "strip" -> s.strip();
          default -> Option.UNKNOWN;
        };
      }
      return Option.UNKNOWN;
    }
    boolean builtin = call.func() instanceof Expr.Name
        && names.resolve(new PyNames.Code(c.module(), call.func(), c.locals()))
            instanceof PyNames.Unknown;
    if (!builtin || args.size() != 1) {
      return Option.UNKNOWN;
    }
    Object a = args.get(0);
    return switch (((Expr.Name) call.func()).id()) {
      case "float" -> a instanceof Number n ? (Object) n.doubleValue()
          : a instanceof String t ? DefaultValues.typed(Option.Type.FLOAT, t) : Option.UNKNOWN;
      case "int" -> a instanceof Long ? a
          : a instanceof Double d ? (Object) (long) d.doubleValue()
          : a instanceof String t ? DefaultValues.typed(Option.Type.INT, t) : Option.UNKNOWN;
      case "str" -> a == null ? "None" : a instanceof List<?> ? Option.UNKNOWN : Option.spell(a);
      default -> Option.UNKNOWN;
    };
  }

  private Object list(PyNames.Code c, List<Expr> elements, int depth) {
    List<String> out = new ArrayList<>();
    for (Expr x : elements) {
      Object v = eval(new PyNames.Code(c.module(), x, c.locals()), depth + 1);
      if (v == null || v == Option.UNKNOWN || v instanceof List<?>) {
        return Option.UNKNOWN;
      }
      out.add(Option.spell(v));
    }
    return List.copyOf(out);
  }

  /** A DictOpt default, spelled as nova.conf would write it: {@code key:value,key2:value2}. */
  private Object dict(PyNames.Code c, Expr.Dict d, int depth) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < d.keys().size(); i++) {
      Expr key = d.keys().get(i);
      if (key == null) {
        return Option.UNKNOWN;
      }
      Object k = eval(new PyNames.Code(c.module(), key, c.locals()), depth + 1);
      Object v = eval(new PyNames.Code(c.module(), d.values().get(i), c.locals()), depth + 1);
      if (k == null || k == Option.UNKNOWN || v == Option.UNKNOWN || v instanceof List<?>) {
        return Option.UNKNOWN;
      }
      pairs.add(Option.spell(k) + ":" + (v == null ? "" : Option.spell(v)));
    }
    return String.join(",", pairs);
  }

  /**
   * The value of a literal: a {@link Boolean}, {@link Long}, {@link Double}, {@link String},
   * null for None, or {@link Option#UNKNOWN} (an f-string, bytes, a complex number).
   */
  public static Object constant(Expr.Constant k) {
    return switch (k.kind()) {
      case STRING -> k.value();
      case NUMBER -> number(k.value());
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NONE -> null;
      default -> Option.UNKNOWN;
    };
  }

  /** A Python number literal: {@code 10}, {@code -1} (after the sign), {@code 0x1F}, {@code 1_000}, {@code 0.5}, {@code 1e3}. */
  static Object number(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("0x")) {
        return Long.parseLong(t.substring(2), 16);
      }
      if (t.startsWith("0o")) {
        return Long.parseLong(t.substring(2), 8);
      }
      if (t.startsWith("0b")) {
        return Long.parseLong(t.substring(2), 2);
      }
      if (t.endsWith("j")) {
        return Option.UNKNOWN;
      }
      if (t.contains(".") || t.contains("e")) {
        return Double.parseDouble(t);
      }
      BigInteger big = new BigInteger(t);
      return big.bitLength() < 64 ? (Object) big.longValue() : Option.UNKNOWN;
    } catch (NumberFormatException e) {
      return Option.UNKNOWN;
    }
  }

  private static Object operate(String op, List<Object> xs) {
    if (xs.contains(Option.UNKNOWN)) {
      return Option.UNKNOWN;
    }
    if (xs.size() == 1) {
      return unary(op, xs.get(0));
    }
    if (xs.size() != 2) {
      return Option.UNKNOWN;
    }
    Object a = xs.get(0);
    Object b = xs.get(1);
    if (op.equals("+") && a instanceof String s && b instanceof String t) {
      return s + t;
    }
    if (op.equals("+") && a instanceof List<?> l && b instanceof List<?> m) {
      List<Object> out = new ArrayList<>(l);
      out.addAll(m);
      return List.copyOf(out);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return switch (op) {
        case "+" -> x + y;
        case "-" -> x - y;
        case "*" -> x * y;
        case "//" -> y == 0 ? Option.UNKNOWN : Math.floorDiv(x, y);
        case "/" -> y == 0 ? Option.UNKNOWN : (double) x / y;
        default -> Option.UNKNOWN;
      };
    }
    if (a instanceof Number x && b instanceof Number y) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      return switch (op) {
        case "+" -> p + q;
        case "-" -> p - q;
        case "*" -> p * q;
        case "/" -> q == 0 ? Option.UNKNOWN : p / q;
        default -> Option.UNKNOWN;
      };
    }
    return Option.UNKNOWN;
  }

  private static Object unary(String op, Object a) {
    if (op.equals("-") && a instanceof Long x) {
      return -x;
    }
    if (op.equals("-") && a instanceof Double x) {
      return -x;
    }
    if (op.equals("+") && a instanceof Number) {
      return a;
    }
    if (op.equals("not") && a instanceof Boolean x) {
      return !x;
    }
    return Option.UNKNOWN;
  }
}
