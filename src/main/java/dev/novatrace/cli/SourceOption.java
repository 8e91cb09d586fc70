package dev.novatrace.cli;

import dev.novatrace.project.SnapshotFetcher;
import dev.novatrace.project.SourceTree;
import dev.novatrace.project.TreeSource;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --nova SRC} and {@code --project} options, shared by every command that reads a
 * tree: add them with {@code @Mixin SourceOption nova;} and call {@link #tree(PrintWriter)} in the
 * command.
 */
public final class SourceOption {

  @Option(
      names = "--nova",
      paramLabel = "SRC",
      description = {
        "Nova source: a folder holding nova/ (or nova/ itself; a git repository's root is its"
            + " working tree; a folder of several top-level packages, as site-packages is, also"
            + " gives the project's companion packages), REPO@REF (a tag, branch, commit or HEAD~2 of a git repository,"
            + " read without checking it out), or a snapshot version or release name from"
            + " nova-snapshots/manifest.tsv (e.g. 26.2.2, zed).",
        "Default: the newest snapshot. A snapshot not yet unpacked is fetched first."
      })
  String src;

  @picocli.CommandLine.Mixin ProjectOption projectOption = new ProjectOption();

  public String src() {
    return src;
  }

  /** The project asked for, checked; null when it is to be detected from the tree. */
  public String project() {
    return projectOption.project();
  }

  /** Resolves the option, fetching a snapshot if needed; fetch progress goes to {@code progress}. */
  public SourceTree tree(PrintWriter progress) {
    return resolve(src, project(), progress);
  }

  /** Resolves any SRC the way --nova does (diff's --from and --to take the same values). */
  public static SourceTree resolve(String src, PrintWriter progress) {
    return resolve(src, null, progress);
  }

  /** The same for a project, null to detect it. */
  public static SourceTree resolve(String src, String project, PrintWriter progress) {
    return TreeSource.standard(SnapshotFetcher.script(progress)).resolve(src, project);
  }
}
