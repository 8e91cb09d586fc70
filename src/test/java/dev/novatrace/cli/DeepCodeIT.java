package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code as deep as the parser accepts, traced by the built jar: each case exits 0, 1 or 2 without
 * a stack trace, every action is still written, and the actions that never reach the deep code
 * are drawn exactly as from the untouched tree. These are the cases that once overflowed the
 * stack of the index, the tracer and a regular expression.
 */
class DeepCodeIT {

  private static final String IND = "        ";

  @TempDir static Path tmp;
  private static Path clean;

  @BeforeAll
  static void traceTheUntouchedTree() {
    Path tree = Trees.copy(dev.novatrace.testing.MiniNova.ROOT, tmp.resolve("clean/mini"));
    clean = tmp.resolve("clean/out");
    JvmRun r = JvmRun.jar(List.of(), "trace", "--nova", tree.toString(), "--all", "--format", "wsd",
        "-o", clean.toString());
    assertEquals(0, r.code(), r.toString());
  }

  private static String repeat(String item, String separator, int n) {
    return IntStream.range(0, n).mapToObj(i -> item).collect(Collectors.joining(separator));
  }

  /** Traces a mini tree whose pause() starts with {@code code}; checks what every case must. */
  private static JvmRun traceWithPause(String name, String code) throws IOException {
    Path tree = Trees.miniWithPause(tmp.resolve(name + "/mini"), code);
    return traceAndCompare(name, tree, true);
  }

  /**
   * Traces {@code tree}: exit 0, 1 or 2, no stack trace, every action written and, when
   * compute/api.py still parses ({@code parses}), those that never reach pause() as before.
   */
  private static JvmRun traceAndCompare(String name, Path tree, boolean parses) throws IOException {
    Path out = tmp.resolve(name + "/out");
    JvmRun r = JvmRun.jar(List.of(), "trace", "--nova", tree.toString(), "--all", "--format", "wsd",
        "-o", out.toString());
    assertTrue(Set.of(0, 1, 2).contains(r.code()), name + ": " + r);
    assertFalse(r.stackTrace(), name + ": " + r);
    assertEquals(Trees.files(clean), Trees.files(out), name + ": " + r);
    for (String file : parses ? Trees.files(clean) : List.<String>of()) {
      String before = withoutProvenance(clean.resolve(file));
      if (!before.toLowerCase(Locale.ROOT).contains("pause")) {
        assertEquals(before, withoutProvenance(out.resolve(file)), name + ": " + file);
      }
    }
    return r;
  }

  /**
   * The diagram without its first line, which names the tree's folder, and without the line
   * numbers of compute/api.py, which the injected code shifts.
   */
  private static String withoutProvenance(Path wsd) throws IOException {
    String text = Files.readString(wsd);
    return text.substring(text.indexOf('\n') + 1).replaceAll("compute/api\\.py:\\d+", "compute/api.py");
  }

  @Test
  void aCallChainOfFiveThousandLinks() throws IOException {
    StringBuilder chain = new StringBuilder(IND + "x = a");
    IntStream.range(0, 5000).forEach(i -> chain.append(".m").append(i).append("()"));
    assertEquals(0, traceWithPause("chain", chain + "\n").code());
  }

  @Test
  void aSumOfTwentyThousandTerms() throws IOException {
    assertEquals(0, traceWithPause("sum", IND + "x = " + repeat("a", " + ", 20_000) + "\n").code());
  }

  @Test
  void twentyThousandNestedListsCallsAndConditionals() throws IOException {
    int n = 20_000;
    assertEquals(0, traceWithPause("list", IND + "x = " + "[".repeat(n) + "]".repeat(n) + "\n").code());
    assertEquals(0, traceWithPause("call", IND + "x = " + "f(".repeat(n) + ")".repeat(n) + "\n").code());
    assertEquals(0, traceWithPause("conditional",
        IND + "x = " + repeat("a", " if b else ", n) + "\n").code());
  }

  @Test
  void twoThousandNestedBlocks() throws IOException {
    // Indented, they pass CPython's 100 levels: the file is refused as CPython refuses it.
    StringBuilder nested = new StringBuilder();
    String[] heads = {"if c:", "for x in y:", "try:", "with m:"};
    for (int i = 0; i < 2000; i++) {
      nested.append(IND).append("    ".repeat(i)).append(heads[i % 4]).append('\n');
    }
    nested.append(IND).append("    ".repeat(2000)).append("pass\n");
    JvmRun indented = traceAndCompare("blocks",
        Trees.miniWithPause(tmp.resolve("blocks/mini"), nested.toString()), false);
    assertEquals(1, indented.code());
    assertTrue(java.util.regex.Pattern.compile("nova/compute/api.py:\\d+: too many levels of"
        + " indentation").matcher(indented.err()).find(), indented.toString());
    // As an elif chain they are 2,000 nested blocks of the syntax tree, each branch a call.
    StringBuilder chain = new StringBuilder(IND + "if c0:\n" + IND + "    pass\n");
    for (int i = 1; i < 2000; i++) {
      chain.append(IND).append("elif c").append(i).append(":\n").append(IND)
          .append("    self.compute_rpcapi.pause_instance(context, instance)\n");
    }
    assertEquals(0, traceWithPause("elif", chain.toString()).code());
  }

  @Test
  void aModuleOfFiveThousandNestedIfsIsIndexed() throws IOException {
    Path tree = Trees.copy(dev.novatrace.testing.MiniNova.ROOT, tmp.resolve("module/mini"));
    StringBuilder chain = new StringBuilder("if c0:\n    pass\n");
    for (int i = 1; i < 5000; i++) {
      chain.append("elif c").append(i).append(":\n    def f").append(i).append("():\n        pass\n");
    }
    Files.writeString(tree.resolve("nova/deep.py"), chain);
    assertEquals(0, traceAndCompare("module", tree, true).code());
  }

  @Test
  void aLabelFromAHugeValueIsCutToAReadableLength() throws IOException {
    String items = IntStream.range(0, 20_000).mapToObj(i -> "task_states.X" + i)
        .collect(Collectors.joining(", "));
    String[] values = {"[" + items + "]", "'" + "ab(c[".repeat(200_000) + "'", "9".repeat(100_000)};
    for (int i = 0; i < values.length; i++) {
      String name = "label" + i;
      traceWithPause(name, IND + "instance.task_state = " + values[i] + "\n" + IND + "instance.save()\n");
      for (String line : Files.readAllLines(tmp.resolve(name + "/out/pause.wsd"))) {
        assertTrue(line.length() < 300, name + ": " + line.length() + " characters: "
            + line.substring(0, Math.min(100, line.length())));
      }
    }
  }
}
