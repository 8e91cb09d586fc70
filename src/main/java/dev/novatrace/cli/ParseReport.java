package dev.novatrace.cli;

import dev.novatrace.util.Json;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.python.ParseResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code parse} prints: totals and the first diagnostic of each failed file, by path. */
record ParseReport(int files, long lines, double seconds, List<Diagnostic> failed) {

  static ParseReport of(List<ParseResult> results, double seconds) {
    long lines = 0;
    List<Diagnostic> failed = new ArrayList<>();
    for (ParseResult r : results) {
      lines += r.lines();
      if (!r.ok()) {
        failed.add(r.diagnostics().get(0));
      }
    }
    failed.sort((a, b) -> a.path().compareTo(b.path()));
    return new ParseReport(results.size(), lines, seconds, failed);
  }

  String text() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "parsed %d file%s, %d line%s in %.2fs: %d failed%n", files, files == 1 ? "" : "s", lines,
        lines == 1 ? "" : "s", seconds, failed.size()));
    for (Diagnostic d : failed) {
      out.append(d).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The JSON shape of {@code parse --format json}; seconds to two places, as the text says. */
  record JsonOut(int files, long lines, BigDecimal seconds, List<Diagnostic> failed) {}

  String json() {
    return Json.write(new JsonOut(files, lines,
        BigDecimal.valueOf(seconds).setScale(2, RoundingMode.HALF_UP), failed));
  }
}
