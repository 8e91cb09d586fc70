package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.python.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file parsed unit by unit gives what the whole file's parse gives, positions included; a
 * later version of it parses only the units whose text changed.
 */
class IncrementalParserTest {

  private static final String V1 = """
      # Copyright
      import os


      @decorated
      class Manager(base.Base):
          \"\"\"Doc.\"\"\"

          target = messaging.Target(version='1.0')

          def __init__(self):
              self.api = compute_api.API()

          async def build(self, ctx, *args, **kw):
              if (x := kw.get('x')):
                  return [a for a in args if a]
              try:
                  pass
              except* ValueError:
                  pass

          @property
          def name(self):
              return f"{self.api!r}"


      def helper(value):
          match value:
              case {'a': 1}:
                  return 1
              case _:
                  return lambda y: y
      """;

  /** V1 with a line inserted at the top and one method's body edited. */
  private static final String V2 = "# a new first line\n" + V1.replace(
      "return f\"{self.api!r}\"", "return 'renamed'");

  private static List<Stmt> whole(String text) {
    ParseResult r = SourceParser.parseString("nova/m.py", text);
    assertTrue(r.ok(), r.diagnostics().toString());
    return r.module().body();
  }

  @Test
  void unitByUnitIsTheWholeFilesParse() {
    assertEquals(whole(V1), IncrementalParser.body("nova/m.py", V1, new ChunkCache()));
  }

  /** Python 3.12 to 3.14: f-string fields over lines, type parameters, except lists. */
  private static final String NEW_SYNTAX = """
      class C[T](Base[T]):
          x = f'{
              1}'

          def m[U = int](self) -> U:
              return f"{f"{self.x!r:>{w}}"}"

      type A[T] = list[T]
      s = t\"\"\"{
      x}\"\"\" ; y = f"{
          x # a comment
          }"

      def g():
          try:
              pass
          except A, B:
              pass
      """;

  @Test
  void newSyntaxUnitByUnitIsTheWholeFilesParse() {
    assertEquals(whole(NEW_SYNTAX), IncrementalParser.body("nova/m.py", NEW_SYNTAX, new ChunkCache()));
    String later = "import os\n" + NEW_SYNTAX.replace("list[T]", "dict[str, T]");
    ChunkCache cache = new ChunkCache();
    IncrementalParser.body("nova/m.py", NEW_SYNTAX, cache);
    assertEquals(whole(later), IncrementalParser.body("nova/m.py", later, cache));
    assertTrue(cache.reused() > 0);
  }

  @Test
  void anFStringFieldBackAtColumnZeroSendsTheFileToTheWholeParse() {
    // Units' scanner takes the field's second line for a new statement; the unit before it does
    // not parse alone, so the file is parsed whole, with the same result
    String text = NEW_SYNTAX.replace("x = f'{\n        1}'", "x = f'{\n1}'");
    assertNotEquals(NEW_SYNTAX, text);
    assertNull(IncrementalParser.body("nova/m.py", text, new ChunkCache()));
    assertEquals(whole(text), SourceParser.parseString("nova/m.py", text, new ChunkCache()).module().body());
  }

  @Test
  void aLaterVersionParsesOnlyItsChangedUnitsAndMovesTheRest() {
    ChunkCache cache = new ChunkCache();
    IncrementalParser.body("nova/m.py", V1, cache);
    assertEquals(7, cache.parsed()); // imports, class head + docstring, 4 members, helper
    assertEquals(0, cache.reused());
    List<Stmt> v2 = IncrementalParser.body("nova/m.py", V2, cache);
    assertEquals(whole(V2), v2);
    // The first chunk (it holds the new line) and the edited member are parsed again; the class
    // head, three members and the function are moved down a line.
    assertEquals(7 + 2, cache.parsed());
    assertEquals(5, cache.reused());
  }

  @Test
  void aUnitInTheSamePlaceIsTheSameNodes() {
    ChunkCache cache = new ChunkCache();
    List<Stmt> first = IncrementalParser.body("nova/m.py", V1, cache);
    List<Stmt> again = IncrementalParser.body("nova/m.py", V1 + "x = 1\n", cache);
    assertSame(first.get(2), again.get(2)); // the function: unmoved, shared
  }

  @Test
  void anotherFileNeverSharesNodes() {
    ChunkCache cache = new ChunkCache();
    IncrementalParser.body("nova/m.py", V1, cache);
    IncrementalParser.body("nova/other.py", V1, cache);
    assertEquals(0, cache.reused());
  }

  @Test
  void pastItsBudgetTheCacheForgetsTheOldestUnitsAndParsesThemAgain() {
    ChunkCache roomy = new ChunkCache();
    IncrementalParser.body("nova/m.py", V1, roomy);
    long text = roomy.held();
    assertTrue(text > 0);
    // Room for about half of V1's units: the first ones are forgotten as the last are parsed.
    ChunkCache small = new ChunkCache(text / 2);
    assertEquals(whole(V1), IncrementalParser.body("nova/m.py", V1, small));
    assertTrue(small.held() <= text / 2, small.held() + " > " + text / 2);
    assertEquals(whole(V1), IncrementalParser.body("nova/m.py", V1, small));
    assertTrue(small.parsed() > 7, "nothing forgotten: " + small.parsed()); // parsed again
  }

  static List<Arguments> invalid() {
    return InvalidSyntaxTest.invalid().toList();
  }

  /** Code that does not parse is parsed whole, for the same diagnostics. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidCodeGetsTheWholeFilesDiagnostics(String name, String code, int line, String message) {
    String text = "import os\n\n\nclass A:\n    x = 1\n\n    y = 2\n\n\n" + code;
    ParseResult plain = SourceParser.parseString("m.py", text);
    ParseResult incremental = SourceParser.parseString("m.py", text, new ChunkCache());
    assertFalse(plain.ok());
    assertEquals(plain.diagnostics(), incremental.diagnostics());
  }
}
