package dev.novatrace.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place. Only for a person at a terminal: callers
 * create it when {@link #wanted()} says so, so piped and CI output stays clean.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintWriter err;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  static boolean wanted() {
    return System.console() != null && System.getenv("CI") == null;
  }

  synchronized void update(int done, int total) {
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = WIDTH * percent / 100;
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    err.flush();
  }

  synchronized void clear() {
    err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
    err.flush();
  }
}
