package dev.novatrace.python;

import dev.novatrace.python.ast.Module;
import java.util.List;

/**
 * The outcome of parsing one file: the module, or null when the file could not be decoded or
 * parsed, in which case {@code diagnostics} says why (first problem first).
 */
public record ParseResult(String path, Module module, List<Diagnostic> diagnostics, int lines) {

  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return module != null;
  }
}
