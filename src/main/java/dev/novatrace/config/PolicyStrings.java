package dev.novatrace.config;

import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a string expression a policy module writes a name or check string with: what
 * {@link PyLiterals} reads, and besides {@code %}-formatting ({@code SERVERS % 'resize'},
 * {@code '%s:%s' % (A, b)}) and f-strings whose fields are names ({@code f'({_ADMIN}) or
 * ({_MEMBER})'}). Kept apart from PyLiterals so option defaults read as before.
 */
final class PolicyStrings {
  private final PyNames names;
  private final PyLiterals literals;

  PolicyStrings(PyNames names, PyLiterals literals) {
    this.names = names;
    this.literals = literals;
  }

  /** The string {@code code} evaluates to, or null when a static reading cannot tell. */
  String eval(PyNames.Code code) {
    Object v = value(code, 0);
    return v instanceof String s ? s : null;
  }

  private Object value(PyNames.Code code, int depth) {
    if (depth > PyNames.MAX_DEPTH) {
      return Option.UNKNOWN;
    }
    PyNames.Value v = names.resolve(code);
    if (!(v instanceof PyNames.Code c)) {
      return literals.eval(code);
    }
    Expr e = c.expr();
    if (e instanceof Expr.Operation o && o.operands().size() == 2
        && (o.op().equals("%") || o.op().equals("+"))) {
      Object a = value(new PyNames.Code(c.module(), o.operands().get(0), c.locals()), depth + 1);
      if (!(a instanceof String left)) {
        return Option.UNKNOWN;
      }
      Expr right = o.operands().get(1);
      if (o.op().equals("+")) {
        Object b = value(new PyNames.Code(c.module(), right, c.locals()), depth + 1);
        return b instanceof String s ? left + s : Option.UNKNOWN;
      }
      return format(left, arguments(c, right, depth));
    }
    if (e instanceof Expr.Constant k && k.kind() == Expr.ConstKind.FSTRING) {
      return fstring(c, k.value(), depth);
    }
    return literals.eval(c);
  }

  /** The values a {@code %} takes: a tuple's elements, or the one value. */
  private List<Object> arguments(PyNames.Code c, Expr right, int depth) {
    PyNames.Value r = names.resolve(new PyNames.Code(c.module(), right, c.locals()));
    List<Object> out = new ArrayList<>();
    if (r instanceof PyNames.Code rc && rc.expr() instanceof Expr.Sequence s
        && s.kind() == Expr.SeqKind.TUPLE) {
      for (Expr x : s.elements()) {
        out.add(value(new PyNames.Code(rc.module(), x, rc.locals()), depth + 1));
      }
    } else {
      out.add(value(new PyNames.Code(c.module(), right, c.locals()), depth + 1));
    }
    return out;
  }

  /** Python's {@code fmt % args} for {@code %s}, {@code %d} and {@code %%}; else unknown. */
  static Object format(String fmt, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch != '%') {
        out.append(ch);
        continue;
      }
      if (i + 1 >= fmt.length()) {
        return Option.UNKNOWN;
      }
      char conv = fmt.charAt(++i);
      if (conv == '%') {
        out.append('%');
        continue;
      }
      if ((conv != 's' && conv != 'd') || next >= args.size()) {
        return Option.UNKNOWN;
      }
      Object a = args.get(next++);
      if (a == Option.UNKNOWN || a instanceof List<?> || (conv == 'd' && !(a instanceof Long))) {
        return Option.UNKNOWN;
      }
      out.append(a == null ? "None" : Option.spell(a));
    }
    return next == args.size() ? out.toString() : Option.UNKNOWN;
  }

  /**
   * An f-string's raw body with each {@code {name}} or {@code {module.NAME}} field replaced by
   * its value; a field with a conversion, a format or an expression is unknown.
   */
  private Object fstring(PyNames.Code c, String body, int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if ((ch == '{' || ch == '}') && i + 1 < body.length() && body.charAt(i + 1) == ch) {
        out.append(ch);
        i++;
      } else if (ch == '{') {
        int close = body.indexOf('}', i);
        if (close < 0) {
          return Option.UNKNOWN;
        }
        Expr field = dotted(body.substring(i + 1, close).strip());
        if (field == null) {
          return Option.UNKNOWN;
        }
        Object v = value(new PyNames.Code(c.module(), field, c.locals()), depth + 1);
        if (v == Option.UNKNOWN || v instanceof List<?>) {
          return Option.UNKNOWN;
        }
        out.append(v == null ? "None" : Option.spell(v));
        i = close;
      } else if (ch == '}') {
        return Option.UNKNOWN;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** {@code a} or {@code a.b.c} as a name and attributes; null for anything else. */
  private static Expr dotted(String text) {
    if (!text.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      return null;
    }
    String[] parts = text.split("\\.");
    Expr e = new Expr.Name(parts[0], dev.novatrace.python.ast.Pos.NONE);
    for (int i = 1; i < parts.length; i++) {
      e = new Expr.Attribute(e, parts[i], dev.novatrace.python.ast.Pos.NONE);
    }
    return e;
  }
}
