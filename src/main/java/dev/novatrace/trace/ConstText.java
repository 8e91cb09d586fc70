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

  /** The string a quoted literal's text holds ({@code 'start'} → {@code start}), if it is one. */
  public static java.util.Optional<String> unquoted(String literal) {
    return literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")
        ? java.util.Optional.of(literal.substring(1, literal.length() - 1))
        : java.util.Optional.empty();
  }

  /** {@code migration_context} → {@code MigrationContext}: the class a name spells. */
  public static String camelCase(String snake) {
    StringBuilder sb = new StringBuilder();
    for (String part : snake.replaceFirst("^_+", "").split("_")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  /** Whether a text is shown whole: not cut, and short enough not to be. */
  public static boolean whole(String text) {
    return text.length() <= MAX && !text.contains("...");
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

  /**
   * Source text made readable at {@link #MAX} characters: on one line; if too long, without
   * the modules of constants ({@code vm_states.SHELVED} → {@code SHELVED}), then with the
   * longest argument lists said as {@code (...)}, then cut at a token boundary with its
   * brackets closed, so that a condition never reads as unbalanced.
   */
  public static String shorten(String text) {
    String t = closed(text.length() <= MAX && text.indexOf('\n') < 0 ? text : oneLine(text));
    if (t.length() <= MAX) {
      return t;
    }
    t = CONSTANT_MODULE.matcher(t).replaceAll("");
    while (t.length() > MAX) {
      int[] args = longestArguments(t);
      if (args == null || args[1] - args[0] <= 4) {
        break;
      }
      t = t.substring(0, args[0] + 1) + "..." + t.substring(args[1]);
    }
    return t.length() <= MAX ? t : cutBalanced(t);
  }

  /**
   * The text with the brackets it leaves open closed: an operation's source range ends with
   * its last operand, before the bracket that groups it ({@code a and (\n f(x))}).
   */
  private static String closed(String t) {
    String closers = closers(t, t.length());
    return closers == null ? t : t + closers;
  }

  /**
   * The brackets {@code t}'s first {@code end} characters leave open, closed innermost first;
   * null inside a quote, where no bracket can be told.
   */
  private static String closers(String t, int end) {
    java.util.Deque<Character> closers = new java.util.ArrayDeque<>();
    char quote = 0;
    for (int i = 0; i < end; i++) {
      char ch = t.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(' || ch == '[' || ch == '{') {
        closers.push(ch == '(' ? ')' : ch == '[' ? ']' : '}');
      } else if ((ch == ')' || ch == ']' || ch == '}') && !closers.isEmpty()) {
        closers.pop();
      }
    }
    if (quote != 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    closers.forEach(sb::append);
    return sb.toString();
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern CONSTANT_MODULE =
      java.util.regex.Pattern.compile("\\b[a-z_][a-z0-9_]*\\.(?=[A-Z][A-Z0-9_]*\\b)");

  private static String oneLine(String text) {
    return SPACES.matcher(text).replaceAll(" ").replace("( ", "(").replace(" )", ")")
        .replace("[ ", "[").replace(" ]", "]").strip();
  }

  /**
   * The open and close index of the longest bracketed argument list that follows a name
   * ({@code f(a, b)}), outside quotes, or null.
   */
  private static int[] longestArguments(String t) {
    java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
    int[] best = null;
    char quote = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(') {
        boolean call = i > 0 && (Character.isLetterOrDigit(t.charAt(i - 1))
            || t.charAt(i - 1) == '_');
        open.push(call ? i : -1);
      } else if (ch == ')' && !open.isEmpty()) {
        int from = open.pop();
        if (from >= 0 && (best == null || i - from > best[1] - best[0])) {
          best = new int[] {from, i};
        }
      }
    }
    return best;
  }

  /** Cut before {@link #MAX} at a space outside quotes, then "..." and the brackets it left open. */
  private static String cutBalanced(String t) {
    int cut = -1;
    char quote = 0;
    for (int i = 0; i < MAX - 8 && i < t.length(); i++) {
      char ch = t.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == ' ') {
        cut = i;
      }
    }
    if (cut < 0) {
      return t.substring(0, MAX - 3) + "...";
    }
    return t.substring(0, cut) + " ..." + closers(t, cut);
  }
}
