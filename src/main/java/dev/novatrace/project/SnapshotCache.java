package dev.novatrace.project;

import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where snapshots go when novatrace runs from an installed copy, not from a checkout: the user's
 * cache folder ({@code $XDG_CACHE_HOME/novatrace/nova-snapshots}, else
 * {@code ~/.cache/novatrace/nova-snapshots}), holding the manifest and the fetch scripts the jar
 * carries. They are written there when missing or different (a newer novatrace's manifest
 * replaces an older one's); the snapshots fetched beside them stay.
 */
public final class SnapshotCache {

  /** Where the jar carries {@code nova-snapshots/}'s manifest and fetch scripts. */
  static final String RESOURCES = "/dev/novatrace/project/snapshots/";
  /** What is copied: the manifest, and what {@code fetch} needs to run. */
  static final List<String> FILES = List.of(SnapshotManifest.FILE, "fetch", "debian-apt.sh");

  private SnapshotCache() {}

  /** The cache's {@code nova-snapshots} folder for this environment and home folder. */
  public static Path folder(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    // The XDG spec: a relative value is invalid and ignored.
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(userHome, ".cache");
    return base.resolve("novatrace").resolve(TreeSource.FOLDER);
  }

  /**
   * Writes the jar's manifest and fetch scripts into {@code dir} where they are missing or
   * differ, and returns {@code dir}; a {@link UserError} when the jar carries no manifest or the
   * folder cannot be written.
   */
  public static Path prepare(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String name : FILES) {
        byte[] bundled = bundled(name);
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bundled)) {
          continue;
        }
        // Written beside and moved over, so a run reading it at the same time sees one whole file.
        // (Not createTempFile: its file is the owner's alone, and the scripts are read by others.)
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
        try {
          Files.write(tmp, bundled);
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot write the snapshot cache " + dir + ": " + e.getMessage()
          + " (set XDG_CACHE_HOME, or " + TreeSource.ENV + " to a nova-snapshots folder)");
    }
    return dir;
  }

  private static byte[] bundled(String name) throws IOException {
    try (InputStream in = SnapshotCache.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new UserError("this novatrace carries no " + name + " (a build without its"
            + " resources); set " + TreeSource.ENV + " to a nova-snapshots folder");
      }
      return in.readAllBytes();
    }
  }
}
