package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes to text as CPython reads source files: cookies, BOM, strict UTF-8, line ends. */
class DecodingTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) p;
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  static ParseResult parse(byte[] bytes) {
    return SourceParser.parseBytes("enc.py", bytes);
  }

  /** The string value assigned by the last statement of the module. */
  static String lastString(ParseResult r) {
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    Stmt.Assign a = (Stmt.Assign) r.module().body().get(r.module().body().size() - 1);
    return ((Expr.Constant) a.value()).value();
  }

  static void assertError(ParseResult r, int line, String message) {
    assertNull(r.module());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(line, d.line(), d::toString);
    assertTrue(d.message().contains(message), d::toString);
  }

  @Test
  void utf8IsTheDefault() {
    assertEquals("é€", lastString(parse("x = 'é€'\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void latin1CookieOnLineOne() {
    assertEquals("é", lastString(parse(bytes("# -*- coding: latin-1 -*-\nx = '\u00e9'\n"))));
  }

  @Test
  void cookieOnLineTwoAfterShebang() {
    assertEquals("é", lastString(parse(bytes("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = '\u00e9'\n"))));
  }

  @Test
  void cookieOnLineTwoIsIgnoredAfterCode() {
    // Line 1 is code, so line 2's cookie does not count: the latin-1 byte is invalid UTF-8.
    assertError(parse(bytes("import os\n# coding: latin-1\nx = '\u00e9'\n")), 3, "'utf-8' codec can't decode byte 0xe9");
  }

  @Test
  void pythonCharsetNamesMapToJava() {
    assertEquals("€", lastString(parse(bytes("# coding: iso-8859-15\nx = '\u00a4'\n"))));
    assertEquals("é", lastString(parse(bytes("# coding=cp1252\nx = '\u00e9'\n"))));
    assertEquals("é", lastString(parse(bytes("# coding: Latin_1\nx = '\u00e9'\n"))));
    assertEquals("é", lastString(parse(bytes("# coding: utf-8-sig\n", "x = '\u00c3\u00a9'\n"))));
  }

  @Test
  void unknownCookieIsAnError() {
    assertError(parse(bytes("# -*- coding: uft-8 -*-\nx = 1\n")), 1, "unknown encoding: uft-8");
  }

  @Test
  void byteOrderMarkIsNotText() {
    ParseResult r = parse(bytes(BOM, "x = 'a'\n"));
    assertEquals("a", lastString(r));
    assertEquals("x = 'a'\n", r.module().source());
  }

  @Test
  void byteOrderMarkWithUtf8CookieIsFine() {
    assertEquals("a", lastString(parse(bytes(BOM, "# coding: utf-8\nx = 'a'\n"))));
  }

  @Test
  void byteOrderMarkWithLatin1CookieIsAnError() {
    assertError(parse(bytes(BOM, "# coding: latin-1\nx = 1\n")), 1, "encoding problem: latin-1 with BOM");
  }

  @Test
  void invalidUtf8IsAnErrorOnItsLine() {
    assertError(parse(bytes("x = 1\ny = 2\nz = '\u00f6'\n")), 3, "can't decode byte 0xf6");
  }

  @Test
  void crlfLineEnds() {
    ParseResult r = parse(bytes("if x:\r\n    y = 1\r\n\r\nz = 'a\\\r\nb'\r\n"));
    assertEquals("ab", lastString(r));
    Stmt.If s = (Stmt.If) r.module().body().get(0);
    assertEquals(2, s.body().get(0).pos().line());
    assertEquals(4, r.module().body().get(1).pos().line());
    assertEquals(5, r.lines());
  }

  @Test
  void loneCarriageReturnLineEnds() {
    ParseResult r = parse(bytes("if x:\r    y = 1\rz = 2\r"));
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    assertEquals(3, r.module().body().get(1).pos().line());
    assertEquals(3, r.lines());
  }

  @Test
  void formFeedsInIndentationAndBetweenLines() {
    ParseResult r = parse(bytes("\fimport os\n\f\nif x:\n  \f  y = 1\n\f\n"));
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    assertEquals(2, r.module().body().size());
  }

  @Test
  void tabsIndentToMultiplesOfEight() {
    assertTrue(parse(bytes("if x:\n\tif y:\n\t\tz = 1\n\ta = 2\n")).ok());
    // Tab then one space is column 9 either way; a lone tab vs eight spaces is ambiguous.
    assertTrue(parse(bytes("if x:\n\t y = 1\n\t z = 2\n")).ok());
    assertError(parse(bytes("if x:\n\ty = 1\n        z = 2\n")), 3, "inconsistent use of tabs");
  }
}
