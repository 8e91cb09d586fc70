package dev.novatrace.python;

/**
 * Reads what {@link ByteSink} wrote. Reading past the end, or a count larger than the bytes left
 * could hold, throws (an {@link IllegalStateException} or an index error): the caller takes any
 * exception as "not an entry", so a truncated or corrupt file never allocates wildly or crashes.
 */
final class ByteSource {
  private final byte[] bytes;
  private final int end;
  private int at;

  /** The first {@code length} bytes of {@code bytes}. */
  ByteSource(byte[] bytes, int length) {
    this.bytes = bytes;
    this.end = length;
  }

  boolean atEnd() {
    return at == end;
  }

  int readByte() {
    if (at >= end) {
      throw new IllegalStateException("read past the end");
    }
    return bytes[at++] & 0xFF;
  }

  int readInt() {
    return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
  }

  int readVarint() {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalStateException("a number longer than five bytes");
  }

  /** A number of things to follow, each at least a byte: more than the bytes left is corrupt. */
  int readCount() {
    int n = readVarint();
    if (n < 0 || n > end - at) {
      throw new IllegalStateException("a count of " + n + " with " + (end - at)
          + " bytes left");
    }
    return n;
  }

  String readString() {
    int n = readCount();
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      int b = (byte) readByte();
      if (b >= 0) {
        chars[i] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        chars[i] = (char) ((b & 0x1F) << 6 | (readByte() & 0x3F));
      } else {
        chars[i] = (char) ((b & 0x0F) << 12 | (readByte() & 0x3F) << 6 | (readByte() & 0x3F));
      }
    }
    return new String(chars);
  }
}
