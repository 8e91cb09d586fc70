package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.novatrace.testing.JsonFields.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.util.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code novatrace parse} end to end, in process: output formats and exit codes. */
class ParseCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void allGoodIsExitZeroWithASummary() throws IOException {
    write("pkg/a.py", "x = 1\ny = 2\n");
    write("pkg/b.py", "def f():\n    return 1\n");
    Run r = run("parse", dir.toString());
    assertEquals(0, r.code());
    assertTrue(r.out().matches("parsed 2 files, 4 lines in \\d+\\.\\d\\ds: 0 failed\\R"), r.out());
    assertEquals("", r.err());
  }

  /** One file, one line: said in the singular. */
  @Test
  void oneFileIsSaidInTheSingular() throws IOException {
    Run r = run("parse", write("one.py", "x = 1\n").toString());
    assertEquals(0, r.code());
    assertTrue(r.out().matches("parsed 1 file, 1 line in \\d+\\.\\d\\ds: 0 failed\\R"), r.out());
  }

  @Test
  void failuresAreListedByPathWithExitOne() throws IOException {
    Path z = write("z.py", "x = (\n");
    Path a = write("a.py", "ok = 1\nprint 'old'\n");
    write("m.py", "fine = True\n");
    Run r = run("parse", dir.toString());
    assertEquals(1, r.code());
    String[] lines = r.out().split("\\R");
    assertTrue(lines[0].startsWith("parsed 3 files, 4 lines in "), lines[0]);
    assertTrue(lines[0].endsWith(": 2 failed"), lines[0]);
    assertEquals(a + ":2:6: invalid syntax: unexpected ''old''", lines[1]);
    assertTrue(lines[2].startsWith(z + ":2:0: "), lines[2]);
    assertEquals(3, lines.length);
  }

  @Test
  void jsonFormatEscapesAndCountsEachFileOnce() throws IOException {
    Path q = write("q\"uote.py", "x = 'unterminated\n");
    write("good.py", "x = 1\n");
    Run r = run("parse", "--format", "json", dir.toString(), dir.resolve("good.py").toString());
    assertEquals(1, r.code());
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertEquals(List.of("files", "lines", "seconds", "failed"), names(json));
    assertEquals(2, json.get("files").asInt());
    assertEquals(2, json.get("lines").asInt());
    // Two places, as the text report has them (a double would print 0.1 or 0.123456).
    assertTrue(r.out().matches("(?s).*\"seconds\": \\d+\\.\\d\\d,\n.*"), r.out());
    // The quote in the path is escaped, so the path reads back as it is.
    assertEquals(Json.MAPPER.readTree("[{\"path\": " + Json.MAPPER.writeValueAsString(q.toString())
        + ", \"line\": 1, \"column\": 4, \"message\": \"unterminated string literal\"}]"),
        json.get("failed"));
  }

  @Test
  void singleFileArgumentWorks() throws IOException {
    Path f = write("one.py", "pass\n");
    Run r = run("parse", "--format", "json", f.toString());
    assertEquals(0, r.code());
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertEquals(1, json.get("files").asInt());
    assertEquals(1, json.get("lines").asInt());
    assertTrue(json.get("failed").isArray() && json.get("failed").isEmpty(), r.out());
    assertTrue(r.out().endsWith("}\n"), "one \\n after the JSON, whatever the OS: " + r.out());
  }

  @Test
  void missingPathIsAUsageErrorOnOneLine() {
    Run r = run("parse", dir.resolve("nope").toString());
    assertEquals(2, r.code());
    assertEquals("novatrace: no such file or directory: " + dir.resolve("nope") + System.lineSeparator(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badFormatIsAUsageError() {
    Run r = run("parse", "--format", "xml", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("novatrace: "), r.err());
  }
}
