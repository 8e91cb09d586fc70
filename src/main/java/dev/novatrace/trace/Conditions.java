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
    return single(condition) ? "not " + condition : "not (" + condition + ")";
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
