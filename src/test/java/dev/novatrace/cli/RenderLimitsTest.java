package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.novatrace.testing.JvmRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagrams PlantUML cannot draw: each is one line about that file, exit 1, and no picture, while
 * the other files still render. PlantUML draws its own failures as a picture of a stack trace and
 * logs the trace to standard error; neither may reach the user.
 */
class RenderLimitsTest {

  @TempDir Path tmp;

  private Path wsd(String name, String head, String repeated, int times, String tail)
      throws IOException {
    return Files.writeString(tmp.resolve(name), head + repeated.repeat(times) + tail);
  }

  /** Renders {@code bad} and a good file beside it; asserts only the good one is drawn. */
  private JvmRun renderBesideAGoodOne(Path bad, String format) throws IOException {
    Path good = Files.writeString(tmp.resolve("good.wsd"), "a->b: hello\n");
    Path out = tmp.resolve("out-" + format);
    JvmRun r = JvmRun.run("render", bad.toString(), good.toString(), "-o", out.toString(),
        "--format", format);
    assertEquals(1, r.code(), r.toString());
    assertFalse(r.stackTrace(), r.toString());
    assertEquals(List.of(out.resolve("good." + format).toString()), r.out().lines().toList());
    assertEquals(1, r.errLines().size(), r.toString());
    return r;
  }

  @Test
  void twoThousandNestedActivationsAreRefusedBeforePlantUmlTries() throws IOException {
    Path bad = wsd("deep.wsd", "participant A\nparticipant B\n", "activate A\n", 2000, "A->B: x\n");
    for (String format : List.of("svg", "png")) {
      JvmRun r = renderBesideAGoodOne(bad, format);
      assertEquals(bad + ":103: 101 nested activations of A; PlantUML draws at most 100",
          r.errLines().get(0));
    }
  }

  @Test
  void aFailureInsidePlantUmlIsOneLineAndNoErrorPicture() throws IOException {
    // Eight activations of the sender make the arrow to its neighbour shorter than nothing:
    // PlantUML throws at XDimension2D.<init>, logs the trace and draws it as the picture.
    Path bad = wsd("crash.wsd", "participant A\nparticipant B\n", "activate A\n", 8, "A->B: x\n");
    for (String format : List.of("svg", "png")) {
      JvmRun r = renderBesideAGoodOne(bad, format);
      assertEquals(bad + ": PlantUML failed to draw it (IllegalArgumentException at"
          + " XDimension2D.<init>)", r.errLines().get(0));
    }
  }

  @Test
  void eachSizeLimitNamesTheLineAndTheLimit() throws IOException {
    String two = "participant A\nparticipant B\n";
    List<Object[]> cases = List.of(
        new Object[] {wsd("blocks.wsd", two, "alt c\n", 2000, "A->B: x\n"),
            ":503: blocks nested 501 deep; PlantUML draws at most 500"},
        new Object[] {wsd("long.wsd", two, "", 0, "A->B: " + "x".repeat(4000) + "\n"),
            ":3: a message of 4,000 characters; PlantUML draws at most 1,500 in one text"},
        new Object[] {wsd("many.wsd", two, "A->B: x\n", 20_000, ""),
            ":10003: over 10,000 messages, notes and blocks; PlantUML draws at most that many in"
                + " one picture"},
        new Object[] {wsd("wide.wsd", "", "participant P\n", 0, participants(3000)),
            ": 3,000 participants; PlantUML draws at most 300 side by side"},
        new Object[] {wsd("stars.wsd", two, "", 0, "A->B: " + "*".repeat(1400) + "\n"),
            ": a text too long for PlantUML once escaped (7,009 characters on one line; it reads"
                + " at most 2,000)"});
    for (Object[] c : cases) {
      Path bad = (Path) c[0];
      CliRun r = CliRun.run("render", bad.toString(), "-o", tmp.resolve("out").toString());
      assertEquals(1, r.code(), r.err());
      assertEquals(List.of(bad + (String) c[1]), r.errLines());
      String name = bad.getFileName().toString().replace(".wsd", ".svg");
      assertFalse(Files.exists(tmp.resolve("out").resolve(name)), bad + " left a picture");
    }
  }

  private static String participants(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append("participant P").append(i).append('\n');
    }
    return s.append("P0->P1: x\n").toString();
  }
}
