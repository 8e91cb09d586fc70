package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.testing.MiniNova;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output does not depend on the machine: a Turkish locale (dotless i), a far time zone and a
 * Latin-1 default encoding give the same bytes as a plain run.
 */
class LocaleProofTest {

  private static final List<String> FAR_AWAY = List.of("-Duser.language=tr", "-Duser.country=TR",
      "-Duser.timezone=Pacific/Kiritimati", "-Dfile.encoding=ISO-8859-1");

  @TempDir Path tmp;

  @Test
  void renderInASubprocessUnderTurkishLocaleGivesTheSameBytes() throws Exception {
    for (String format : List.of("svg", "png", "puml", "mermaid")) {
      String[] args = {"render", Fixtures.VALID.toString(), "--format", format};
      Path here = tmp.resolve("here-" + format);
      Path there = tmp.resolve("there-" + format);
      runHere(args, here);
      runInSubprocess(args, there);
      assertSameFiles(here, there);
    }
  }

  @Test
  void traceInASubprocessUnderTurkishLocaleGivesTheSameBytes() throws Exception {
    String[] args = {"trace", "--nova", MiniNova.ROOT.toString(), "--all",
        "--format", "wsd,json,svg,puml,mermaid"};
    runHere(args, tmp.resolve("here"));
    runInSubprocess(args, tmp.resolve("there"));
    assertSameFiles(tmp.resolve("here"), tmp.resolve("there"));
  }

  /** In-process callers (tests, other tools) do not go through Main: the renderer guards itself. */
  @Test
  void rendererIsLocaleProofInProcess() throws Exception {
    List<byte[]> plain = new ArrayList<>();
    for (Path f : Fixtures.valid().toList()) {
      plain.add(DiagramOutput.render(Fixtures.read(f), Format.SVG).bytes());
    }
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      List<Path> files = Fixtures.valid().toList();
      for (int i = 0; i < files.size(); i++) {
        assertArrayEquals(plain.get(i),
            DiagramOutput.render(Fixtures.read(files.get(i)), Format.SVG).bytes(),
            files.get(i).toString());
      }
      assertEquals("tr-TR", Locale.getDefault().toLanguageTag(), "default restored after render");
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  private static void runHere(String[] args, Path out) {
    StringWriter err = new StringWriter();
    int code = Main.run(withOutput(args, out), new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  private static void runInSubprocess(String[] args, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(FAR_AWAY);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(withOutput(args, out)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
  }

  private static String[] withOutput(String[] args, Path out) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-o", out.toString()));
    return all.toArray(String[]::new);
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    List<Path> names = list(a);
    assertEquals(names, list(b));
    for (Path name : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)),
          name.toString());
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::getFileName).sorted().toList();
    }
  }
}
