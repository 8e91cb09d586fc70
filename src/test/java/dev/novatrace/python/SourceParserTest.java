package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source positions, tree walking and failure handling of the facade. */
class SourceParserTest {

  @TempDir Path dir;

  static Module module(String source) {
    ParseResult r = SourceParser.parseString("t.py", source);
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    return r.module();
  }

  @Test
  void aFunctionKnowsTheLineOfItsDefBelowItsDecorators() {
    Module m = module("@decorate(\n    1)\n# why\n@other\ndef f():\n    pass\n\n\nasync def g():\n    pass\n");
    assertEquals(5, ((Stmt.FunctionDef) m.body().get(0)).defLine());
    assertEquals(1, ((Stmt.FunctionDef) m.body().get(0)).pos().line());
    assertEquals(9, ((Stmt.FunctionDef) m.body().get(1)).defLine());
  }

  @Test
  void textDropsLineContinuations() {
    String src = "if requested_networks and len(requested_networks) and \\\n        not x:\n    pass\n";
    Module m = module(src);
    Stmt.If s = (Stmt.If) m.body().get(0);
    assertEquals("requested_networks and len(requested_networks) and not x", m.text(s.test()
        .pos()));
  }

  @Test
  void positionsQuoteTheSource() {
    String src = "import os\n\n@decorate(1)\ndef f(a):  # comment\n    return os.path.join(a, 'b')  # trailing\n";
    Module m = module(src);
    Stmt.FunctionDef f = (Stmt.FunctionDef) m.body().get(1);
    assertEquals(new Pos(3, 0, 11, src.indexOf("  # trailing")), f.pos());
    Stmt.Return r = (Stmt.Return) f.body().get(0);
    assertEquals("return os.path.join(a, 'b')", m.text(r.pos()));
    Expr.Call call = (Expr.Call) r.value();
    assertEquals(5, call.pos().line());
    assertEquals(11, call.pos().column());
    assertEquals("os.path.join", m.text(call.func().pos()));
    assertEquals("decorate(1)", m.text(f.decorators().get(0).pos()));
  }

  @Test
  void compoundStatementsEndAtTheirLastToken() {
    String src = "if x:\n    y = 1\n\n# comment\n\nz = 2\n";
    Module m = module(src);
    assertEquals("if x: y = 1", m.text(m.body().get(0).pos()));
    assertEquals(6, m.body().get(1).pos().line());
  }

  @Test
  void positionsAreJavaCharOffsetsEvenAfterAstralCharacters() {
    String src = "s = '\uD83D\uDE00'; t = call(x)\n";
    Module m = module(src);
    Stmt.Assign t = (Stmt.Assign) m.body().get(1);
    assertEquals("call(x)", src.substring(t.value().pos().start(), t.value().pos().end()));
  }

  @Test
  void emptyAndCommentOnlyFilesParse() {
    assertTrue(module("").body().isEmpty());
    assertTrue(module("# only a comment\n\n   # indented comment").body().isEmpty());
    assertEquals(1, module("x = 1").body().size()); // no final newline
  }

  @Test
  void parseTreeFindsPythonFilesSortedAndReportsProgress() throws IOException {
    write("b/z.py", "x = 1\n");
    write("a.py", "def f(:\n");
    write("b/y.py", "y = 2\nz = 3\n");
    write("b/notes.txt", "not python");
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    List<ParseResult> results = SourceParser.parseTree(List.of(dir), 2, (done, total) -> seen.add(total));
    assertEquals(List.of(dir.resolve("a.py").toString(), dir.resolve("b/y.py").toString(),
        dir.resolve("b/z.py").toString()), results.stream().map(ParseResult::path).toList());
    assertFalse(results.get(0).ok());
    assertEquals(1, results.get(0).diagnostics().get(0).line());
    assertTrue(results.get(1).ok());
    assertEquals(2, results.get(1).lines());
    assertEquals(List.of(3, 3, 3), seen);
  }

  @Test
  void deepNestingParsesOnParserThreads() throws IOException {
    write("deep.py", "x = " + "(".repeat(1500) + "1" + ")".repeat(1500) + "\n");
    List<ParseResult> results = SourceParser.parseTree(List.of(dir), 1, null);
    assertTrue(results.get(0).ok(), () -> results.get(0).diagnostics().toString());
  }

  @Test
  void absurdNestingIsADiagnosticNotACrash() {
    ParseResult r = SourceParser.parseString("deep.py", "x = " + "[".repeat(300_000) + "]".repeat(300_000) + "\n");
    assertFalse(r.ok());
    assertEquals("too deeply nested to parse", r.diagnostics().get(0).message());
  }

  @Test
  void unreadableFileIsADiagnostic() {
    ParseResult r = SourceParser.parseFile(dir.resolve("missing.py"));
    assertFalse(r.ok());
    assertTrue(r.diagnostics().get(0).message().startsWith("cannot read file"));
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
