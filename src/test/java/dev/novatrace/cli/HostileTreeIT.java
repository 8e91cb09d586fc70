package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.Trees;
import dev.novatrace.testing.XmlCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree and diagrams written by someone hostile, run through the built jar as CI would run it on
 * a change under review: names that climb out of the output folder or carry markup, links that
 * leave the tree, labels with control characters, {@code ]]>} and HTML. Whatever the command, no
 * file outside its output folder changes, nothing from outside the tree is read (its markers
 * appear nowhere), stderr holds no raw control character, every SVG is well-formed XML and the
 * exit code is one of 0, 1, 2.
 */
class HostileTreeIT {

  /** In a file outside the tree that a link inside it points to. */
  private static final String SECRET = "SECRET_MARKER_7f3a";

  /** In the environment of the run, which /proc/self/environ would show. */
  private static final String ENV_SECRET = "ENV_MARKER_91c2";

  private static final String ESC = "\u001b";

  @TempDir static Path base;
  static Path victim;
  static Path tree;
  static Path diagrams;
  static Map<String, String> before;

  @BeforeAll
  static void hostileInputs() throws Exception {
    victim = Files.createDirectories(base.resolve("victim"));
    Files.writeString(victim.resolve("secret.py"), SECRET + " = 1\n");
    Files.writeString(victim.resolve("secret.wsd"), "A->B: " + SECRET + "\n");
    tree = Trees.copy(MiniNova.ROOT, base.resolve("tree"));
    String climb = "../".repeat(30) + base.resolve("victim/pwned_rel").toString().substring(1);
    replace("nova/api/openstack/compute/pause_server.py", "@wsgi.action('pause')",
        "@wsgi.action('" + climb + "')");
    replace("nova/api/openstack/compute/servers.py", "@wsgi.action('os-stop')",
        "@wsgi.action('" + victim.resolve("pwned_abs") + "')");
    replace("nova/api/openstack/compute/servers.py", "@wsgi.action('os-start')",
        "@wsgi.action('unpause\"><svg onload=alert(2)>')");
    // A notification name with raw control characters, a CDATA end and HTML: a label.
    replace("nova/compute/manager.py", "'pause.start'",
        "'pause" + ESC + "[31m]]>\u000b<img src=x onerror=alert(1)>" + ESC + "]0;title\u0007'");
    Path nova = tree.resolve("nova");
    Files.createSymbolicLink(nova.resolve("leak.py"), victim.resolve("secret.py"));
    Files.createSymbolicLink(nova.resolve("environ.py"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(nova.resolve("rootlink"), Path.of("/"));
    Files.createSymbolicLink(nova.resolve("proclink"), Path.of("/proc"));

    diagrams = Files.createDirectories(base.resolve("diagrams"));
    Files.writeString(diagrams.resolve("evil.wsd"), "title t " + ESC + "[2J ]]> \u0000\n"
        + "A->B: x ]]>\u000b <img src=x onerror=alert(1)>" + ESC + "[31m\n"
        + "note over A: <script>alert(1)</script>\n");
    Files.writeString(diagrams.resolve("bad" + "\"><svg onload=alert(3)>.wsd"),
        "A-" + ESC + "[31m>B\n");
    Files.createSymbolicLink(diagrams.resolve("x.wsd"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(diagrams.resolve("p.wsd"), victim.resolve("secret.wsd"));
    Files.createSymbolicLink(diagrams.resolve("root"), Path.of("/"));
    before = snapshot();
  }

  private static void replace(String file, String from, String to) throws IOException {
    Path p = tree.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " lacks " + from);
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void traceWritesEveryFileInsideItsFolder() throws Exception {
    Path out = base.resolve("out-trace");
    JvmRun r = run("trace", "--nova", tree.toString(), "--all", "-o", out.toString(), "--format",
        "wsd,json,svg,puml,mermaid,seqdiag");
    checkRun(r, out);
    List<String> names = list(out).stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("unpause-svg-onload-alert-2.svg"), names.toString());
    assertTrue(names.stream().anyMatch(f -> f.endsWith("victim-pwned-rel.wsd")), names.toString());
    assertTrue(names.stream().anyMatch(f -> f.endsWith("victim-pwned-abs.wsd")), names.toString());
    assertTrue(r.err().contains("symbolic link to a place outside the folder"), r.err());
  }

  @Test
  void siteKeepsNamesAndLabelsInert() throws Exception {
    Path out = base.resolve("out-site");
    JvmRun r = run("site", "--nova", tree.toString(), "-o", out.toString());
    checkRun(r, out);
    for (Path page : list(out)) {
      if (page.toString().endsWith(".html")) {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(html.contains("<svg onload") || html.contains("<img src=x"), page.toString());
      }
    }
  }

  @Test
  void renderAndDriftReadNoLinkThatLeavesTheFolder() throws Exception {
    Path out = base.resolve("out-render");
    checkRun(run("render", diagrams.toString(), "-o", out.toString(), "--format", "svg"), out);
    for (String format : List.of("text", "markdown", "json", "sarif")) {
      JvmRun r = run("drift", diagrams.toString(), "--nova", tree.toString(), "--format", format);
      checkRun(r, null);
      if (format.equals("markdown")) {
        assertFalse(r.out().contains("<img") || r.out().contains("<script"), r.out());
      }
    }
  }

  @Test
  void diffReportsKeepLabelsInert() throws Exception {
    Path out = base.resolve("out-diff");
    JvmRun r = run("diff", "--from", MiniNova.ROOT.toString(), "--to", tree.toString(), "--all",
        "-o", out.toString(), "--format", "markdown");
    checkRun(r, out);
    for (Path f : list(out)) {
      String md = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(md.contains("<img") || md.contains(ESC), f.toString());
    }
  }

  private static JvmRun run(String... args) {
    return JvmRun.jarWithEnvironment(Map.of("NOVATRACE_TEST_SECRET", ENV_SECRET), base, args);
  }

  /** What must hold after any command; {@code out} is its output folder, if it has one. */
  private static void checkRun(JvmRun r, Path out) throws Exception {
    assertTrue(Set.of(0, 1, 2).contains(r.code()), r.toString());
    assertFalse(r.stackTrace(), r.toString());
    assertEquals(before, snapshot(), "a file outside the output folders changed: " + r);
    assertFalse(Files.exists(Path.of("/tmp/pwned_traversal")) || Files.exists(victim.resolve(
        "pwned_abs.wsd")));
    for (String stream : List.of(r.err(), r.out())) {
      assertFalse(stream.contains(SECRET) || stream.contains(ENV_SECRET), r.toString());
      assertTrue(stream.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f),
          "a raw control character was printed: " + r);
    }
    if (out == null) {
      return;
    }
    for (Path f : list(out)) {
      String text = Files.readString(f, StandardCharsets.ISO_8859_1);
      assertFalse(text.contains(SECRET) || text.contains(ENV_SECRET), f.toString());
      assertFalse(text.contains(ESC), "raw ESC in " + f);
      if (f.toString().endsWith(".svg")) {
        XmlCheck.wellFormed(f);
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Every file below the test's folder but the output folders, by path and SHA-256. */
  private static Map<String, String> snapshot() throws Exception {
    Map<String, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(base)) {
      s.filter(p -> !base.relativize(p).toString().startsWith("out-"))
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              || Files.isSymbolicLink(p) || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .forEach(files::add);
    }
    for (Path p : files) {
      String key = base.relativize(p).toString();
      if (Files.isSymbolicLink(p)) {
        out.put(key, "-> " + Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        out.put(key + "/", "dir");
      } else {
        out.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
