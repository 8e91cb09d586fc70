package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Help wrapped at spaces only, each continuation under its column. */
class HelpWrapTest {
  private static final String URL = "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}";

  @Test
  void aListEntryContinuesTwoInUnderItsDescriptionAndNoWordIsCut() {
    String line = "      --source-url=URL      Link anchors to the source, e.g. " + URL
        + " (oslo.config's ~/.cache/novatrace/parse rules).";
    assertEquals("      --source-url=URL      Link anchors to the source, e.g.\n"
        + "                              " + URL + "\n"
        + "                              (oslo.config's ~/.cache/novatrace/parse rules).",
        HelpWrap.wrap(line, -2));
  }

  @Test
  void textContinuesAtItsOwnColumnAndAShortLineIsKept() {
    String para = "  " + "word ".repeat(20).strip();
    assertEquals("  " + "word ".repeat(15).strip() + "\n  " + "word ".repeat(5).strip(),
        HelpWrap.wrap(para, -1));
    assertEquals("  -h, --help   Show this help.", HelpWrap.wrap("  -h, --help   Show this help.",
        -2));
  }

  @Test
  void everyLineOfEveryCommandsHelpFitsOrIsOneWord() {
    var cli = Main.commandLine();
    for (var sub : cli.getSubcommands().values()) {
      StringWriter text = new StringWriter();
      sub.usage(new PrintWriter(text));
      for (String l : text.toString().lines().toList()) {
        assertTrue(l.length() <= HelpWrap.WIDTH || !l.strip().contains(" "),
            sub.getCommandName() + ": " + l);
      }
    }
  }
}
