package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A .py file too big to parse is that file's diagnostic; the others still parse. */
class FileLimitsTest {

  @TempDir Path tmp;

  private record Run(int code, List<String> out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().lines().toList(), err.toString());
  }

  /** About 6 MB of plain assignments: over a small limit, and too much for a tiny heap. */
  private Path bigTree() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("tree"));
    try (Writer w = Files.newBufferedWriter(dir.resolve("huge.py"))) {
      for (int i = 0; i < 150_000; i++) {
        w.write("x" + i + " = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
      }
    }
    Files.writeString(dir.resolve("ok.py"), "y = 1\n");
    return dir;
  }

  @Test
  void aFileOverTheLimitIsSkippedWithADiagnostic() throws Exception {
    Path dir = bigTree();
    long size = Files.size(dir.resolve("huge.py"));
    Run r = run("parse", dir.toString(), "--max-file-size", "1M");
    assertEquals(1, r.code(), r.err());
    assertEquals(dir.resolve("huge.py") + ":1:0: file is " + size
        + " bytes, over the limit of 1048576 (--max-file-size); skipped", r.out().get(1));
    assertEquals(0, run("parse", dir.resolve("ok.py").toString(), "--max-file-size", "6").code());
  }

  @Test
  void sizesTakeSuffixesAndRefuseNonsense() {
    ParseOptions.Converter c = new ParseOptions.Converter();
    assertEquals(8L << 20, c.convert("8M"));
    assertEquals(512L << 10, c.convert("512k"));
    assertEquals(1L << 30, c.convert("1g"));
    assertEquals(1000L, c.convert("1000"));
    for (String bad : List.of("0", "-1", "12x", "", "99999999999G")) {
      assertThrows(CommandLine.TypeConversionException.class, () -> c.convert(bad), bad);
    }
    Run r = run("parse", tmp.toString(), "--max-file-size", "lots");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("novatrace: Invalid value for option '--max-file-size': 'lots'"
        + " is not a size"), r.err());
  }

  /** In a JVM with a tiny heap the big file runs out of memory: a diagnostic, not a crash. */
  @Test
  void runningOutOfMemoryOnOneFileIsThatFilesDiagnostic() throws Exception {
    Path dir = bigTree();
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "parse", dir.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertEquals(1, p.waitFor(), lines.toString());
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("parsed 2 files,") && lines.get(0).endsWith("1 failed"),
        lines.toString());
    assertTrue(lines.get(1).startsWith(dir.resolve("huge.py")
        + ":1:0: out of memory while parsing ("), lines.get(1));
  }
}
