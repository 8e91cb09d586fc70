package dev.novatrace.python;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Finds where an f-string or t-string ends, by the rules of PEP 701 (Python 3.12) and PEP 750
 * (3.14): a replacement field is an expression that may hold strings in the same quotes, nested
 * f-strings, comments, backslashes inside its strings and line breaks (in single-quoted strings
 * too); a format spec may hold nested fields.
 *
 * <p>It only finds the end, and the text of each field's expression for {@link FStringFields} to
 * check; the literal keeps its raw body (see {@link StringLiterals}). Besides an unterminated
 * literal it refuses what the tokenizer refuses on sight: a single '}', an empty field, a
 * bracket that closes nothing, a bad conversion, a bare lambda, and nesting deeper than CPython's
 * limits.
 */
final class FStringScanner {

  /** CPython's MAXFSTRINGLEVEL (149 levels parse); also bounds the recursion on hostile input. */
  private static final int MAX_NESTING = 150;

  /** A malformed literal: the message is CPython's. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Format specs in format specs: CPython allows a spec's field a spec, not deeper. */
  private static final int MAX_SPEC_NESTING = 2;

  private final CharStream in;
  private final Runnable consume;
  private int nesting;
  private int specs; // format specs open in the innermost literal
  private final List<String> fields = new ArrayList<>();
  private char kind = 'f'; // of the innermost literal: CPython's messages name it

  /** {@code consume} advances {@code in} by one character, keeping the lexer's line count. */
  FStringScanner(CharStream in, Runnable consume) {
    this.in = in;
    this.consume = consume;
  }

  /**
   * The source text of the outermost literal's replacement fields' expressions, format specs'
   * fields included: up to the self-documenting '=', conversion, spec or '}'.
   */
  List<String> fields() {
    return fields;
  }

  /**
   * Consumes the rest of a literal whose prefix and opening quotes have just been consumed:
   * {@code quotes} times {@code quote}, raw or not, of {@code kind} 'f' or 't'.
   */
  void literal(char quote, int quotes, boolean raw, char kind) throws Malformed {
    if (++nesting >= MAX_NESTING) {
      throw new Malformed("too many nested f-strings or t-strings");
    }
    String unterminated = "unterminated " + (quotes == 3 ? "triple-quoted " : "") + kind + "-string literal";
    int outerSpecs = specs;
    char outerKind = this.kind;
    specs = 0;
    this.kind = kind;
    text(quote, quotes, raw, false, unterminated);
    specs = outerSpecs;
    this.kind = outerKind;
    nesting--;
  }

  /**
   * Literal text, up to the closing quotes (consumed; true) or, in a format spec, up to the '}'
   * that ends it (not consumed; false).
   */
  private boolean text(char quote, int quotes, boolean raw, boolean spec, String unterminated)
      throws Malformed {
    while (true) {
      int c = in.LA(1);
      if (c == '\n' && quotes == 1 && spec) {
        throw new Malformed(kind + "-string: newlines are not allowed in format specifiers for single quoted f-strings");
      } else if (c == CharStream.EOF || (c == '\n' && quotes == 1)) {
        throw new Malformed(unterminated);
      } else if (closes(quote, quotes)) {
        if (spec) {
          return false;
        }
        skip(quotes);
        return true;
      } else if (c == '\\') {
        escape(raw);
      } else if (c == '{') {
        if (!spec && in.LA(2) == '{') {
          skip(2);
        } else {
          skip(1);
          field(quote, quotes, raw, unterminated);
        }
      } else if (c == '}') {
        if (spec) {
          return false;
        }
        if (in.LA(2) != '}') {
          throw new Malformed(kind + "-string: single '}' is not allowed");
        }
        skip(2);
      } else {
        skip(1);
      }
    }
  }

  /**
   * A backslash in literal text: it protects the character after it, except a brace, which
   * still opens or closes a field ({@code \N{NAME}} in a cooked literal is one escape).
   */
  private void escape(boolean raw) {
    skip(1);
    int next = in.LA(1);
    if (!raw && next == 'N' && in.LA(2) == '{') {
      while (in.LA(1) != '}' && in.LA(1) != '\n' && in.LA(1) != CharStream.EOF) {
        skip(1);
      }
      if (in.LA(1) == '}') {
        skip(1);
      }
    } else if (next != '{' && next != '}' && next != CharStream.EOF) {
      skip(1);
    }
  }

  /** A replacement field after its '{': expression, then '=', '!conversion', ':spec', '}'. */
  private void field(char quote, int quotes, boolean raw, String unterminated) throws Malformed {
    int depth = 0;
    boolean expression = false;
    int start = in.index();
    int equals = -1; // a self-documenting '=' ({x = }), while nothing but layout follows it
    int previous = 0; // the last character that was not layout
    while (true) {
      int c = in.LA(1);
      if (c == CharStream.EOF) {
        throw new Malformed(unterminated);
      }
      if (depth == 0 && (c == '}' || c == ':' || (c == '!' && in.LA(2) != '='))) {
        if (!expression) {
          throw new Malformed(kind + "-string: valid expression required before '" + (char) c + "'");
        }
        if (nesting == 1) {
          // a nested literal's fields are its own lexer's to check, when this one's are parsed
          fields.add(in.getText(Interval.of(start, (equals >= 0 ? equals : in.index()) - 1)));
        }
        fieldEnd(quote, quotes, raw, unterminated);
        return;
      }
      boolean layout = c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '#' || c == '\\';
      int at = in.index();
      depth += expressionPart(c, depth, quote);
      if (!layout) {
        equals = depth == 0 && c == '=' && "=!<>".indexOf(previous) < 0 ? at : -1;
        expression |= equals < 0;
        previous = c;
      }
    }
  }

  /** Consumes one piece of a field's expression starting with {@code c}; the change of depth. */
  private int expressionPart(int c, int depth, char quote) throws Malformed {
    switch (c) {
      case ' ', '\t', '\f', '\n' -> skip(1);
      case '#' -> comment();
      case '\\' -> {
        if (in.LA(2) != '\n') {
          throw new Malformed("unexpected character after line continuation character");
        }
        skip(2);
      }
      case '(', '[', '{' -> {
        skip(1);
        return 1;
      }
      case ')', ']', '}' -> {
        if (depth == 0) {
          throw new Malformed(kind + "-string: unmatched '" + (char) c + "'");
        }
        skip(1);
        return -1;
      }
      case '\'', '"' -> string("", quote);
      default -> {
        if (!Character.isLetter(c) && c != '_') {
          skip(1);
        } else if ("lambda".equals(word(quote)) && depth == 0) {
          // its ':' would start the format spec
          throw new Malformed(kind + "-string: lambda expressions are not allowed without parentheses");
        }
      }
    }
    return 0;
  }

  /** After a field's expression (and '=' if any): an optional conversion and spec, then '}'. */
  private void fieldEnd(char quote, int quotes, boolean raw, String unterminated) throws Malformed {
    if (in.LA(1) == '!') {
      skip(1);
      conversion();
    }
    if (in.LA(1) == ':') {
      if (++specs > MAX_SPEC_NESTING) {
        throw new Malformed(kind + "-string: expressions nested too deeply");
      }
      skip(1);
      text(quote, quotes, raw, true, unterminated);
      specs--;
    }
    if (in.LA(1) != '}') {
      throw new Malformed(kind + "-string: expecting '}'");
    }
    skip(1);
  }

  /** The conversion after '!': one of s, r, a, right after it. */
  private void conversion() throws Malformed {
    int c = in.LA(1);
    if (c == ' ' || c == '\t' || c == '\f' || c == '\n') {
      throw new Malformed(kind + "-string: conversion type must come right after the exclamation mark");
    }
    StringBuilder name = new StringBuilder();
    while (Character.isLetterOrDigit(in.LA(1)) || in.LA(1) == '_') {
      name.appendCodePoint(in.LA(1));
      skip(1);
    }
    if (name.isEmpty()) {
      throw new Malformed(kind + "-string: missing conversion character");
    }
    if (!name.toString().matches("[sra]")) {
      throw new Malformed(kind + "-string: invalid conversion character '" + name
          + "': expected 's', 'r', or 'a'");
    }
    while (in.LA(1) == ' ' || in.LA(1) == '\t' || in.LA(1) == '\f' || in.LA(1) == '\n') {
      skip(1);
    }
  }

  /** A name; when a quote follows and the name is a string prefix, the string it begins. */
  private String word(char outer) throws Malformed {
    StringBuilder word = new StringBuilder();
    while (Character.isLetterOrDigit(in.LA(1)) || in.LA(1) == '_') {
      word.appendCodePoint(in.LA(1));
      skip(1);
    }
    String prefix = word.toString().toLowerCase(java.util.Locale.ROOT);
    if ((in.LA(1) == '\'' || in.LA(1) == '"') && prefix.length() <= 2
        && prefix.matches("[rubft]|rb|br|rf|fr|rt|tr")) {
      string(prefix, outer);
    }
    return word.toString();
  }

  /**
   * A string inside a field, its prefix already consumed; f- and t-strings recurse. One in the
   * enclosing literal's quote that does not end on its line was most likely meant to end that
   * literal, and CPython says so.
   */
  private void string(String prefix, char outer) throws Malformed {
    char quote = (char) in.LA(1);
    int quotes = in.LA(2) == quote && in.LA(3) == quote ? 3 : 1;
    skip(quotes);
    boolean raw = prefix.indexOf('r') >= 0;
    if (prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0) {
      literal(quote, quotes, raw, prefix.indexOf('t') >= 0 ? 't' : 'f');
      return;
    }
    while (!closes(quote, quotes)) {
      int c = in.LA(1);
      if (c == CharStream.EOF || (c == '\n' && quotes == 1)) {
        throw new Malformed(quote == outer ? kind + "-string: expecting '}'" : "unterminated string literal");
      }
      skip(c == '\\' && in.LA(2) != CharStream.EOF ? 2 : 1);
    }
    skip(quotes);
  }

  /** A comment inside a multi-line field, up to (not including) the line end. */
  private void comment() {
    while (in.LA(1) != '\n' && in.LA(1) != CharStream.EOF) {
      skip(1);
    }
  }

  private boolean closes(char quote, int quotes) {
    for (int i = 1; i <= quotes; i++) {
      if (in.LA(i) != quote) {
        return false;
      }
    }
    return true;
  }

  private void skip(int n) {
    for (int i = 0; i < n; i++) {
      consume.run();
    }
  }
}
