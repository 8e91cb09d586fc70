package dev.novatrace.cli;

import dev.novatrace.project.SourceTree;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.workspace.Workspace;
import java.io.PrintWriter;

/** Resolves --nova, parses the tree with a progress bar, and warns about files that failed. */
final class WorkspaceLoader {
  private WorkspaceLoader() {}

  static Workspace load(SourceOption nova, String driver, ParseOptions parsing, PrintWriter err) {
    return load(nova.tree(err), driver, parsing, err);
  }

  /**
   * Parses the tree without indexing it, nor warning about the files that failed: the caller
   * says once, at the end, which diagrams each one made partial, and makes the workspaces it
   * needs of it ({@code trace}: one per thread).
   */
  static Workspace.Parsed parseQuietly(SourceOption nova, ParseOptions parsing, PrintWriter err) {
    SourceTree tree = nova.tree(err);
    ProgressBar bar = new ProgressBar(err, "parsing");
    Workspace.Parsed parsed = Workspace.parse(tree, bar::update, parsing.bytes,
        parsing.cache(err));
    bar.clear();
    return parsed;
  }

  /** Loads a tree already resolved (diff resolves two SRCs of its own). */
  static Workspace load(SourceTree tree, String driver, ParseOptions parsing, PrintWriter err) {
    ProgressBar bar = new ProgressBar(err, "parsing");
    Workspace ws = Workspace.load(tree, driver, bar::update, parsing.bytes, parsing.cache(err));
    bar.clear();
    warn(ws, err);
    return ws;
  }

  /** One warning line for each file that failed. */
  static void warn(Workspace ws, PrintWriter err) {
    for (Diagnostic d : ws.parseFailures()) {
      err.println("novatrace: warning: " + d.path() + ":" + d.line() + ": " + d.message()
          + " (file skipped)");
    }
  }
}
