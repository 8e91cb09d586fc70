package dev.novatrace.cli;

import dev.novatrace.detail.Detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.MiniNova;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code novatrace trace} run in-process on the fixture tree. */
class TraceCommandTest {
  private static final String MINI = MiniNova.ROOT.toString();
  private static final String PARSE_WARNING =
      "novatrace: warning: nova/cmd/legacy_tool.py:3: invalid syntax: unexpected ':' (file skipped)";

  @TempDir Path tmp;

  private record Run(int code, String out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString().lines().toList());
  }

  @Test
  void misspelledActionExitsTwoNamingTheClosest() throws IOException {
    Run r = run("trace", "--nova", MINI, "--action", "pauze", "-o", tmp.toString());
    assertEquals(2, r.code());
    // The tree's unparsable file is warned about first; then one line says what is wrong.
    assertEquals(2, r.err().size(), r.err().toString());
    assertEquals(PARSE_WARNING, r.err().get(0));
    assertTrue(r.err().get(1).startsWith("novatrace: unknown action 'pauze'; closest: pause, "),
        r.err().get(1));
    assertEquals(0, Files.list(tmp).count(), "nothing written");
  }

  @Test
  void missingTreeExitsTwo() {
    Run r = run("trace", "--nova", "/tmp/nonexistent-novatrace-tree", "--action", "pause",
        "-o", tmp.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("novatrace: no such folder: /tmp/nonexistent-novatrace-tree"), r.err());
  }

  @Test
  void allWritesOneDiagramPerActionAndWarnsAboutTheBrokenFile() throws IOException {
    Path dir = tmp.resolve("out");
    Run r = run("trace", "--nova", MINI, "--all", "-o", dir.toString());
    assertEquals(0, r.code(), r.err().toString());
    assertEquals(List.of(PARSE_WARNING), r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("boot.wsd", "create-image.wsd", "delete.wsd", "list.wsd",
          "migrate-live.wsd", "pause.wsd", "rename.wsd", "start.wsd", "stop.wsd"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    // The default level of detail is standard.
    assertEquals(MiniNova.wsd(MiniNova.workspace(), "pause", Detail.STANDARD),
        Files.readString(dir.resolve("pause.wsd")));
    assertTrue(r.out().startsWith("traced 9 actions of "), r.out());
  }

  @Test
  void jsonFormatWritesTheTraceAsJson() throws IOException {
    Run r = run("trace", "--nova", MINI, "--action", "live-migrate", "--format", "json",
        "-o", tmp.toString());
    assertEquals(0, r.code(), r.err().toString());
    String json = Files.readString(tmp.resolve("live-migrate.json"));
    assertTrue(json.startsWith("{\"action\": \"migrate-live\", "), json);
    for (String key : List.of("\"steps\": [", "\"type\": \"cast\"", "\"to\": \"nova_compute_dest\"",
        "\"request\": \"os-migrateLive\"", "\"reply\": \"HTTP 202\"",
        // A save's fields as data: a computed value is marked so, a literal is not.
        "\"fields\": [{\"name\": \"host\", \"value\": \"host\", \"computed\": true}, "
            + "{\"name\": \"task_state\", \"value\": \"None\", \"computed\": false}]")) {
      assertTrue(json.contains(key), key);
    }
    assertBalanced(json);
  }

  /** Brackets and braces outside strings nest and close; strings close. */
  private static void assertBalanced(String json) {
    StringBuilder stack = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        stack.append(c);
      } else if (c == '}' || c == ']') {
        char open = c == '}' ? '{' : '[';
        assertTrue(stack.length() > 0 && stack.charAt(stack.length() - 1) == open,
            "unbalanced at " + i);
        stack.setLength(stack.length() - 1);
      }
    }
    assertEquals("", stack.toString(), "unclosed");
    assertTrue(!inString, "unclosed string");
  }
}
