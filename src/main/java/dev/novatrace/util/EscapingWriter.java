package dev.novatrace.util;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI prints, made inert ({@link ControlChars}): an error line that quotes a hostile
 * diagram or tree cannot drive the terminal or a CI log. A surrogate pair split across two
 * writes is kept whole. A failure of the stream below is passed up, so
 * {@link PrintWriter#checkError} over this writer still tells a full disk or a closed pipe.
 */
public final class EscapingWriter extends FilterWriter {
  private char pendingHigh;

  private EscapingWriter(Writer out) {
    super(out);
  }

  /** {@code out} behind an escaping writer, flushing on println as {@code out} does. */
  public static PrintWriter wrap(PrintWriter out) {
    return new Inert(out);
  }

  /**
   * The writer below {@code w} when {@code w} is one {@link #wrap} made, else {@code w}: for the
   * one writer that prints control characters of its own (the progress bar) and escapes its
   * input itself. Nothing here buffers, so what goes either way keeps its order.
   */
  public static PrintWriter raw(PrintWriter w) {
    return w instanceof Inert i ? i.below : w;
  }

  private static final class Inert extends PrintWriter {
    private final PrintWriter below;

    Inert(PrintWriter below) {
      super(new EscapingWriter(below), true);
      this.below = below;
    }
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    write(s.toCharArray(), off, len);
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    StringBuilder sb = new StringBuilder(len + 1);
    if (pendingHigh != 0) {
      sb.append(pendingHigh);
      pendingHigh = 0;
    }
    sb.append(buf, off, len);
    if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
      pendingHigh = sb.charAt(sb.length() - 1);
      sb.setLength(sb.length() - 1);
    }
    out.write(ControlChars.escape(sb.toString()));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    failed();
  }

  @Override
  public void close() throws IOException {
    if (pendingHigh != 0) {
      out.write(ControlChars.escape(String.valueOf(pendingHigh)));
      pendingHigh = 0;
    }
    out.close();
    failed();
  }

  /** A PrintWriter below swallows its errors; they are raised here for the one above. */
  private void failed() throws IOException {
    if (out instanceof PrintWriter p && p.checkError()) {
      throw new IOException("the output stream failed");
    }
  }
}
