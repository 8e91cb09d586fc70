package dev.novatrace.diff;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Runs the CLI in process, and skips tests whose Nova snapshot is absent (fails in CI). */
public final class Snapshots {
  private Snapshots() {}

  public record Run(int code, String out, String err) {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = dev.novatrace.cli.Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  public static void require(String... versions) {
    requireIn("nova/compute", versions);
  }

  /** As {@link #require}, for trees whose {@code folder} (cinder/volume, ...) must exist. */
  public static void requireIn(String folder, String... versions) {
    for (String v : versions) {
      if (!Files.isDirectory(Path.of("nova-snapshots", v).resolve(folder))) {
        String msg = "snapshot " + v + " is not fetched (run nova-snapshots/fetch " + v + ")";
        if ("1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
          throw new AssertionError(msg);
        }
        Assumptions.abort(msg);
      }
    }
  }
}
