package dev.novatrace.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file name made from text that came from input (an action named by the code under trace, a
 * diagram's stem, a release or ref name): only {@code [a-z0-9._-]}, no leading dot, no {@code ..},
 * at most {@link #MAX} characters. Such a name can never leave its folder, hide, or carry markup
 * into a page that links to it. Names that are safe already come back unchanged, so Nova's and
 * Cinder's action names are their file names.
 */
public final class SafeName {
  /** Longest name made; a longer one is cut and ends with a digest of the whole. */
  public static final int MAX = 100;

  private SafeName() {}

  /** The safe form of {@code text}; never empty. */
  public static String of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(Math.min(lower.length(), MAX + 16));
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (word(c)) {
        sb.append(c);
      } else if (c == '.' && sb.length() > 0 && word(sb.charAt(sb.length() - 1))
          && i + 1 < lower.length() && word(lower.charAt(i + 1))) {
        // A dot only between two word characters: never "..", never a hidden or dot-only name.
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        // Anything else is one dash, never a leading one (a name that reads as an option).
        sb.append('-');
      }
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
      sb.setLength(sb.length() - 1);
    }
    String s = sb.length() == 0 ? "unnamed-" + digest(text) : sb.toString();
    if (s.length() > MAX) {
      String d = digest(text);
      s = s.substring(0, MAX - d.length() - 1) + "-" + d;
    }
    return s;
  }

  private static boolean word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Whether {@code text} is its own safe name. */
  public static boolean isSafe(String text) {
    return of(text).equals(text);
  }

  /**
   * Safe names for {@code texts}, each distinct: texts whose safe forms collide get {@code -2},
   * {@code -3}... in the order of their original text, so the result does not depend on the
   * order they came in.
   */
  public static Map<String, String> distinct(Collection<String> texts) {
    List<String> sorted = texts.stream().distinct().sorted().toList();
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    // Names already safe keep their name first; the others take what is left.
    for (String t : sorted) {
      if (isSafe(t)) {
        out.put(t, t);
        taken.add(t);
      }
    }
    for (String t : sorted) {
      if (out.containsKey(t)) {
        continue;
      }
      String base = of(t);
      String name = base;
      for (int n = 2; taken.contains(name); n++) {
        name = base + "-" + n;
      }
      taken.add(name);
      out.put(t, name);
    }
    return out;
  }

  private static String digest(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        sb.append(String.format(Locale.ROOT, "%02x", h[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
