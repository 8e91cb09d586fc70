package dev.novatrace.diff;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment anchor: the source a diagram's next lines come from. People write them in several
 * styles, all accepted: {@code # nova/compute/api.py pause()}, {@code ## nova/compute/api.py},
 * {@code #nova/compute/api.py pause}, {@code # nova/compute/manager.py ComputeManager.pause()}.
 * Generated anchors also give the line of the function's {@code def}:
 * {@code # nova/compute/api.py:4151 confirm_resize()}; hand-drawn ones usually have none.
 * {@code function} is as written, without parentheses; empty when the anchor names only a file.
 *
 * <p>{@code line} (0 when not written) takes no part in equality: it moves with every edit above
 * the function, so two anchors naming the same function are the same anchor, and neither diff nor
 * drift reports a line that merely moved.
 */
public record Anchor(String path, String function, int line) {

  /**
   * A path ending in .py, an optional ":line", then optionally a dotted name with or without
   * "()"; the rest is prose.
   */
  private static final Pattern ANCHOR = Pattern.compile(
      "^([\\w.\\-]+(?:/[\\w.\\-]+)*\\.py)(?::(\\d{1,9}))?(?:\\s+([A-Za-z_][\\w.]*)\\s*(?:\\(\\s*\\))?)?(?:\\s.*)?$");

  /** Parses a comment's text (what follows the first '#'); extra leading '#' are allowed. */
  public static Optional<Anchor> parse(String commentText) {
    String t = commentText.strip();
    while (t.startsWith("#")) {
      t = t.substring(1).strip();
    }
    Matcher m = ANCHOR.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Anchor(m.group(1), m.group(3) == null ? "" : m.group(3),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
  }

  /** An anchor without a line, as people draw them. */
  public Anchor(String path, String function) {
    this(path, function, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Anchor a && a.path.equals(path) && a.function.equals(function);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + function.hashCode();
  }

  /** The function's own name: {@code ComputeManager.pause_instance} gives {@code pause_instance}. */
  public String simpleFunction() {
    int dot = function.lastIndexOf('.');
    return dot < 0 ? function : function.substring(dot + 1);
  }

  /** The class part of {@code Class.method}, empty when the function is not qualified. */
  public String owner() {
    int dot = function.lastIndexOf('.');
    return dot < 0 ? "" : function.substring(0, dot);
  }

  @Override
  public String toString() {
    return function.isEmpty() ? path : path + " " + function + "()";
  }
}
