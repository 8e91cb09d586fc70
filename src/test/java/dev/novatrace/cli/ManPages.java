package dev.novatrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool (run by Maven in prepare-package, from the test classpath, so picocli-codegen
 * never ships): writes the man pages and the bash completion script that the packages install.
 *
 * <p>picocli's {@link ManPageGenerator} writes each page as AsciiDoc in its manpage doctype;
 * {@link #roff} turns that template (sections, paragraphs, definition lists, literal blocks,
 * bold, italic, cross-references) into man(7) roff, so no Asciidoctor (a Ruby runtime) is needed.
 *
 * <pre>ManPages OUT_DIR DATE VERSION</pre> writes {@code OUT_DIR/man1/novatrace.1}, one
 * {@code novatrace-COMMAND.1} per command but help, and {@code OUT_DIR/bash-completion/novatrace}.
 * DATE (YYYY-MM-DD, the build's fixed timestamp) goes in each page's header, so the pages are
 * the same bytes for the same sources; VERSION is the project's (the jar's manifest is not on
 * the classpath Maven runs this with).
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ManPages OUT_DIR DATE VERSION");
    }
    Path out = Path.of(args[0]);
    String date = args[1].length() >= 10 ? args[1].substring(0, 10) : args[1];
    CommandLine root = Main.commandLine();
    String version = "novatrace " + args[2];
    Path man1 = Files.createDirectories(out.resolve("man1"));
    for (Map.Entry<String, String> page : pages(root, version, date).entrySet()) {
      Files.writeString(man1.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
    Path completion = Files.createDirectories(out.resolve("bash-completion"));
    Files.writeString(completion.resolve("novatrace"),
        CompletionCommand.script(CompletionCommand.Shell.bash, root), StandardCharsets.UTF_8);
  }

  /**
   * File name to roff: the root's page, which ends by naming the others, and one per command but
   * {@code help}.
   */
  static Map<String, String> pages(CommandLine root, String version, String date) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    for (CommandLine sub : root.getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue;
      }
      String name = root.getCommandName() + "-" + sub.getCommandName();
      others.add("\\fB" + escape(name) + "\\fR(1)");
      out.put(name + ".1", roff(asciidoc(sub), version, date));
    }
    String top = roff(asciidoc(root), version, date) + ".SH \"SEE ALSO\"\n"
        + String.join(",\n", others) + "\n";
    Map<String, String> all = new LinkedHashMap<>();
    all.put(root.getCommandName() + ".1", top);
    all.putAll(out);
    return all;
  }

  static String asciidoc(CommandLine cl) {
    StringWriter s = new StringWriter();
    try (PrintWriter w = new PrintWriter(s)) {
      ManPageGenerator.writeSingleManPage(w, cl.getCommandSpec());
    }
    return s.toString();
  }

  private static final Pattern TITLE = Pattern.compile("^= (\\S+)\\((\\d)\\)$");
  private static final Pattern SECTION = Pattern.compile("^== (.+)$");
  private static final Pattern TERM = Pattern.compile("^(.*\\S)::$");
  private static final Pattern XREF = Pattern.compile("xref:[^\\[\\s]*\\[([^\\]]*)\\]");
  private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S|\\S.*?\\S)\\*(?![\\w*])");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(\\S|\\S.*?\\S)_(?![\\w_])");

  /** picocli's manpage AsciiDoc as man(7) roff. */
  static String roff(String asciidoc, String version, String date) {
    StringBuilder out = new StringBuilder();
    String manual = "Novatrace Manual";
    List<String> paragraph = new ArrayList<>();
    boolean literal = false;
    boolean inTerm = false;
    boolean hardBreaks = false;
    for (String raw : asciidoc.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.startsWith("//") && !literal) {
        continue;
      }
      if (line.startsWith(":") && !literal) {
        if (line.startsWith(":manmanual: ")) {
          manual = line.substring(":manmanual: ".length()).strip();
        }
        continue;
      }
      if (line.equals("----") || line.equals("....")) {
        flush(out, paragraph);
        out.append(literal ? ".fi\n.RE\n" : ".RS 4\n.nf\n");
        literal = !literal;
        continue;
      }
      if (literal) {
        out.append(escape(line)).append('\n');
        continue;
      }
      if (line.equals("[%hardbreaks]")) {
        // The next block keeps its lines (picocli's footers: the exit codes).
        flush(out, paragraph);
        hardBreaks = true;
        out.append(".RS 4\n.nf\n");
        continue;
      }
      if (hardBreaks) {
        if (line.isBlank()) {
          out.append(".fi\n.RE\n");
          hardBreaks = false;
        } else {
          out.append(inline(line.strip())).append('\n');
        }
        continue;
      }
      Matcher m;
      if ((m = TITLE.matcher(line)).matches()) {
        out.append(".TH \"").append(escape(m.group(1)).toUpperCase(Locale.ROOT)).append("\" \"")
            .append(m.group(2)).append("\" \"").append(date).append("\" \"").append(escape(version))
            .append("\" \"").append(escape(manual)).append("\"\n")
            .append(".nh\n.ad l\n");
      } else if ((m = SECTION.matcher(line)).matches()) {
        flush(out, paragraph);
        inTerm = false;
        String title = m.group(1).strip();
        title = title.endsWith(":") ? title.substring(0, title.length() - 1) : title;
        out.append(".SH \"").append(escape(title).toUpperCase(Locale.ROOT)).append("\"\n");
      } else if ((m = TERM.matcher(line)).matches()) {
        flush(out, paragraph);
        inTerm = true;
        out.append(".TP\n").append(inline(m.group(1))).append('\n');
      } else if (line.equals("+")) {
        flush(out, paragraph);
        out.append(".sp\n");
      } else if (line.isBlank()) {
        if (!paragraph.isEmpty()) {
          flush(out, paragraph);
          inTerm = false;
        }
      } else if (paragraph.isEmpty() && raw.startsWith(" ") && !inTerm) {
        // An indented line that starts a block is literal in AsciiDoc (picocli's footers).
        out.append(".RS 4\n.nf\n").append(escape(line.strip())).append("\n.fi\n.RE\n");
      } else {
        if (paragraph.isEmpty() && !inTerm) {
          out.append(".PP\n");
        }
        paragraph.add(line.strip());
      }
    }
    flush(out, paragraph);
    if (hardBreaks || literal) {
      out.append(".fi\n.RE\n");
    }
    return out.toString();
  }

  private static void flush(StringBuilder out, List<String> paragraph) {
    if (!paragraph.isEmpty()) {
      out.append(inline(String.join(" ", paragraph))).append('\n');
      paragraph.clear();
    }
  }

  /** Bold, italic and cross-references of one line of text, its roff specials escaped. */
  static String inline(String text) {
    String s = XREF.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    s = escape(s);
    s = BOLD.matcher(s).replaceAll(r -> Matcher.quoteReplacement("\\fB" + r.group(1) + "\\fR"));
    s = ITALIC.matcher(s).replaceAll(r -> Matcher.quoteReplacement("\\fI" + r.group(1) + "\\fR"));
    return s;
  }

  /** Text safe in roff: backslashes and minus signs as themselves, no control line by accident. */
  static String escape(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-").replace("'", "\\(aq");
    return s.startsWith(".") ? "\\&" + s : s;
  }
}
