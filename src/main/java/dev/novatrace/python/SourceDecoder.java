package dev.novatrace.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to source text the way CPython reads a file (PEP 263, PEP 3120): UTF-8 unless a coding
 * cookie on line 1 or 2 names another charset, a UTF-8 byte order mark, strict decoding, and
 * universal newlines (CRLF and lone CR become LF, so line numbers count as Python counts them).
 */
final class SourceDecoder {

  /** Why a file cannot be read as Python source, with the line it concerns. */
  static final class DecodeException extends Exception {
    final int line;

    DecodeException(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  // Python's own regular expression for the cookie, from PEP 263.
  private static final Pattern COOKIE = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
  private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t\\f]*(#.*)?$");

  // Python codec names Java does not know under the same spelling.
  private static final Map<String, Charset> PYTHON_NAMES = Map.ofEntries(
      Map.entry("utf-8", StandardCharsets.UTF_8),
      Map.entry("utf8", StandardCharsets.UTF_8),
      Map.entry("u8", StandardCharsets.UTF_8),
      Map.entry("utf", StandardCharsets.UTF_8),
      Map.entry("cp65001", StandardCharsets.UTF_8),
      Map.entry("utf-8-sig", StandardCharsets.UTF_8),
      Map.entry("iso-8859-1", StandardCharsets.ISO_8859_1),
      Map.entry("latin-1", StandardCharsets.ISO_8859_1),
      Map.entry("latin1", StandardCharsets.ISO_8859_1),
      Map.entry("latin", StandardCharsets.ISO_8859_1),
      Map.entry("l1", StandardCharsets.ISO_8859_1),
      Map.entry("ascii", StandardCharsets.US_ASCII),
      Map.entry("us-ascii", StandardCharsets.US_ASCII),
      Map.entry("646", StandardCharsets.US_ASCII));

  private SourceDecoder() {}

  static String decode(byte[] bytes) throws DecodeException {
    boolean bom = bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    int offset = bom ? 3 : 0;
    Charset charset = StandardCharsets.UTF_8;
    Cookie cookie = findCookie(bytes, offset);
    if (cookie != null) {
      String normal = normalName(cookie.name);
      if (bom && !normal.equals("utf-8")) {
        throw new DecodeException(cookie.line, "encoding problem: " + cookie.name + " with BOM");
      }
      charset = charsetFor(normal);
      if (charset == null) {
        throw new DecodeException(cookie.line, "unknown encoding: " + cookie.name);
      }
    }
    String text = strictDecode(bytes, offset, charset);
    return normaliseNewlines(text);
  }

  private record Cookie(String name, int line) {}

  /** The cookie on line 1, or on line 2 when line 1 is blank or only a comment. */
  private static Cookie findCookie(byte[] bytes, int offset) {
    int end1 = lineEnd(bytes, offset);
    String line1 = new String(bytes, offset, end1 - offset, StandardCharsets.ISO_8859_1);
    Matcher m = COOKIE.matcher(line1);
    if (m.find()) {
      return new Cookie(m.group(1), 1);
    }
    if (!BLANK_OR_COMMENT.matcher(line1).matches() || end1 >= bytes.length) {
      return null;
    }
    int start2 = nextLineStart(bytes, end1);
    int end2 = lineEnd(bytes, start2);
    String line2 = new String(bytes, start2, end2 - start2, StandardCharsets.ISO_8859_1);
    m = COOKIE.matcher(line2);
    return m.find() ? new Cookie(m.group(1), 2) : null;
  }

  private static int lineEnd(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLineStart(byte[] bytes, int end) {
    if (end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n') {
      return end + 2;
    }
    return Math.min(bytes.length, end + 1);
  }

  /** CPython's get_normal_name: lower case, '_' as '-', and the utf-8 / latin-1 families folded. */
  static String normalName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
    if (n.equals("utf-8") || n.startsWith("utf-8-")) {
      return "utf-8";
    }
    for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
      if (n.equals(latin) || n.startsWith(latin + "-")) {
        return "iso-8859-1";
      }
    }
    return n;
  }

  private static Charset charsetFor(String normal) {
    Charset known = PYTHON_NAMES.get(normal);
    if (known != null) {
      return known;
    }
    // Python spells iso8859-15 / euc_jp / cp1252; Java accepts most of these under one spelling.
    for (String candidate : new String[] {normal, normal.replace('-', '_'), normal.replace("-", "")}) {
      try {
        return Charset.forName(candidate);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // try the next spelling
      }
    }
    return null;
  }

  private static String strictDecode(byte[] bytes, int offset, Charset charset) throws DecodeException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer out = decoder.decode(in);
      return out.toString();
    } catch (CharacterCodingException e) {
      // Find the first bad byte for a useful message: decode again, stopping at the error.
      ByteBuffer again = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
      CharBuffer sink = CharBuffer.allocate(bytes.length + 1);
      decoder.reset().decode(again, sink, true);
      int bad = again.position();
      int line = 1;
      for (int i = offset; i < bad; i++) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
          line++;
        }
      }
      throw new DecodeException(line, String.format(Locale.ROOT,
          "'%s' codec can't decode byte 0x%02x in position %d",
          pythonName(charset), bytes[bad] & 0xff, bad - offset));
    }
  }

  private static String pythonName(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8) ? "utf-8" : charset.name().toLowerCase(Locale.ROOT);
  }

  static String normaliseNewlines(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
