package dev.novatrace.python.ast;

/** One argument of a call or class header: positional, {@code name=value}, {@code *v} or {@code **v}. */
public record Arg(Kind kind, String keyword, Expr value) {

  public enum Kind { POSITIONAL, KEYWORD, STAR, DOUBLE_STAR }

  public static Arg positional(Expr value) {
    return new Arg(Kind.POSITIONAL, null, value);
  }

  /**
   * What {@code args} pass at {@code position} (counting positional arguments from 0) or as
   * {@code keyword}; null when they pass neither.
   */
  public static Expr passed(java.util.List<Arg> args, int position, String keyword) {
    int index = 0;
    for (Arg a : args) {
      if (a.kind() == Kind.KEYWORD && keyword.equals(a.keyword())) {
        return a.value();
      }
      if (a.kind() == Kind.POSITIONAL && index++ == position) {
        return a.value();
      }
    }
    return null;
  }
}
