package dev.novatrace.util;

import java.util.Locale;

/**
 * Text from input made inert for a terminal, a report or an XML file: control characters (an ESC
 * that would drive the terminal, a NUL or {@code \x0b} no XML parser takes), Unicode's bidirectional
 * overrides (which make text read otherwise than it is) and characters XML 1.0 forbids are written
 * as visible escapes ({@code \x1b}, {@code \u202e}). Line breaks and tabs stay.
 */
public final class ControlChars {
  private ControlChars() {}

  /** {@code s} with every such character escaped; {@code s} itself when it has none. */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    int first = firstUnsafe(s);
    if (first < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    sb.append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (unsafe(c)) {
        sb.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c)
            : String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether {@code s} holds a character {@link #escape} would escape. */
  public static boolean hasUnsafe(String s) {
    return s != null && firstUnsafe(s) >= 0;
  }

  private static int firstUnsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (unsafe(c)) {
        return i;
      }
    }
    return -1;
  }

  /** One char (a surrogate here stands alone, so it is unsafe). */
  static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u200e' || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || Character.isSurrogate(c)
        || c == '\ufffe' || c == '\uffff';
  }
}
