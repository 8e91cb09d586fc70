package dev.novatrace.cli;

import dev.novatrace.render.SourceLinks;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import picocli.CommandLine.Option;

/** {@code --source-url} and {@code --ref}: links from diagrams to their source (trace, site). */
final class LinkOptions {
  @Option(names = "--source-url", paramLabel = "TEMPLATE",
      description = "Link each message and note of svg, png and puml output, and the site's"
          + " anchors, to its source, e.g."
          + " https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line} ({ref}: the"
          + " snapshot's release or --ref; also {function}). The .wsd keeps plain comments.")
  String sourceUrl;

  @Option(names = "--ref", paramLabel = "REF",
      description = "The release tag or commit {ref} stands for (default: the snapshot's version).")
  String ref;

  /** Checks the template before anything is read, so a typo fails at once. */
  void check() {
    if (sourceUrl == null) {
      return;
    }
    try {
      SourceLinks.checkTemplate(sourceUrl);
    } catch (IllegalArgumentException ex) {
      throw new UserError("--source-url: " + ex.getMessage());
    }
  }

  /** The links asked for, null when --source-url is not given. */
  SourceLinks of(Workspace ws) {
    if (sourceUrl == null) {
      return null;
    }
    try {
      return SourceLinks.of(sourceUrl, ref != null ? ref : ws.tree().version());
    } catch (IllegalArgumentException ex) {
      throw new UserError("--source-url: " + ex.getMessage() + " (" + ws.tree().label()
          + " is not a known release; --ref names the tag or commit {ref} stands for)");
    }
  }
}
