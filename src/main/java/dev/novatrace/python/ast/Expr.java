package dev.novatrace.python.ast;

import java.util.List;

/**
 * Python expressions, reduced to what a code model needs. Nodes the tracer never looks into keep
 * their sub-expressions (so calls nested anywhere are still found) and their source range.
 */
public sealed interface Expr {

  Pos pos();

  /** {@code x} */
  record Name(String id, Pos pos) implements Expr {}

  /** {@code value.attr} */
  record Attribute(Expr value, String attr, Pos pos) implements Expr {}

  /** {@code func(args)}; keyword, {@code *a} and {@code **k} arguments are {@link Arg}s. */
  record Call(Expr func, List<Arg> args, Pos pos) implements Expr {}

  /**
   * A literal. For strings, {@code value} is the decoded text of all adjacent literals joined
   * (escape sequences resolved as far as matters for names; f-strings keep their raw body).
   */
  record Constant(ConstKind kind, String value, Pos pos) implements Expr {}

  /** {@code value[index]}; a slice index is an {@link Other} of kind "slice". */
  record Subscript(Expr value, Expr index, Pos pos) implements Expr {}

  /** List, tuple and set displays. */
  record Sequence(SeqKind kind, List<Expr> elements, Pos pos) implements Expr {}

  /** {@code {k: v, **m}}: a null key marks a {@code **m} entry. */
  record Dict(List<Expr> keys, List<Expr> values, Pos pos) implements Expr {}

  /** {@code *value} (or {@code **value} where allowed) in a display or target. */
  record Starred(Expr value, Pos pos) implements Expr {}

  /** {@code lambda params: body} */
  record Lambda(List<Param> params, Expr body, Pos pos) implements Expr {}

  /** {@code body if test else orElse} */
  record IfExp(Expr test, Expr body, Expr orElse, Pos pos) implements Expr {}

  /**
   * Unary, binary, boolean and comparison operators. {@code op} is the operator as written
   * ({@code "not"}, {@code "+"}, {@code "and"}, {@code "not in"}, {@code "is not"}); a chained
   * comparison {@code a < b < c} has ops "<" and "<" joined by a space in {@code op}.
   */
  record Operation(String op, List<Expr> operands, Pos pos) implements Expr {}

  /** {@code await value} */
  record Await(Expr value, Pos pos) implements Expr {}

  /** {@code yield value} or {@code yield from value} (value may be null). */
  record Yield(Expr value, boolean from, Pos pos) implements Expr {}

  /** {@code target := value} */
  record NamedExpr(Expr target, Expr value, Pos pos) implements Expr {}

  /**
   * Comprehensions and generator expressions. {@code element} is the produced expression (for a
   * dict comprehension a 2-element tuple key, value); {@code clauses} hold, in order, each
   * for-target, for-iterable and if-condition.
   */
  record Comprehension(SeqKind kind, Expr element, List<Expr> clauses, Pos pos) implements Expr {}

  /** Anything else (slices, f-string pieces, ...): a kind label and its children. */
  record Other(String kind, List<Expr> children, Pos pos) implements Expr {}

  enum ConstKind { STRING, FSTRING, BYTES, NUMBER, NONE, TRUE, FALSE, ELLIPSIS, TSTRING }

  enum SeqKind { LIST, TUPLE, SET, DICT, GENERATOR }
}
