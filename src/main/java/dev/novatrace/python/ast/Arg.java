package dev.novatrace.python.ast;

/** One argument of a call or class header: positional, {@code name=value}, {@code *v} or {@code **v}. */
public record Arg(Kind kind, String keyword, Expr value) {

  public enum Kind { POSITIONAL, KEYWORD, STAR, DOUBLE_STAR }

  public static Arg positional(Expr value) {
    return new Arg(Kind.POSITIONAL, null, value);
  }
}
