package dev.novatrace.cli;

import dev.novatrace.util.Json;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.python.ParseResult;
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
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "parsed %d files, %d lines in %.2fs: %d failed%n",
        files, lines, seconds, failed.size()));
    for (Diagnostic d : failed) {
      out.append(d).append(System.lineSeparator());
    }
    return out.toString();
  }

  String json() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "{\"files\": %d, \"lines\": %d, \"seconds\": %.2f, \"failed\": [", files, lines, seconds));
    for (int i = 0; i < failed.size(); i++) {
      Diagnostic d = failed.get(i);
      out.append(i == 0 ? "" : ", ")
          .append("{\"path\": ").append(Json.quote(d.path()))
          .append(", \"line\": ").append(d.line())
          .append(", \"column\": ").append(d.column())
          .append(", \"message\": ").append(Json.quote(d.message()))
          .append('}');
    }
    return out.append("]}").append(System.lineSeparator()).toString();
  }
}
