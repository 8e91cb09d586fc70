package dev.novatrace.diagram;

import dev.novatrace.util.ShownNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The text of a diagram file, whatever its language: strict UTF-8 from a regular file. */
public final class DiagramText {
  private DiagramText() {}

  /**
   * Reads a diagram file. Only a regular file (or a link to one) is read: a FIFO or a device
   * would block or never end. Bytes that are not UTF-8 are an error naming their line.
   */
  public static String read(Path file) throws IOException, DiagramException {
    if (!Files.isRegularFile(file)) {
      throw new DiagramException(List.of(new DiagramError(ShownNames.of(file), 0,
          Files.isDirectory(file) ? "is a folder, not a diagram file"
              : "not a regular file (a FIFO, device or socket); only regular files are read")));
    }
    String text = decode(Files.readAllBytes(file), file);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The text of {@code bytes} as strict UTF-8; an error names the line of the first bad byte. */
  static String decode(byte[] bytes, Path file) throws DiagramException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new DiagramException(List.of(new DiagramError(ShownNames.of(file), line, String.format(
          Locale.ROOT, "not UTF-8: byte 0x%02x at column %d (save the file as UTF-8)",
          bytes[at] & 0xff, at - lineStart + 1))));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

}
