package dev.novatrace.trace;

/** The text of branch conditions as a diagram says them. */
public final class Conditions {
  private Conditions() {}

  /**
   * The text of {@code not condition}: {@code not x} reads {@code x}, and one operand (a name,
   * an attribute, a call) needs no parentheses.
   */
  public static String negated(String condition) {
    if (condition.startsWith("not ") && single(condition.substring(4))) {
      return condition.substring(4);
    }
    String flipped = flippedComparison(condition);
    if (flipped != null) {
      return flipped;
    }
    return single(condition) ? "not " + condition : "not (" + condition + ")";
  }

  /** Comparisons and their negations, longest first so that "is not" is not read as "is". */
  private static final String[][] OPPOSITES = {{" is not ", " is "}, {" not in ", " in "},
      {" == ", " != "}, {" != ", " == "}, {" is ", " is not "}, {" in ", " not in "}};

  /**
   * {@code a == b} negated is {@code a != b} (and {@code is}/{@code is not}, {@code in}/{@code
   * not in}), where the comparison is the one operator outside brackets and quotes; null for
   * anything else.
   */
  private static String flippedComparison(String condition) {
    if (condition.endsWith("...") || condition.startsWith("not ")) {
      return null;
    }
    int depth = 0;
    char quote = 0;
    int at = -1;
    String[] found = null;
    for (int i = 0; i < condition.length(); i++) {
      char ch = condition.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth--;
      } else if (ch == ' ' && depth == 0) {
        String[] op = operatorAt(condition, i);
        if (op == null || found != null) {
          return null; // another word at the top level: "and", "or", a second comparison
        }
        found = op;
        at = i;
        i += op[0].length() - 1;
      }
    }
    return found == null ? null
        : condition.substring(0, at) + found[1] + condition.substring(at + found[0].length());
  }

  private static String[] operatorAt(String text, int at) {
    for (String[] op : OPPOSITES) {
      if (text.startsWith(op[0], at)) {
        return op;
      }
    }
    return null;
  }

  /** Whether a condition's text is one operand: no space outside brackets and quotes. */
  private static boolean single(String text) {
    int depth = 0;
    char quote = 0;
    for (char ch : text.toCharArray()) {
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth--;
      } else if (ch == ' ' && depth == 0) {
        return false;
      }
    }
    return !text.isEmpty() && !text.endsWith("...");
  }
}
