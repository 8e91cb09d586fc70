package dev.novatrace.trace;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The text of a value known where it is written: a constant ({@code None}, {@code 'done'}), a
 * module-level constant by the CONSTANT_CASE convention ({@code task_states.IMAGE_UPLOADING} →
 * {@code IMAGE_UPLOADING}), a name the caller bound to one, or an entry of a local dict literal
 * looked up with one. Anything else is not known, and a label never shows a variable's name as
 * though it were its value.
 */
final class Literals {
  private static final Pattern CONSTANT_CASE = Pattern.compile("[A-Z][A-Z0-9_]*");

  private Literals() {}

  /**
   * The literal text of {@code e}, or null. {@code known}: names bound to literal text here;
   * {@code scope}: where local dict literals are looked up.
   */
  static String of(Expr e, Map<String, String> known, Scope scope, Module module) {
    if (e instanceof Expr.Constant c) {
      return c.kind() == Expr.ConstKind.FSTRING || c.kind() == Expr.ConstKind.TSTRING ? null : ConstText.of(c, module);
    }
    if (e instanceof Expr.Name n) {
      String bound = known.get(n.id());
      return bound != null ? bound : CONSTANT_CASE.matcher(n.id()).matches() ? n.id() : null;
    }
    if (e instanceof Expr.Attribute a) {
      String field = field(a, known);
      if (field != null) {
        return field; // payload.action, where the caller fixed the field of what it passed
      }
      return CONSTANT_CASE.matcher(a.attr()).matches() && a.value() instanceof Expr.Name
          ? a.attr() : null;
    }
    if (e instanceof Expr.Sequence s
        && (s.kind() == Expr.SeqKind.LIST || s.kind() == Expr.SeqKind.TUPLE)) {
      return list(s, known, scope, module);
    }
    if (e instanceof Expr.Subscript sub) {
      return entry(sub, known, scope, module);
    }
    if (e instanceof Expr.Operation op && op.op().equals("or") && op.operands().size() == 2) {
      // controller or 'images': the left one where it is known and true, else the right one.
      String left = of(op.operands().get(0), known, scope, module);
      return left == null ? null : FALSY.contains(left) ? of(op.operands().get(1), known, scope,
          module) : left;
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && (a.attr().equals("replace") || a.attr().equals("join"))) {
      return stringMethod(c, a, known, scope, module);
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && a.attr().equals("get") && c.args().size() == 2
        && c.args().get(1).value() instanceof Expr.Constant k
        && k.kind() == Expr.ConstKind.STRING) {
      // translation.get(status, 'available'): a lookup whose key is not known here gives its
      // default in the common case (the table lists the exceptions).
      return of(c.args().get(0).value(), known, scope, module) == null ? of(k, known, scope, module)
          : null;
    }
    return null;
  }

  /**
   * {@code event.replace('after_', '')} and {@code '.'.join((resource, action, 'end'))} on
   * strings known here: the names code builds from the names it was given (Neutron's DHCP
   * notifier makes {@code port.update.end} from the callback's resource and event).
   */
  private static String stringMethod(Expr.Call c, Expr.Attribute a, Map<String, String> known,
      Scope scope, Module module) {
    String receiver = string(a.value(), known, scope, module);
    if (receiver == null || c.args().stream().anyMatch(x -> x.kind() != Arg.Kind.POSITIONAL)) {
      return null;
    }
    if (a.attr().equals("replace") && c.args().size() == 2) {
      String old = string(c.args().get(0).value(), known, scope, module);
      String with = string(c.args().get(1).value(), known, scope, module);
      return old == null || with == null || old.isEmpty() ? null
          : quoted(receiver.replace(old, with));
    }
    if (a.attr().equals("join") && c.args().size() == 1
        && c.args().get(0).value() instanceof Expr.Sequence parts) {
      StringJoiner j = new StringJoiner(receiver);
      for (Expr part : parts.elements()) {
        String v = string(part, known, scope, module);
        if (v == null) {
          return null;
        }
        j.add(v);
      }
      return quoted(j.toString());
    }
    return null;
  }

  private static String string(Expr e, Map<String, String> known, Scope scope, Module module) {
    String text = of(e, known, scope, module);
    return text == null ? null : ConstText.unquoted(text).orElse(null);
  }

  private static String quoted(String s) {
    return s.contains("'") || s.contains("\\") ? null : "'" + s + "'";
  }

  /**
   * The literal a caller fixed for {@code name.attr} ({@code payload.request_body}), kept under
   * that dotted key among the names bound to literals; else null.
   */
  static String field(Expr.Attribute a, Map<String, String> known) {
    return a.value() instanceof Expr.Name n ? known.get(n.id() + "." + a.attr()) : null;
  }

  /**
   * Whether {@code text} is a value whose text is its identity ({@link LiteralFlags#fixed}), or
   * a list of such ({@code [True]}, {@code []}): two such texts are equal where the values are.
   */
  static boolean isValueOrList(String text) {
    if (text == null) {
      return false;
    }
    if (text.startsWith("[") && text.endsWith("]")) {
      String inner = text.substring(1, text.length() - 1);
      return inner.isEmpty() || java.util.Arrays.stream(inner.split(", "))
          .allMatch(item -> LiteralFlags.fixed(item) != null && !item.contains(","));
    }
    return LiteralFlags.fixed(text) != null;
  }

  /** Whether Python takes the literal {@code text} as false. */
  static boolean isFalsy(String text) {
    return FALSY.contains(text);
  }

  /** The literal texts Python takes as false. */
  private static final java.util.Set<String> FALSY =
      java.util.Set.of("None", "False", "''", "\"\"", "0", "[]", "{}", "()");

  /**
   * {@code [A, B]} when every item is literal. Every item is looked at, but the text stops
   * growing past {@link ConstText#LABEL_MAX}: a 20,000-item list is a short label.
   */
  private static String list(Expr.Sequence s, Map<String, String> known, Scope scope,
      Module module) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    boolean full = false;
    for (Expr x : s.elements()) {
      String v = of(x, known, scope, module);
      if (v == null) {
        return null;
      }
      if (!full) {
        full = j.length() > ConstText.LABEL_MAX;
        j.add(full ? "..." : v);
      }
    }
    return ConstText.cut(j.toString());
  }

  /** {@code state_map[task_state]}: a local dict literal's value for a literal key. */
  private static String entry(Expr.Subscript sub, Map<String, String> known, Scope scope,
      Module module) {
    if (!(sub.value() instanceof Expr.Name n) || known.containsKey(n.id())
        || scope.param(n.id()) != null || !(scope.local(n.id()) instanceof Expr.Dict dict)) {
      return null;
    }
    String key = of(sub.index(), known, scope, module);
    if (key == null) {
      return null;
    }
    for (int i = 0; i < dict.keys().size(); i++) {
      Expr k = dict.keys().get(i);
      if (k != null && key.equals(of(k, Map.of(), scope, module))) {
        return of(dict.values().get(i), Map.of(), scope, module);
      }
    }
    return null;
  }
}
