package dev.novatrace.nova;

import dev.novatrace.util.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Brings a snapshot that is not unpacked yet onto the disk. */
@FunctionalInterface
public interface SnapshotFetcher {

  /** Fetches {@code snapshot} into {@code manifest}'s folder, or throws a {@link UserError}. */
  void fetch(SnapshotManifest manifest, Snapshot snapshot);

  /** Never fetches: for callers that must not touch the network. */
  SnapshotFetcher NONE =
      (manifest, snapshot) -> {
        throw new UserError("Nova snapshot " + snapshot + " is not fetched; run nova-snapshots/fetch "
            + snapshot.version());
      };

  /**
   * Runs {@code nova-snapshots/fetch VERSION}, copying everything it prints to {@code progress}
   * (the user's stderr), so the diagram on stdout stays clean.
   */
  static SnapshotFetcher script(PrintWriter progress) {
    return (manifest, snapshot) -> {
      Path script = manifest.dir().resolve("fetch");
      if (!Files.isRegularFile(script)) {
        throw new UserError("Nova snapshot " + snapshot + " is not fetched, and there is no fetch script at " + script);
      }
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), snapshot.version())
          .directory(manifest.dir().toFile())
          .redirectErrorStream(true);
      String last = "";
      int code;
      try {
        Process p = pb.start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            progress.println(line);
            progress.flush();
            if (!line.isBlank()) {
              last = line.strip();
            }
          }
        }
        code = p.waitFor();
      } catch (IOException e) {
        throw new UserError("cannot run " + script + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while fetching Nova snapshot " + snapshot);
      }
      if (code != 0) {
        throw new UserError("fetching Nova snapshot " + snapshot + " failed (exit " + code + ")"
            + (last.isEmpty() ? "" : ": " + last));
      }
    };
  }
}
