package dev.novatrace.cli;

import dev.novatrace.nova.NovaSource;
import dev.novatrace.nova.SnapshotFetcher;
import dev.novatrace.nova.NovaTree;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --nova SRC} option, shared by every command that reads a Nova tree: add it with
 * {@code @Mixin NovaOption nova;} and call {@link #tree(PrintWriter)} in the command.
 */
public final class NovaOption {

  @Option(
      names = "--nova",
      paramLabel = "SRC",
      description = {
        "Nova source: a folder holding nova/ (or nova/ itself; a git repository's root is its"
            + " working tree), REPO@REF (a tag, branch, commit or HEAD~2 of a git repository,"
            + " read without checking it out), or a snapshot version or release name from"
            + " nova-snapshots/manifest.tsv (e.g. 26.2.2, zed).",
        "Default: the newest snapshot. A snapshot not yet unpacked is fetched first."
      })
  String src;

  public String src() {
    return src;
  }

  /** Resolves the option, fetching a snapshot if needed; fetch progress goes to {@code progress}. */
  public NovaTree tree(PrintWriter progress) {
    return resolve(src, progress);
  }

  /** Resolves any SRC the way --nova does (diff's --from and --to take the same values). */
  public static NovaTree resolve(String src, PrintWriter progress) {
    return NovaSource.standard(SnapshotFetcher.script(progress)).resolve(src);
  }
}
