package dev.novatrace.trace;

import java.util.ArrayList;
import java.util.List;

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
    List<Integer> spaces = topLevelSpaces(condition);
    if (spaces.isEmpty()) {
      return null;
    }
    int at = spaces.get(0);
    for (String[] op : OPPOSITES) {
      // The operator's own spaces must be the only ones outside brackets and quotes: no
      // "and", "or", arithmetic or second comparison beside it.
      int inner = op[0].length() - op[0].replace(" ", "").length();
      if (condition.startsWith(op[0], at) && spaces.size() == inner
          && spaces.get(inner - 1) == at + op[0].length() - 1) {
        return condition.substring(0, at) + op[1] + condition.substring(at + op[0].length());
      }
    }
    return null;
  }

  /** Whether a condition's text is one operand: no space outside brackets and quotes. */
  private static boolean single(String text) {
    return !text.isEmpty() && !text.endsWith("...") && topLevelSpaces(text).isEmpty();
  }

  /** The positions of the spaces of {@code text} outside brackets and quotes. */
  private static List<Integer> topLevelSpaces(String text) {
    List<Integer> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth--;
      } else if (ch == ' ' && depth == 0) {
        out.add(i);
      }
    }
    return out;
  }
}
