package dev.novatrace.util;

/**
 * Text from input placed in a Markdown report (diff, drift, history), inert whatever renders it:
 * not every renderer sanitises HTML, so a label's {@code <img onerror=...>} is written as
 * entities; control characters are escaped ({@link ControlChars}); a table cell keeps to one
 * line and its own column.
 */
public final class Markdown {
  private Markdown() {}

  /** Running text: HTML's special characters as entities. */
  public static String text(String s) {
    return ControlChars.escape(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A table cell: as {@link #text}, on one line, its pipes escaped. */
  public static String cell(String s) {
    return text(s).replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }

  /**
   * The inside of a code span ({@code `...`}): Markdown shows it verbatim, HTML included, so no
   * entity is needed (one would show as written); a backtick would end it early and a line
   * break would end a table row.
   */
  public static String code(String s) {
    return ControlChars.escape(s).replace("`", "'").replace("\r", " ").replace("\n", " ");
  }

  /** A code span inside a table cell: as {@link #code}, its pipes escaped. */
  public static String codeCell(String s) {
    return code(s).replace("|", "\\|");
  }
}
