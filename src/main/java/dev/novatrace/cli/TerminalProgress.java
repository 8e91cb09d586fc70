package dev.novatrace.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, drawn only for a person at a terminal: nothing when output
 * is piped, redirected or running in CI, so logs stay clean.
 */
public final class TerminalProgress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private int lastPercent = -1;

  public TerminalProgress(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
    this.enabled = System.console() != null && System.getenv("CI") == null;
  }

  public synchronized void update(int done, int total) {
    if (!enabled || total == 0) {
      return;
    }
    int percent = (int) (100L * done / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = WIDTH * done / total;
    err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
        + done + "/" + total);
    err.flush();
  }

  /** Clears the bar's line so the next output starts clean. */
  public synchronized void done() {
    if (enabled && lastPercent >= 0) {
      err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
      err.flush();
    }
  }
}
