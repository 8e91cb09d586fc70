package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .tar.gz {@code mvn package} makes, unpacked and run as a user would: its entries, the
 * launcher (arguments passed through untouched, java's exit code, JAVA_HOME else PATH, through a
 * link), and the jar away from any checkout, with the snapshots in the user's cache.
 */
class PackageIT {
  private static final String MINI = "src/test/resources/fixtures/trace/mini";

  @TempDir Path tmp;
  Path home;
  Path cache;

  /** Unpacks the tarball into a folder whose name has a space in it. */
  @BeforeEach
  void unpack() throws Exception {
    Path into = Files.createDirectories(tmp.resolve("opt dir"));
    run(List.of("tar", "-xzf", tarball().toString(), "-C", into.toString()), Map.of(), 0);
    try (Stream<Path> s = Files.list(into)) {
      home = s.findFirst().orElseThrow();
    }
    cache = tmp.resolve("cache");
  }

  static Path tarball() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      List<Path> found = s.filter(p -> p.getFileName().toString().matches("novatrace-.+\\.tar\\.gz"))
          .toList();
      assertEquals(1, found.size(), "one target/novatrace-VERSION.tar.gz (run mvn package): " + found);
      return found.get(0).toAbsolutePath();
    }
  }

  @Test
  void theTarballHoldsTheLauncherTheJarTheManPagesAndTheCompletion() throws Exception {
    String listing = run(List.of("tar", "-tvzf", tarball().toString(), "--full-time"), Map.of(), 0)
        .out();
    List<String> names = new ArrayList<>();
    for (String line : listing.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      names.add(f[f.length - 1].substring(f[f.length - 1].indexOf('/') + 1));
      // Reproducible: every entry has the build's fixed time.
      assertEquals("2026-01-01", f[3], line);
      assertEquals("00:00:00", f[4], line);
      if (line.endsWith("/bin/novatrace")) {
        assertEquals("-rwxr-xr-x", f[0], line);
      }
    }
    List<String> expected = new ArrayList<>(List.of("bin/novatrace", "lib/novatrace.jar",
        "share/bash-completion/completions/novatrace", "share/man/man1/novatrace.1",
        "share/doc/novatrace/LICENSE", "share/doc/novatrace/README.md"));
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      if (!command.equals("help")) {
        expected.add("share/man/man1/novatrace-" + command + ".1");
      }
    }
    assertEquals(new TreeSet<>(expected), new TreeSet<>(names), listing);
    assertEquals(names.stream().sorted().toList(), names, "entries in order");
    assertArrayEquals(Files.readAllBytes(Path.of("target/novatrace.jar")),
        Files.readAllBytes(home.resolve("lib/novatrace.jar")));
  }

  /** A stand-in java prints each argument on its line and exits 7: the launcher adds nothing. */
  @Test
  void theLauncherPassesEveryArgumentUntouchedAndExitsWithJavasCode() throws Exception {
    Path fakeHome = Files.createDirectories(tmp.resolve("fake jdk/bin")).getParent();
    Path java = fakeHome.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nprintf '[%s]\\n' \"$@\"\nexit 7\n");
    assertTrue(java.toFile().setExecutable(true));
    List<String> args = List.of("trace", "--nova", "a b/c d", "", "*", "$HOME", "it's \"q\"", "-o");
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/novatrace").toString()));
    cmd.addAll(args);
    Run r = run(cmd, Map.of("JAVA_HOME", fakeHome.toString()), 7);
    // Its JVM options first (the parallel collector with a small young generation, the client
    // compiler, the class-data archive a first run writes: see the next test), then the jar.
    List<String> expected = new ArrayList<>(List.of("[-XX:+UseParallelGC]", "[-Xmn64m]",
        "[-XX:TieredStopAtLevel=1]", "[-jar]",
        "[" + home.toRealPath().resolve("lib/novatrace.jar") + "]"));
    args.forEach(a -> expected.add("[" + a + "]"));
    assertEquals(expected, withoutClassData(r.out()));
    // A heap the user bounds (JAVA_TOOL_OPTIONS, which java reads itself) gets the young
    // generation java sizes for it: a fixed 64 MB one would not fit in -Xmx64m.
    Run bounded = run(cmd, Map.of("JAVA_HOME", fakeHome.toString(), "JAVA_TOOL_OPTIONS",
        "-Xmx64m"), 7);
    List<String> withoutYoung = new ArrayList<>(expected);
    withoutYoung.remove("[-Xmn64m]");
    assertEquals(withoutYoung, withoutClassData(bounded.out()));
    // NOVATRACE_JAVA_OPTS replaces them; set empty, java's own defaults.
    Run own = run(cmd, Map.of("JAVA_HOME", fakeHome.toString(), "NOVATRACE_JAVA_OPTS",
        "-Xmx1g -Dx=1"), 7);
    assertEquals(List.of("[-Xmx1g]", "[-Dx=1]", "[-jar]"), own.out().lines().limit(3).toList());
    Run none = run(cmd, Map.of("JAVA_HOME", fakeHome.toString(), "NOVATRACE_JAVA_OPTS", ""), 7);
    assertEquals("[-jar]", none.out().lines().findFirst().orElse(""));
    // JAVA_HOME without a java: the one on PATH.
    Run fromPath = run(cmd, Map.of("JAVA_HOME", tmp.resolve("none").toString(),
        "PATH", fakeHome.resolve("bin") + ":/usr/bin:/bin"), 7);
    assertEquals(expected, withoutClassData(fromPath.out()));
  }

  /** The stand-in java's lines without the options of the class-data archive. */
  private static List<String> withoutClassData(String out) {
    return out.lines().filter(l -> !l.startsWith("[-XX:ArchiveClassesAtExit=")
        && !l.startsWith("[-XX:SharedArchiveFile=") && !l.equals("[-Xlog:disable]")).toList();
  }

  /**
   * A stand-in java that writes the archive it is asked to: the first run of a command that
   * reads a tree writes the class-data archive (beside its name, then renamed), later runs map
   * it; --version writes none, a failed run keeps none, and NOVATRACE_JAVA_OPTS leaves it out.
   */
  @Test
  void aFirstRunWritesTheClassDataArchiveThatLaterRunsUse() throws Exception {
    Path fakeHome = Files.createDirectories(tmp.resolve("cds jdk/bin")).getParent();
    Path java = fakeHome.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\ncode=0\nfor a; do printf '[%s]\\n' \"$a\"\n"
        + "  case $a in -XX:ArchiveClassesAtExit=*) echo cds > \"${a#*=}\" ;;"
        + " fail) code=2 ;; esac\ndone\nexit $code\n");
    assertTrue(java.toFile().setExecutable(true));
    String bin = home.resolve("bin/novatrace").toString();
    Map<String, String> env = Map.of("JAVA_HOME", fakeHome.toString());
    List<String> plain = List.of("-XX:+UseParallelGC", "-Xmn64m", "-XX:TieredStopAtLevel=1");
    Path cds = cache.resolve("novatrace/cds");
    assertEquals(plain, options(run(List.of(bin, "--version"), env, 0)));
    assertEquals(List.of(), archives(cds));
    run(List.of(bin, "trace", "fail"), env, 2);
    assertEquals(List.of(), archives(cds));
    List<String> first = options(run(List.of(bin, "trace", "x"), env, 0));
    List<Path> made = archives(cds);
    assertEquals(1, made.size(), made.toString());
    assertTrue(made.get(0).getFileName().toString().matches("[0-9-]+\\.jsa"), made.toString());
    assertEquals(5, first.size(), first.toString());
    assertTrue(first.get(3).matches("-XX:ArchiveClassesAtExit=" + Pattern.quote(
        made.get(0).toString()) + "\\.[0-9]+\\.partial"), first.toString());
    List<String> mapped = new ArrayList<>(plain);
    mapped.addAll(List.of("-XX:SharedArchiveFile=" + made.get(0), "-Xlog:disable"));
    assertEquals(mapped, options(run(List.of(bin, "--version"), env, 0)));
    Map<String, String> own = new HashMap<>(env);
    own.put("NOVATRACE_JAVA_OPTS", "-Xmx1g");
    assertEquals(List.of("-Xmx1g"), options(run(List.of(bin, "trace", "x"), own, 0)));
  }

  /** The options a stand-in java was given before {@code -jar}. */
  private static List<String> options(Run r) {
    List<String> out = new ArrayList<>();
    for (String l : r.out().lines().toList()) {
      if (l.equals("[-jar]")) {
        break;
      }
      out.add(l.substring(1, l.length() - 1));
    }
    return out;
  }

  private static List<Path> archives(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  @Test
  void noJavaAnywhereIsOneLineAndExit2() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run r = run(List.of("/bin/sh", home.resolve("bin/novatrace").toString(), "--version"),
        Map.of("JAVA_HOME", "", "PATH", empty.toString()), 2);
    assertEquals("novatrace: no java found: install Java 17 or later (apt install"
        + " openjdk-17-jre-headless), or set JAVA_HOME", r.err().strip());
  }

  @Test
  void theRealJarRunsThroughALinkWithAPathOfSpacesAndItsExitCodes() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("my bin"));
    Path link = Files.createSymbolicLink(bin.resolve("novatrace"), home.resolve("bin/novatrace"));
    Run version = run(List.of(link.toString(), "--version"), Map.of(), 0);
    assertTrue(version.out().startsWith("novatrace "), version.out());
    Path src = Files.createDirectories(tmp.resolve("a b"));
    Path bad = Files.writeString(src.resolve("it's bad.py"), "def (:\n");
    Run parse = run(List.of(link.toString(), "parse", bad.toString()), Map.of(), 1);
    assertTrue(parse.out().contains(bad + ":1:"), parse.out() + parse.err());
    Run unknown = run(List.of(link.toString(), "trase"), Map.of(), 2);
    assertTrue(unknown.err().startsWith("novatrace: unknown command 'trase'"), unknown.err());
  }

  /** Away from a checkout: the manifest comes from the jar, the snapshot from the user's cache. */
  @Test
  void awayFromACheckoutTheSnapshotsAreTheUsersCaches() throws Exception {
    Path snaps = cache.resolve("novatrace/nova-snapshots");
    Path snapshot = Files.createDirectories(snaps.resolve("34.0.0"));
    copy(Path.of(MINI).resolve("nova"), snapshot.resolve("nova"));
    Files.writeString(snapshot.resolve(".complete"), "version\t2:34.0.0-4\n");
    Run r = run(List.of(home.resolve("bin/novatrace").toString(), "actions", "--nova", "34.0.0"),
        Map.of(), 0);
    assertTrue(r.out().strip().endsWith(" actions in 34.0.0"), r.out() + r.err());
    assertArrayEquals(Files.readAllBytes(Path.of("nova-snapshots/manifest.tsv")),
        Files.readAllBytes(snaps.resolve("manifest.tsv")));
    assertTrue(Files.isRegularFile(snaps.resolve("fetch")));
    // The fetch script that runs there knows the same snapshots (and refuses an unknown one).
    Run fetch = run(List.of("bash", snaps.resolve("fetch").toString(), "1.0"), Map.of(), 2);
    assertTrue(fetch.err().contains("unknown snapshot '1.0'; known: 22.0.1 (victoria)"), fetch.err());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  record Run(int code, String out, String err) {}

  /**
   * Runs {@code cmd} in the temp folder (no checkout above it), with the user's cache there and no
   * {@code NOVATRACE_SNAPSHOTS}, {@code env} on top; asserts its exit code.
   */
  private Run run(List<String> cmd, Map<String, String> env, int expected) throws Exception {
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> e = pb.environment();
    e.remove("NOVATRACE_SNAPSHOTS");
    e.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.putAll(new HashMap<>(env));
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("did not finish: " + cmd);
    }
    Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    assertEquals(expected, r.code(), cmd + "\n" + r);
    return r;
  }
}
