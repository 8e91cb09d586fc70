package dev.novatrace.project;

import dev.novatrace.util.UserError;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Brings a snapshot that is not unpacked yet onto the disk. */
@FunctionalInterface
public interface SnapshotFetcher {

  /** Fetches {@code snapshot} into {@code manifest}'s folder, or throws a {@link UserError}. */
  void fetch(SnapshotManifest manifest, Snapshot snapshot);

  /** Never fetches: for callers that must not touch the network. */
  SnapshotFetcher NONE =
      (manifest, snapshot) -> {
        throw new UserError("Nova snapshot " + snapshot + " is not fetched; run nova-snapshots/fetch "
            + snapshot.name());
      };

  /** What to do instead, when a snapshot cannot be fetched here. */
  String INSTEAD = "give a Nova tree: --nova /path/to/nova, or --nova REPO@REF for a git clone";

  /** The tools nova-snapshots/fetch cannot do without (Debian's). */
  List<String> TOOLS = List.of("apt-get", "dpkg-deb");

  /**
   * Runs {@code nova-snapshots/fetch VERSION}, copying everything it prints to {@code progress}
   * (the user's stderr), so the diagram on stdout stays clean.
   */
  static SnapshotFetcher script(PrintWriter progress) {
    return script(progress, System.getenv("PATH"));
  }

  /**
   * The same, with the tools looked for on {@code path}. Without them the script is not run: the
   * user is told in one line what to do instead. A failing script's last line is said once, in
   * the error, not also as progress.
   */
  static SnapshotFetcher script(PrintWriter progress, String path) {
    return (manifest, snapshot) -> {
      Path script = manifest.dir().resolve("fetch");
      if (!Files.isRegularFile(script)) {
        throw new UserError("Nova snapshot " + snapshot + " is not fetched, and there is no fetch"
            + " script at " + script + "; " + INSTEAD);
      }
      for (String tool : TOOLS) {
        if (!onPath(tool, path)) {
          throw new UserError("Nova snapshot " + snapshot + " is not fetched, and fetching it needs"
              + " Debian's " + tool + ", which is not installed; " + INSTEAD);
        }
      }
      run(script, manifest, snapshot, progress);
    };
  }

  private static boolean onPath(String tool, String path) {
    return path != null && Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static void run(Path script, SnapshotManifest manifest, Snapshot snapshot,
      PrintWriter progress) {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), snapshot.name())
        .directory(manifest.dir().toFile())
        .redirectErrorStream(true);
    // Each line is relayed once the next one comes: the last one may be the error's.
    String last = null;
    int code;
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          relay(last, progress);
          last = line.strip();
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
          + (last == null ? "" : ": " + last) + "; " + INSTEAD);
    }
    relay(last, progress);
  }

  private static void relay(String line, PrintWriter progress) {
    if (line != null) {
      progress.println(line);
      progress.flush();
    }
  }
}
