package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import java.util.StringJoiner;

/**
 * Short readable text for values in labels: a constant's name rather than its module
 * ({@code vm_states.PAUSED} → {@code PAUSED}), lists as {@code [A, B]}, else the source text.
 */
public final class ConstText {
  private static final int MAX = 60;
  /**
   * A value's text is cut here, before any pattern or writer sees it: a 20,000-item list or a
   * megabyte string constant would be a label no one can read and PlantUML cannot draw. Far
   * above the longest value of a Nova diagram (a list of seven states, 76 characters).
   */
  static final int LABEL_MAX = 200;
  /** Builtins that only change the kind of collection their one argument is. */
  private static final java.util.Set<String> CONVERSIONS =
      java.util.Set.of("set", "frozenset", "list", "tuple", "sorted");

  private ConstText() {}

  public static String of(Expr e, Module module) {
    return cut(text(e, module));
  }

  private static String text(Expr e, Module module) {
    if (e instanceof Expr.Attribute a) {
      return a.attr();
    } else if (e instanceof Expr.Name n) {
      return n.id();
    } else if (e instanceof Expr.Constant c) {
      return switch (c.kind()) {
        case NONE -> "None";
        case TRUE -> "True";
        case FALSE -> "False";
        case STRING -> "'" + c.value() + "'";
        default -> module.text(c.pos());
      };
    } else if (e instanceof Expr.Call c && c.func() instanceof Expr.Name n
        && CONVERSIONS.contains(n.id()) && c.args().size() == 1
        && c.args().get(0).kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL) {
      // set(vm_states.ALLOW_SOFT_REBOOT) holds what its argument holds.
      return text(c.args().get(0).value(), module);
    } else if (e instanceof Expr.Call c && dev.novatrace.index.Names.simpleName(c.func()) != null) {
      return dev.novatrace.index.Names.simpleName(c.func()) + "()";
    } else if (e instanceof Expr.Sequence s && s.kind() != Expr.SeqKind.GENERATOR) {
      return list(s, module);
    }
    return shorten(module.text(e.pos()));
  }

  /** Whether a text is shown whole: not cut, and short enough not to be. */
  public static boolean whole(String text) {
    return text.length() <= MAX && !text.endsWith("...");
  }

  /** {@code [A, B]}, its items stopped once past {@link #LABEL_MAX}: it will be cut anyway. */
  private static String list(Expr.Sequence s, Module module) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Expr x : s.elements()) {
      if (j.length() > LABEL_MAX) {
        j.add("...");
        break;
      }
      j.add(cut(text(x, module)));
    }
    return j.toString();
  }

  /** {@code text}, cut to {@link #LABEL_MAX} characters. */
  static String cut(String text) {
    return text.length() <= LABEL_MAX ? text : text.substring(0, LABEL_MAX - 3) + "...";
  }

  /** Source text cut to a readable length. */
  public static String shorten(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }
}
