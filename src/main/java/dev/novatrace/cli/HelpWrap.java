package dev.novatrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped at spaces only. picocli wraps where Java's line break rules allow, which
 * includes after a dot inside a word: {@code e.} / {@code g.}, {@code oslo.} / {@code config},
 * an example URL cut in three. So picocli lays each section out on lines as long as they come
 * (its columns kept), and this wraps them at {@link #WIDTH}: a continuation is indented as its
 * column is (an option's description two more, as picocli does), a word longer than the line
 * stays whole.
 */
final class HelpWrap {
  /** The width help is wrapped at: picocli's own default. */
  static final int WIDTH = 80;
  /** Wide enough that picocli breaks no line itself. */
  private static final int UNWRAPPED = 10_000;
  /** In a list, an entry's names (an option's, a command's), then two spaces or more. */
  private static final Pattern NAMES = Pattern.compile("^(\\s*\\S.*?\\s{2,})\\S");
  private static final Pattern STYLE = Pattern.compile("\u001B\\[[0-9;]*m");
  /** The sections laid out in columns: names, then a description. */
  private static final java.util.Set<String> LISTS = java.util.Set.of(
      UsageMessageSpec.SECTION_KEY_OPTION_LIST, UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
      UsageMessageSpec.SECTION_KEY_COMMAND_LIST, UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS);
  /** Continuations of a list: two further in than the description's column. */
  private static final int LIST = -2;
  /** Continuations of other text: as far in as the line. */
  private static final int TEXT = -1;

  private HelpWrap() {}

  /** Has {@code cli}'s help, and each of its subcommands', wrapped so. */
  static void apply(CommandLine cli) {
    cli.setUsageHelpWidth(UNWRAPPED);
    Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
    for (Map.Entry<String, IHelpSectionRenderer> e : sections.entrySet()) {
      IHelpSectionRenderer own = e.getValue();
      String key = e.getKey();
      e.setValue(help -> key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)
          ? synopsis(own.render(help), help)
          : wrap(own.render(help), LISTS.contains(key) ? LIST : TEXT));
    }
    cli.getSubcommands().values().forEach(HelpWrap::apply);
  }

  /**
   * A synopsis, which follows its heading ("Usage: ") on the first line and continues after
   * the command's name ("Usage: novatrace trace ").
   */
  private static String synopsis(String text, Help help) {
    int heading = help.commandSpec().usageMessage().synopsisHeading().replace("%n", "").length();
    int indent = heading + help.commandSpec().qualifiedName().length() + 1;
    return wrap(" ".repeat(heading) + text, indent).substring(heading);
  }

  /**
   * {@code text} with each line longer than {@link #WIDTH} broken at spaces; {@code indent}
   * is where every continuation starts, or {@link #LIST} or {@link #TEXT}.
   */
  static String wrap(String text, int indent) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(wrapLine(line, indent >= 0 ? indent : continuation(line, indent == LIST)));
    }
    return out.toString();
  }

  /** Where a line's continuation starts: under its description, or its text, plus two in a list. */
  private static int continuation(String line, boolean list) {
    String plain = STYLE.matcher(line).replaceAll("");
    int column = plain.length() - plain.stripLeading().length();
    if (list) {
      Matcher m = NAMES.matcher(plain);
      return (m.find() ? m.group(1).length() : column) + 2;
    }
    return column;
  }

  private static String wrapLine(String line, int indent) {
    if (visible(line) <= WIDTH) {
      return line;
    }
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    current.append(line, 0, lead);
    boolean empty = true;
    for (String word : line.substring(lead).split(" ", -1)) {
      if (word.isEmpty() && empty) {
        current.append(' '); // the columns' padding, kept as laid out
        continue;
      }
      if (!empty && visible(current) + 1 + visible(word) > WIDTH) {
        lines.add(current.toString().stripTrailing());
        current = new StringBuilder(" ".repeat(indent));
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = word.isEmpty() && empty;
    }
    lines.add(current.toString().stripTrailing());
    return String.join("\n", lines);
  }

  private static int visible(CharSequence s) {
    return STYLE.matcher(s).replaceAll("").length();
  }
}
