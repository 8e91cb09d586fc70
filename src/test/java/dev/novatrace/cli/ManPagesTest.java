package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages the packages install: picocli's AsciiDoc, as roff. */
class ManPagesTest {

  @TempDir Path tmp;

  @Test
  void aPageForTheCommandAndEachSubcommandWithEveryOptionAndTheExitCodes() {
    CommandLine root = Main.commandLine();
    Map<String, String> pages = ManPages.pages(root, "novatrace 9.9", "2026-01-01");
    assertTrue(pages.containsKey("novatrace.1"));
    assertFalse(pages.containsKey("novatrace-help.1"));
    for (String command : root.getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue;
      }
      String page = pages.get("novatrace-" + command + ".1");
      assertTrue(page != null, "no page for " + command);
      assertTrue(page.startsWith(".TH \"NOVATRACE\\-" + command.toUpperCase(java.util.Locale.ROOT)
          + "\" \"1\" \"2026-01-01\" \"novatrace 9.9\""), page.lines().findFirst().orElse(""));
      for (OptionSpec option : root.getSubcommands().get(command).getCommandSpec().options()) {
        for (String name : option.names()) {
          assertTrue(page.contains("\\fB" + ManPages.escape(name) + "\\fR"),
              command + ": " + name + " missing");
        }
      }
      assertTrue(page.contains(".SH \"EXIT CODES\"\n.RS 4\n.nf\n0  "), command + ":\n" + page);
      assertTrue(page.contains("\n3  internal error"), page);
      // Nothing of the AsciiDoc is left: no markup a reader would see.
      for (String markup : new String[] {"xref:", "[%hardbreaks]", "::\n", "\n== ", "*\\-", "\n// "}) {
        assertFalse(page.contains(markup), command + ": '" + markup + "' left in\n" + page);
      }
    }
    String top = pages.get("novatrace.1");
    for (String command : root.getSubcommands().keySet()) {
      assertTrue(top.contains(".TP\n\\fB" + command + "\\fR\n"), command + " not listed:\n" + top);
      if (!command.equals("help")) {
        assertTrue(top.contains("\\fBnovatrace\\-" + command + "\\fR(1)"), command + ": no SEE ALSO");
      }
    }
  }

  @Test
  void inlineMarkupAndRoffSpecials() {
    assertEquals("[\\fB\\-\\-depth\\fR=\\fIN\\fR] [\\fB\\-\\-detail\\fR=\\fILEVEL\\fR]",
        ManPages.inline("[*--depth*=_N_] [*--detail*=_LEVEL_]"));
    assertEquals("nova_compute saves task_state", ManPages.inline("nova_compute saves task_state"));
    assertEquals("a *.py glob", ManPages.inline("a *.py glob"));
    assertEquals("\\fBtrace\\fR", ManPages.inline("xref:novatrace-trace.adoc[*trace*]"));
    assertEquals("Nova\\(aqs C:\\epath", ManPages.inline("Nova's C:\\path"));
    assertEquals("\\&.py files", ManPages.escape(".py files"));
  }

  @Test
  void theBuildWritesThePagesAndTheCompletionScript() throws IOException {
    ManPages.main(new String[] {tmp.toString(), "2026-01-01T00:00:00Z", "1.2.3"});
    String trace = Files.readString(tmp.resolve("man1/novatrace-trace.1"), StandardCharsets.UTF_8);
    assertTrue(trace.startsWith(".TH \"NOVATRACE\\-TRACE\" \"1\" \"2026-01-01\" \"novatrace 1.2.3\""),
        trace.lines().findFirst().orElse(""));
    assertEquals(CliRun.run("completion", "bash").out(),
        Files.readString(tmp.resolve("bash-completion/novatrace"), StandardCharsets.UTF_8));
  }
}
