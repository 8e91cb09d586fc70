package dev.novatrace.cli;

import dev.novatrace.util.ControlChars;
import dev.novatrace.util.EscapingWriter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One small bar per ref on one line of stderr, for refs worked on in parallel:
 * {@code victoria-eom [tracing ####--] zed-eom [parsing #-----] 2025.1-eom [------]}. Shown only
 * where {@link ProgressBar} would be (a person at a terminal).
 */
final class RefsProgress {
  private static final int WIDTH = 8;
  private final PrintWriter err;
  private final boolean shown;
  private final Map<String, String> state = new LinkedHashMap<>();

  RefsProgress(PrintWriter err, List<String> refs) {
    // As the progress bar: its own \r and ESC[K go below the escaping writer; ref names, which
    // come from the repository, are escaped here.
    this.err = EscapingWriter.raw(err);
    this.shown = ProgressBar.wanted();
    refs.forEach(r -> state.put(r, bar("", 0)));
    if (shown) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::clear));
    }
  }

  synchronized void update(String ref, String phase, int done, int total) {
    if (!shown) {
      return;
    }
    int filled = total == 0 ? WIDTH : WIDTH * done / total;
    String now = done >= total && phase.equals("tracing") ? "[done]" : bar(phase, filled);
    if (now.equals(state.put(ref, now))) {
      return;
    }
    StringBuilder line = new StringBuilder("\rhistory");
    state.forEach((r, s) -> line.append(' ').append(ControlChars.escape(r)).append(' ').append(s));
    err.print(line.append("\u001B[K"));
    err.flush();
  }

  private static String bar(String phase, int filled) {
    String p = phase.isEmpty() ? "" : phase + " ";
    return "[" + p + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
  }

  /** Clears the line so a message can be printed on a clean one. */
  synchronized void clear() {
    if (shown) {
      err.print("\r\u001B[K");
      err.flush();
    }
  }
}
