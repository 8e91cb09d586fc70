package dev.novatrace.python.ast;

/** One parameter of a def or lambda; default and annotation may be null. */
public record Param(String name, Kind kind, Expr defaultValue, Expr annotation) {

  public enum Kind { POSITIONAL_ONLY, NORMAL, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD }
}
