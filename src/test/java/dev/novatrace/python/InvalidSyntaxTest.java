package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Code Python rejects: each must fail with a diagnostic on the right line, and no module. */
class InvalidSyntaxTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("python 2 print", "x = 1\nprint 'hello'\n", 2, "invalid syntax"),
        Arguments.of("python 2 octal", "x = 1\ny = 0777\n", 2, "invalid syntax"),
        // (`except E, e:` is Python 3.14's `except (E, e):`, see GrammarTest)
        Arguments.of("python 2 raise comma", "try:\n    pass\nexcept E:\n    raise E, 'x'\n", 4, "invalid syntax"),
        Arguments.of("backtick", "x = `y`\n", 1, "invalid character '`'"),
        Arguments.of("missing colon", "if x\n    pass\n", 1, "invalid syntax"),
        Arguments.of("unexpected indent", "x = 1\n    y = 2\n", 2, "unexpected indent"),
        Arguments.of("indented first line", "  x = 1\n", 1, "unexpected indent"),
        Arguments.of("inconsistent dedent", "if x:\n        a\n    b\n", 3, "unindent does not match"),
        Arguments.of("tab and spaces", "if x:\n\ta\n        b\n", 3, "inconsistent use of tabs"),
        Arguments.of("expected indented block", "def f():\nreturn 1\n", 2, "invalid syntax"),
        Arguments.of("unterminated string", "x = 1\ny = 'abc\n", 2, "unterminated string"),
        Arguments.of("unterminated triple string", "x = 1\ny = '''abc\n\nz\n", 2, "unterminated string"),
        Arguments.of("unclosed bracket", "x = (1,\ny = 2\n", 2, "invalid syntax"),
        Arguments.of("assign to call", "x = 1\nf() = 1\n", 2, "cannot assign to function call"),
        Arguments.of("assign to literal", "for 1 in x: pass\n", 1, "cannot assign to literal"),
        Arguments.of("augmented assign to tuple", "a, b += 1\n", 1, "illegal expression for augmented assignment"),
        Arguments.of("walrus on attribute", "(a.b := 1)\n", 1, "assignment expressions"),
        Arguments.of("non-default after default", "def f(a=1, b):\n    pass\n", 1, "non-default argument"),
        Arguments.of("bare star without names", "def f(a, *):\n    pass\n", 1, "named arguments must follow bare *"),
        Arguments.of("slash after star", "def f(*, a, /):\n    pass\n", 1, "/ must be ahead of *"),
        Arguments.of("duplicate parameter", "def f(a, a):\n    pass\n", 1, "duplicate argument"),
        Arguments.of("positional after keyword", "f(a=1, 2)\n", 1, "positional argument follows keyword"),
        Arguments.of("bytes and str", "x = b'a' 'b'\n", 1, "cannot mix bytes"),
        Arguments.of("non-ascii bytes", "x = 1\ny = b'caf\u00e9'\n", 2, "bytes can only contain ASCII"),
        Arguments.of("null byte", "x = 1\ny = '\0'\n", 2, "null bytes"),
        Arguments.of("mixed except and except*", "try:\n    a\nexcept A:\n    b\nexcept* B:\n    c\n", 5, "except*"),
        Arguments.of("bare except not last", "try:\n    a\nexcept:\n    b\nexcept A:\n    c\n", 3, "must be last"),
        Arguments.of("invalid character", "x = 1\ny = $\n", 2, "invalid character '$'"),
        Arguments.of("non-identifier character", "€ = 2\n", 1, "invalid character '€'"),
        Arguments.of("text after continuation", "x = 1 \\ + 2\n", 1, "line continuation"),
        Arguments.of("from import nothing", "from . import\n", 1, "invalid syntax"),
        Arguments.of("decorated statement", "@d\nx = 1\n", 2, "invalid syntax"),
        Arguments.of("late future import", "\"doc\"\nimport os\nfrom __future__ import annotations\n", 3,
            "from __future__ imports must occur at the beginning"),
        Arguments.of("unknown future feature", "from __future__ import division, rested_snopes\n", 1,
            "future feature rested_snopes is not defined"),
        Arguments.of("future braces", "from __future__ import braces\n", 1, "not a chance"),
        Arguments.of("python 2 not equal", "if a <> b:\n    pass\n", 1, "invalid syntax"),
        Arguments.of("lambda with annotation", "f = lambda x: int: x\n", 1, "invalid syntax"),
        // Python 3.12 to 3.14: what CPython 3.14 still refuses
        Arguments.of("except types and as", "try:\n    pass\nexcept A, B as e:\n    pass\n", 3, "invalid syntax"),
        Arguments.of("except* types and as", "try:\n    pass\nexcept* A, B as e:\n    pass\n", 3, "invalid syntax"),
        Arguments.of("bare except*", "try:\n    pass\nexcept*:\n    pass\n", 3, "invalid syntax"),
        Arguments.of("empty type parameters", "x = 1\ndef f[]():\n    pass\n", 2, "invalid syntax"),
        Arguments.of("type parameter default order", "class C[T = int, U]: pass\n", 1,
            "non-default type parameter 'U' follows default type parameter"),
        Arguments.of("duplicate type parameter", "def f[T, T](): pass\n", 1, "duplicate type parameter 'T'"),
        Arguments.of("bound on a TypeVarTuple", "type X[*Ts: int] = 1\n", 1, "invalid syntax"),
        Arguments.of("type alias without value", "type = int\ntype X[T]\n", 2, "invalid syntax"),
        Arguments.of("empty f-string field", "x = 1\ny = f\"{}\"\n", 2, "valid expression required before '}'"),
        Arguments.of("single brace in f-string", "x = f'a}b'\n", 1, "single '}' is not allowed"),
        Arguments.of("unclosed f-string field", "x = f'{a'\ny = 2\n", 1, "expecting '}'"),
        Arguments.of("unterminated f-string", "x = 1\ny = f'abc\n", 2, "unterminated f-string"),
        Arguments.of("nested f-string closed early", "x = f\"{f\"{1}}\"\n", 1, "single '}' is not allowed"),
        Arguments.of("unterminated triple t-string", "x = t'''{a}\n\n", 1, "unterminated triple-quoted t-string"),
        Arguments.of("f-string unmatched bracket", "x = f'{a)}'\n", 1, "unmatched ')'"),
        Arguments.of("f-string missing conversion", "x = f'{a!}'\n", 1, "missing conversion character"),
        Arguments.of("f-string bad conversion", "x = f'{a!x}'\n", 1, "invalid conversion character 'x'"),
        Arguments.of("f-string space before conversion", "x = f'{a! r}'\n", 1, "right after the exclamation mark"),
        Arguments.of("f-string bare lambda", "x = f'{lambda y: y}'\n", 1, "lambda expressions are not allowed"),
        Arguments.of("f-string specs nested too deeply", "x = f'{a:{b:{c:{d}}}}'\n", 1, "nested too deeply"),
        Arguments.of("f-string line break in spec", "x = f'{a:>\n10}'\n", 1, "newlines are not allowed in format specifiers"),
        Arguments.of("f-string backslash outside strings", "x = f'{a \\ b}'\n", 1, "line continuation"),
        Arguments.of("f-string field not an expression", "x = 1\ny = f\"{a b}\"\n", 2, "f-string: invalid syntax"),
        Arguments.of("f-string field a statement", "x = f'{import os}'\n", 1, "f-string: invalid syntax"),
        Arguments.of("f-string field starred", "x = f'{*a}'\n", 1, "can't use starred expression here"),
        Arguments.of("f-string field ends in ==", "x = f'{a ==}'\n", 1, "f-string: invalid syntax"),
        Arguments.of("f-string field ends in <=", "x = f'{a<=}'\n", 1, "f-string: invalid syntax"),
        Arguments.of("f-string field walrus on attribute", "x = f'{(a.b := 1)}'\n", 1, "assignment expressions"),
        Arguments.of("f-string field bare generator", "x = f'{a for a in b}'\n", 1, "f-string: expecting"),
        Arguments.of("f-string field conditional without else", "x = f'{1 if a}'\n", 1, "f-string: invalid syntax"),
        Arguments.of("f-string spec field not an expression", "x = f'{x:{y b}}'\n", 1, "f-string: invalid syntax"),
        Arguments.of("nested f-string field not an expression", "x = f\"{f\"{a b}\"}\"\n", 1, "f-string: invalid syntax"),
        Arguments.of("t-string field not an expression", "x = t'{a.}'\n", 1, "t-string: invalid syntax"),
        Arguments.of("t-string single brace", "x = t'a}'\n", 1, "t-string: single '}' is not allowed"),
        Arguments.of("t-string bad conversion", "x = t'{a!x}'\n", 1, "t-string: invalid conversion character 'x'"),
        Arguments.of("t-string in an f-string field", "x = f\"{t'{a b}'}\"\n", 1, "t-string: invalid syntax"),
        Arguments.of("t-string and string", "x = t'a' 'b'\n", 1, "cannot mix t-string literals"),
        Arguments.of("t-string and f-string", "x = t'a' f'b'\n", 1, "cannot mix t-string literals"),
        Arguments.of("bytes t-string", "x = bt'a'\n", 1, "invalid syntax"),
        Arguments.of("f and t prefixes", "x = ft'a'\n", 1, "invalid syntax"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void isRejectedOnTheRightLine(String name, String source, int line, String message) {
    ParseResult result = SourceParser.parseString("bad.py", source);
    assertNull(result.module());
    assertFalse(result.diagnostics().isEmpty());
    Diagnostic first = result.diagnostics().get(0);
    assertEquals(line, first.line(), () -> first.toString());
    assertTrue(first.message().contains(message), () -> first.toString());
    assertEquals("bad.py", first.path());
  }

  /** {@code def f():} and {@code levels - 1} nested ifs: a body {@code levels} deep. */
  private static String nested(int levels) {
    StringBuilder sb = new StringBuilder("def f():\n");
    for (int i = 1; i < levels; i++) {
      sb.append("    ".repeat(i)).append("if x:\n");
    }
    return sb.append("    ".repeat(levels)).append("pass\n").toString();
  }

  @org.junit.jupiter.api.Test
  void aNestedLiteralsProblemNamesThatLiteralOnce() {
    ParseResult r = SourceParser.parseString("bad.py", "x = f\"{t'{a b}'}\"\n");
    assertTrue(r.diagnostics().get(0).message().startsWith("t-string: invalid syntax"), r.diagnostics().toString());
    r = SourceParser.parseString("bad.py", "x = f\"{f'{a}' + t'{}'}\"\n");
    assertEquals("t-string: valid expression required before '}'", r.diagnostics().get(0).message());
  }

  private static String nestedFStrings(int levels) {
    return "x = " + "f\"{".repeat(levels) + "1" + "}\"".repeat(levels) + "\n";
  }

  @org.junit.jupiter.api.Test
  void nestedFStringsStopWhereCPythonStops() {
    // CPython 3.14 takes 149 nested f-strings and refuses the 150th (MAXFSTRINGLEVEL)
    assertTrue(SourceParser.parseString("ok.py", nestedFStrings(149)).ok());
    ParseResult deep = SourceParser.parseString("deep.py", nestedFStrings(150));
    assertFalse(deep.ok());
    assertTrue(deep.diagnostics().get(0).message().contains("too many nested f-strings or t-strings"),
        deep.diagnostics().toString());
    // far deeper, as a fuzzer might write: still one clear error, no stack overflow
    assertFalse(SourceParser.parseString("fuzz.py", "x = " + "f'{f\"{".repeat(20_000)).ok());
    assertFalse(SourceParser.parseString("fuzz.py", "x = f'{a" + ":{a".repeat(20_000)).ok());
  }

  @org.junit.jupiter.api.Test
  void aHundredLevelsOfIndentationAreRefusedAsCPythonDoes() {
    // CPython's tokenizer accepts 99 levels and refuses the 100th (MAXINDENT).
    assertTrue(SourceParser.parseString("ok.py", nested(99)).ok());
    ParseResult deep = SourceParser.parseString("deep.py", nested(100));
    assertFalse(deep.ok());
    assertTrue(deep.diagnostics().get(0).message().contains("too many levels of indentation"),
        deep.diagnostics().toString());
  }
}
