package dev.novatrace.python;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A part {@code [start, end)} of a file's character stream that ends there: the lexer sees the
 * end of input at {@code end}. Indices stay the file's own, so tokens, and the positions built
 * from them, are where they are in the whole file.
 */
final class WindowCharStream implements CharStream {
  private final CharStream file;
  private final int end;

  WindowCharStream(CharStream file, int start, int end) {
    this.file = file;
    this.end = end;
    file.seek(start);
  }

  @Override
  public int LA(int i) {
    if (i > 0 && file.index() + i - 1 >= end) {
      return IntStream.EOF;
    }
    return file.LA(i);
  }

  @Override
  public void consume() {
    if (file.index() >= end) {
      throw new IllegalStateException("cannot consume EOF");
    }
    file.consume();
  }

  @Override
  public int index() {
    return file.index();
  }

  @Override
  public void seek(int index) {
    file.seek(Math.min(index, end));
  }

  @Override
  public int size() {
    return end;
  }

  @Override
  public int mark() {
    return file.mark();
  }

  @Override
  public void release(int marker) {
    file.release(marker);
  }

  @Override
  public String getText(Interval interval) {
    return file.getText(interval);
  }

  @Override
  public String getSourceName() {
    return file.getSourceName();
  }
}
