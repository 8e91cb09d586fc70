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
  /** Builtins that only change the kind of collection their one argument is. */
  private static final java.util.Set<String> CONVERSIONS =
      java.util.Set.of("set", "frozenset", "list", "tuple", "sorted");

  private ConstText() {}

  public static String of(Expr e, Module module) {
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
      return of(c.args().get(0).value(), module);
    } else if (e instanceof Expr.Call c && dev.novatrace.index.Names.simpleName(c.func()) != null) {
      return dev.novatrace.index.Names.simpleName(c.func()) + "()";
    } else if (e instanceof Expr.Sequence s && s.kind() != Expr.SeqKind.GENERATOR) {
      StringJoiner j = new StringJoiner(", ", "[", "]");
      s.elements().forEach(x -> j.add(of(x, module)));
      return j.toString();
    }
    return shorten(module.text(e.pos()));
  }

  /** Whether a text is shown whole: not cut, and short enough not to be. */
  public static boolean whole(String text) {
    return text.length() <= MAX && !text.endsWith("...");
  }

  /** Source text cut to a readable length. */
  public static String shorten(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }
}
