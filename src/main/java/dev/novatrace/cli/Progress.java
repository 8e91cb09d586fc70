package dev.novatrace.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, drawn only for a person at a terminal: never in CI, in a
 * pipe or in tests, where it would only fill logs with carriage returns.
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean shown;

  Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
    this.shown = System.console() != null && System.getenv("CI") == null && total > 1;
  }

  void show(int done, String what) {
    if (!shown) {
      return;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    String name = what.length() > 40 ? "..." + what.substring(what.length() - 37) : what;
    err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total
        + " " + name + "\u001B[K");
    err.flush();
  }

  /** Clears the bar so a message can be printed on a clean line. */
  void clear() {
    if (shown) {
      err.print("\r\u001B[K");
      err.flush();
    }
  }
}
