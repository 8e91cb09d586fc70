package dev.novatrace.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file a deployment gives ({@code --conf}, {@code --policy}) must be before it is read. */
final class DeploymentFile {
  private DeploymentFile() {}

  /**
   * A regular file of at most {@code maxBytes}; else {@code file: message}.
   *
   * @param kind what the file is, for the message ({@code policy file})
   */
  static void check(Path file, long maxBytes, String kind) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": " + (Files.exists(file)
          ? "not a regular file" : "no such file"));
    }
    if (Files.size(file) > maxBytes) {
      throw new IllegalArgumentException(file + ": " + Files.size(file)
          + " bytes, over the limit of " + maxBytes + " for a " + kind);
    }
  }
}
