package dev.novatrace.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class ControlCharsTest {

  @Test
  void escapesWhatWouldDriveATerminalOrBreakXml() {
    assertEquals("a\\x1b[31mb\\x00c\\x0bd\\x7f\\x9b\\u202e\\x0d", ControlChars.escape(
        "a\u001b[31mb\u0000c\u000bd\u007f\u009b\u202e\r"));
    assertEquals("lone \\ud800 surrogate", ControlChars.escape("lone \ud800 surrogate"));
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String s = "Nova → placement: claim\n\tüñí 😀 <b>&";
    assertSame(s, ControlChars.escape(s));
    assertFalse(ControlChars.hasUnsafe(s));
  }

  @Test
  void theCliWritersEscapeAndStillReportAFailingStream() {
    StringWriter sink = new StringWriter();
    PrintWriter w = EscapingWriter.wrap(new PrintWriter(sink));
    w.print("x\u001b]0;pwned\u0007 \ud83d");
    w.println("\ude00 end");
    assertEquals("x\\x1b]0;pwned\\x07 😀 end" + System.lineSeparator(), sink.toString());
    assertFalse(w.checkError());

    PrintWriter broken = EscapingWriter.wrap(new PrintWriter(new Writer() {
      @Override
      public void write(char[] c, int o, int l) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    }));
    broken.println("anything");
    assertTrue(broken.checkError());
  }

  @Test
  void markdownKeepsLabelsInert() {
    assertEquals("&lt;img src=x onerror=alert(1)&gt; \\| a\\x1b", Markdown.cell(
        "<img src=x onerror=alert(1)> | a\u001b"));
    assertEquals("<b> 'x' y", Markdown.code("<b> `x`\ny"));
  }
}
