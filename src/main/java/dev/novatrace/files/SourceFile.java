package dev.novatrace.files;

import java.io.IOException;
import java.util.Optional;

/** One file of a {@link SourceSet}: its relative path, its size, its bytes and their id. */
public interface SourceFile {

  /** The path relative to the set's root, with {@code /} separators. */
  String path();

  /** The size in bytes, known before reading, so an oversized file is never loaded. */
  long size() throws IOException;

  /** The bytes and their content id. */
  Content read() throws IOException;

  /**
   * The content id when it is known without reading the bytes (a git blob id), so that a file
   * whose parse is cached need not be read; empty when only reading tells it.
   */
  default Optional<String> knownId() {
    return Optional.empty();
  }

  /**
   * A file's bytes and their git blob id: content-addressed, so equal ids mean equal bytes
   * whether the file came from a folder or from a git tree.
   */
  record Content(byte[] bytes, String id) {}
}
