package dev.novatrace.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File names as a report shows them. A name is bytes; where the locale's character set cannot
 * decode them (a UTF-8 {@code päuse.wsd} under {@code LC_ALL=C}), Java's text of it has U+FFFD
 * for each byte it lost, and two names can read alike. Such a name is shown with its bytes:
 * printable ASCII as it is, every other byte as {@code \xNN} ({@code p\xc3\xa4use.wsd}). A name
 * Java decoded whole is shown as it is.
 */
public final class ShownNames {
  private static final char LOST = '\uFFFD';

  private ShownNames() {}

  /** {@code path} as a report shows it. */
  public static String of(Path path) {
    String text = path.toString();
    if (text.indexOf(LOST) < 0) {
      return text;
    }
    byte[] raw = rawBytes(path);
    return raw == null ? text : escaped(raw);
  }

  /**
   * An argument of this process's command line as a report shows it: the bytes it was given as
   * (read from {@code /proc/self/cmdline}, where there is one) when the locale lost some; failing
   * that, what was lost (and any control character) as {@code ?}.
   */
  public static String ofArgument(String argument) {
    if (argument.indexOf(LOST) < 0 && argument.chars().noneMatch(Character::isISOControl)) {
      return argument;
    }
    Charset locale = locale();
    for (byte[] raw : commandLine()) {
      if (new String(raw, locale).equals(argument)) {
        return escaped(raw);
      }
    }
    StringBuilder b = new StringBuilder();
    argument.codePoints().forEach(c -> b.appendCodePoint(
        c == LOST || Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }

  /** The character set Java decodes names and arguments with: the locale's. */
  private static Charset locale() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** Printable ASCII as it is, every other byte as {@code \xNN}. */
  static String escaped(byte[] raw) {
    StringBuilder out = new StringBuilder(raw.length + 8);
    for (byte b : raw) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02x", c));
      }
    }
    return out.toString();
  }

  /**
   * The bytes of {@code path}'s name as the file system has them: its URI keeps them (each
   * byte that is not plain ASCII percent-encoded); a relative path without the working
   * folder's.
   */
  private static byte[] rawBytes(Path path) {
    try {
      byte[] whole = percentDecoded(path.toAbsolutePath().toUri().getRawPath());
      if (path.isAbsolute()) {
        return stripSlash(whole, path);
      }
      byte[] here = percentDecoded(Path.of("").toAbsolutePath().toUri().getRawPath());
      if (whole.length >= here.length
          && Arrays.equals(Arrays.copyOf(whole, here.length), here)) {
        return stripSlash(Arrays.copyOfRange(whole, here.length, whole.length), path);
      }
      return null;
    } catch (RuntimeException e) {
      return null; // no URI for it (another file system): its text will do
    }
  }

  /** A folder's URI ends with '/', which its name does not. */
  private static byte[] stripSlash(byte[] raw, Path path) {
    boolean slash = raw.length > 1 && raw[raw.length - 1] == '/'
        && !path.toString().endsWith("/");
    return slash ? Arrays.copyOf(raw, raw.length - 1) : raw;
  }

  private static byte[] percentDecoded(String uriPath) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(uriPath.length());
    for (int i = 0; i < uriPath.length(); i++) {
      char c = uriPath.charAt(i);
      if (c == '%' && i + 2 < uriPath.length()) {
        out.write(Integer.parseInt(uriPath.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  /** This process's arguments as bytes, none when the system does not tell them. */
  private static List<byte[]> commandLine() {
    List<byte[]> out = new ArrayList<>();
    try {
      byte[] all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == 0) {
          out.add(Arrays.copyOfRange(all, start, i));
          start = i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the lossy text is all there is
    }
    return out;
  }
}
