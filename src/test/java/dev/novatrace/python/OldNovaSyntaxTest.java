package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nova before Python 3.7 used async and await as names; CPython 3.11 rejects that, we must not. */
class OldNovaSyntaxTest {

  static ParseResult fixture() throws URISyntaxException {
    Path p = Path.of(OldNovaSyntaxTest.class.getResource("/fixtures/nova2016/rpcapi.py").toURI());
    return SourceParser.parseFile(p);
  }

  @Test
  void asyncAsParameterAttributeAndKeyword() throws URISyntaxException {
    ParseResult r = fixture();
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    Stmt.ClassDef api = (Stmt.ClassDef) r.module().body().get(6);
    Stmt.FunctionDef init = (Stmt.FunctionDef) api.body().get(1);
    assertEquals(new Param("async", Param.Kind.NORMAL, init.params().get(1).defaultValue(), null), init.params().get(1));
    Stmt.Assign set = (Stmt.Assign) init.body().get(1);
    assertEquals("async", ((Expr.Attribute) set.targets().get(0)).attr());
    assertEquals(new Expr.Name("async", set.value().pos()), set.value());

    Stmt.FunctionDef migrate = (Stmt.FunctionDef) api.body().get(3);
    Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) migrate.body().get(1)).value();
    Arg async = call.args().get(2);
    assertEquals(Arg.Kind.KEYWORD, async.kind());
    assertEquals("async", async.keyword());
    assertEquals(Expr.ConstKind.TRUE, ((Expr.Constant) async.value()).kind());
  }

  @Test
  void asyncAsVariableAndInAttributeChains() throws URISyntaxException {
    ParseResult r = fixture();
    Stmt.ClassDef api = (Stmt.ClassDef) r.module().body().get(6);
    Stmt.FunctionDef reboot = (Stmt.FunctionDef) api.body().get(4);
    assertEquals("(Assign (Name async) (Op 'or' (Attr (Name self) async) (Op '==' (Name reboot_type) 'SOFT')))\n"
        + "(Expr (Call (Attr (Attr (Attr (Name self) driver) async) run) (Name instance) async=(Name async)))",
        AstDump.dump(new dev.novatrace.python.ast.Module("m", r.module().source(), reboot.body().subList(0, 2), 0)));
  }

  @Test
  void awaitAsParameterAndCalledName() throws URISyntaxException {
    ParseResult r = fixture();
    Stmt.FunctionDef wait = (Stmt.FunctionDef) r.module().body().get(7);
    assertEquals(List.of("await", "timeout"), wait.params().stream().map(Param::name).toList());
    Stmt.If test = (Stmt.If) wait.body().get(0);
    assertEquals("(Op 'is not' (Name await) None)", dumpExpr(r, test.test()));
    // `await(timeout)` is an await expression in Python 3.7+; either reading keeps the call visible
    Stmt.Return ret = (Stmt.Return) test.body().get(0);
    assertEquals("await(timeout)", r.module().text(ret.value().pos()));
  }

  private static String dumpExpr(ParseResult r, Expr e) {
    Stmt s = new Stmt.ExprStmt(e, e.pos());
    String d = AstDump.dump(new dev.novatrace.python.ast.Module("m", r.module().source(), List.of(s), 0));
    return d.substring("(Expr ".length(), d.length() - 1);
  }
}
