package dev.novatrace.python;

import dev.novatrace.python.ast.Module;
import java.util.List;

/**
 * The outcome of parsing one file: the module, or null when the file could not be decoded or
 * parsed (then {@code diagnostics} says why, first problem first) or when the caller only wanted
 * the verdict. {@code lines} counts the decoded text's lines (0 if it could not be decoded).
 */
public record ParseResult(String path, Module module, List<Diagnostic> diagnostics, int lines) {

  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }

  /** The same verdict without the module, so a caller checking many files holds little memory. */
  public ParseResult withoutModule() {
    return module == null ? this : new ParseResult(path, null, diagnostics, lines);
  }
}
