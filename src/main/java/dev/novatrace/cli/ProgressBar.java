package dev.novatrace.cli;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.EscapingWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr, redrawn in place. Drawn only for a person at a terminal:
 * in a pipe, in CI or in tests it stays silent, so logs never fill with carriage returns.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean shown;
  private int lastPercent = -1;

  /** The phase the bar counts ("parsing", "tracing"), shown before it. */
  private final String phase;

  ProgressBar(PrintWriter err) {
    this(err, "");
  }

  ProgressBar(PrintWriter err, String phase) {
    // The bar's own \r and ESC[K must reach the terminal: it writes below the escaping writer,
    // and escapes the name it shows itself.
    this.err = EscapingWriter.raw(err);
    this.phase = phase.isEmpty() ? "" : phase + " ";
    this.shown = wanted();
    if (shown) {
      // Ctrl-C leaves no half-drawn bar behind.
      Runtime.getRuntime().addShutdownHook(new Thread(this::clear));
    }
  }

  static boolean wanted() {
    return wanted(System::getenv) && stderrIsTerminal();
  }

  /** Whether the environment allows a bar: not in CI, no NO_COLOR, no dumb terminal. */
  static boolean wanted(java.util.function.UnaryOperator<String> env) {
    // An empty NO_COLOR is as if unset (no-color.org).
    String noColor = env.apply("NO_COLOR");
    return env.apply("CI") == null && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(env.apply("TERM"));
  }

  /**
   * Whether standard error, where the bar is drawn, is a terminal. On Linux the descriptor's
   * link says so ({@code /dev/pts/N}, {@code /dev/ttyN}); {@code 2>log} is a file and gets no
   * bar even when the rest is a terminal. Elsewhere, a console for the process is the best guess.
   */
  private static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  synchronized void update(int done, int total) {
    update(done, total, "");
  }

  /** Redraws the bar; {@code what} (a file name) is shown after the count, shortened. */
  synchronized void update(int done, int total, String what) {
    if (!shown) {
      return;
    }
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    if (percent == lastPercent && what.isEmpty()) {
      return;
    }
    lastPercent = percent;
    int filled = WIDTH * percent / 100;
    String shown = ControlChars.escape(what);
    String name = shown.length() > 40 ? "..." + shown.substring(shown.length() - 37) : shown;
    err.print("\r" + phase + "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
        + (name.isEmpty() ? "" : " " + name) + "\u001B[K");
    err.flush();
  }

  /** Clears the bar so a message can be printed on a clean line. */
  synchronized void clear() {
    if (shown) {
      err.print("\r\u001B[K");
      err.flush();
    }
  }
}
