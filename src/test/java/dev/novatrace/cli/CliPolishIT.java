package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.Trees;
import dev.novatrace.util.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, "A command people install and keep": every behaviour it lists (items 1 to 11), run
 * as a user runs it, on the built jar (or the launcher of the tarball) in a process of its own.
 * Each test names its item. The trees are the mini Nova tree and copies of it changed for the
 * item (a release's folder name, a reformatted condition, a renamed helper, a flavor action
 * named {@code create}), never the big snapshots. Every run is held to the exit codes (0 ok, 1
 * findings, 2 usage or input error, 3 internal), to what goes to standard output and what to
 * standard error, and to errors in our words: no Java class name, no stack trace.
 */
class CliPolishIT {
  private static final Path MINI = MiniNova.ROOT.toAbsolutePath();
  /** The one file of the mini tree that does not parse: a warning on every run that reads it. */
  private static final String WARNING = "novatrace: warning: nova/cmd/legacy_tool.py:3: invalid"
      + " syntax: unexpected ':' (file skipped)";
  /** The JVM options the launcher, bin/novatrace, gives the jar. */
  private static final List<String> LAUNCHER = List.of("-XX:+UseParallelGC", "-Xmn64m",
      "-XX:TieredStopAtLevel=1");
  private static final String SOURCE_URL =
      "https://opendev.org/openstack/nova/src/tag/{ref}/{path}#L{line}";
  private static final String TRACE_DASH = "novatrace: -o - writes one action in one text format"
      + " to standard output (give one --action and one --format other than png, without --all"
      + " or --clean)";
  private static final String RENDER_DASH = "novatrace: -o - writes one input in one text format"
      + " to standard output (give one file and one --format other than png)";
  /** 'ä' as bytes, for a shell's printf: a name that is not ASCII, written as UTF-8. */
  private static final String A_UMLAUT = "\\303\\244";
  /** How a report may show the bytes of 'ä': \xc3\xa4, \303\244, or the bytes as they are. */
  private static final String A_UMLAUT_SHOWN = "(\\\\x[cC]3\\\\x[aA]4|\\\\303\\\\244|\u00e4)";
  private static final Map<String, String> C_LOCALE = Map.of("LC_ALL", "C", "LANG", "C");

  @TempDir static Path shared;
  /** The mini tree whose compute manager's power_off_instance also casts start_instance. */
  static Path old31;
  /**
   * {@link #old31} changed: a policy renamed (pause), a step added under stop's two alts on
   * one cast flag, and code reformatted, white space only (boot's loop, delete's test).
   */
  static Path new34;
  /** The mini tree with pause's cast in an if/else and a helper of stop renamed. */
  static Path branched;
  /** The mini tree with a flavor action named {@code create}, as Nova's Mitaka has one. */
  static Path mitaka;

  @TempDir Path tmp;

  @BeforeAll
  static void trees() throws IOException {
    old31 = Trees.copy(MINI, shared.resolve("old/31.0.0"));
    edit(old31.resolve("nova/compute/manager.py"),
        "        self.driver.power_off(instance, self._handle_bad_volumes_detached)\n",
        "        self.driver.power_off(instance, self._handle_bad_volumes_detached)\n"
            + "        self.compute_rpcapi.start_instance(context, instance)\n");
    new34 = Trees.copy(old31, shared.resolve("new/34.0.0"));
    edit(new34.resolve("nova/compute/manager.py"), "for attempt in range(1, 4):",
        "for attempt in range(1,\n                             4):");
    edit(new34.resolve("nova/compute/manager.py"),
        "        instance.progress = 0\n        instance.save()\n        # The driver takes",
        "        instance.progress = 0\n        instance.save()\n"
            + "        self._notify_about_instance_usage(context, instance, 'power_off.now')\n"
            + "        # The driver takes");
    edit(new34.resolve("nova/compute/api.py"), "if not instance.host:",
        "if  not   instance.host :");
    edit(new34.resolve("nova/api/openstack/compute/pause_server.py"),
        "POLICY_ROOT % 'pause'", "POLICY_ROOT % 'pause-it'");

    branched = Trees.copy(MINI, shared.resolve("branched/to"));
    Path manager = branched.resolve("nova/compute/manager.py");
    String code = Files.readString(manager);
    assertTrue(code.contains("_notify_stop"), manager.toString());
    Files.writeString(manager, code.replace("_notify_stop", "_notify_power_off"));
    edit(branched.resolve("nova/compute/api.py"),
        "        self._record_action_start(context, instance, instance_actions.PAUSE)\n"
            + "        self.compute_rpcapi.pause_instance(context, instance)\n",
        "        self._record_action_start(context, instance, instance_actions.PAUSE)\n"
            + "        if instance.host:\n"
            + "            self.compute_rpcapi.pause_instance(context, instance)\n"
            + "        else:\n"
            + "            instance.destroy()\n");

    mitaka = Trees.copy(MINI, shared.resolve("mitaka/13.0.0"));
    Files.writeString(mitaka.resolve("nova/api/openstack/compute/flavor_manage.py"), """
        from nova.api.openstack import wsgi
        from nova import objects


        class FlavorManageController(wsgi.Controller):
            @wsgi.response(200)
            @wsgi.action("create")
            def _create(self, req, body):
                context = req.environ['nova.context']
                flavor = objects.Flavor(context=context)
                flavor.create()
                return flavor
        """);
    Path routes = mitaka.resolve("nova/api/openstack/compute/routes.py");
    edit(routes, "from nova.api.openstack.compute import migrate_server\n",
        "from nova.api.openstack.compute import flavor_manage\n"
            + "from nova.api.openstack.compute import migrate_server\n");
    edit(routes, "        migrate_server.MigrateServerController,\n",
        "        flavor_manage.FlavorManageController,\n"
            + "        migrate_server.MigrateServerController,\n");
  }

  // ------------------------------------------------------------------------------ item 1

  /**
   * issue 27, item 1: a tree given by path is named by its release (its folder's name, or its
   * package metadata), never by its path: the same tree traced from two folders gives the same
   * bytes in every format, the site's title names the release, and {@code --source-url}'s
   * {@code {ref}} takes {@code --ref} for such a tree.
   */
  @Test
  void aTreeGivenByPathIsNamedByItsReleaseNeverByItsPath() throws IOException {
    Path here = Trees.copy(MINI, tmp.resolve("one/place/31.0.0"));
    Path elsewhere = Files.createDirectories(tmp.resolve("another"));
    Trees.copy(MINI, elsewhere.resolve("31.0.0"));
    String formats = "wsd,json,puml,mermaid,seqdiag";
    JvmRun first = jar("trace", "--nova", here.toString(), "--action", "pause", "--format",
        formats, "-o", tmp.resolve("a").toString());
    // The other copy by a relative path to its nova/ folder, from another working folder.
    JvmRun second = JvmRun.jarWithEnvironment(Map.of(), elsewhere, "trace", "--nova",
        "31.0.0/nova", "--action", "pause", "--format", formats, "-o",
        tmp.resolve("b").toString());
    for (JvmRun r : List.of(first, second)) {
      assertOk(r);
      assertEquals(List.of(WARNING), r.errLines(), r::toString);
      assertTrue(r.out().startsWith("traced 1 action of "), r::toString);
    }
    List<String> files = Trees.files(tmp.resolve("a"));
    assertEquals(List.of("pause.dia", "pause.json", "pause.mmd", "pause.puml", "pause.wsd"), files);
    assertEquals(files, Trees.files(tmp.resolve("b")));
    for (String f : files) {
      byte[] bytes = Files.readAllBytes(tmp.resolve("a").resolve(f));
      assertArrayEquals(bytes, Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertFalse(text.contains(tmp.toString()) || text.contains("one/place")
          || text.contains("another/"), f + " names a machine's path:\n" + text);
      if (!f.endsWith(".json")) {
        assertTrue(text.contains(" · Nova 31.0.0 · pause · "), f + ":\n" + text);
      }
    }

    // The site's title, and no file of the site, names a path.
    Site site = site();
    assertTrue(Files.readString(site.dir().resolve("index.html"))
        .contains("<title>Nova 34.0.0 workflows</title>"), site.run()::toString);
    for (String f : Trees.files(site.dir())) {
      if (f.endsWith(".html") || f.endsWith(".wsd") || f.endsWith(".svg") || f.endsWith(".json")
          || f.endsWith(".mmd") || f.endsWith(".puml")) {
        String text = Files.readString(site.dir().resolve(f));
        assertFalse(text.contains(shared.toString()), f + " names a machine's path");
      }
    }

    // Package metadata beside the package names the release (Debian's *.egg-info/PKG-INFO), and
    // --ref gives {ref} for a tree given by path.
    Path checkout = Trees.copy(MINI, tmp.resolve("checkout"));
    Path info = Files.createDirectories(checkout.resolve("nova-28.0.0.egg-info"));
    Files.writeString(info.resolve("PKG-INFO"), "Metadata-Version: 1.2\nName: nova\n"
        + "Version: 28.0.0\n\nlong description\n");
    JvmRun linked = jar("trace", "--nova", checkout.toString(), "--action", "pause", "--format",
        "puml", "-o", "-", "--source-url", SOURCE_URL, "--ref", "abc1234");
    assertOk(linked);
    String puml = linked.out();
    assertTrue(puml.startsWith("@startuml\n' novatrace "), puml);
    assertTrue(puml.lines().skip(1).findFirst().orElse("")
        .endsWith(" · Nova 28.0.0 · pause · detail standard"), puml);
    assertTrue(puml.contains("[[https://opendev.org/openstack/nova/src/tag/abc1234/nova/compute/"
        + "api.py#L"), puml);
    assertFalse(puml.contains(tmp.toString()), puml);
    // Without --ref, {ref} is refused in one line that says to give it.
    JvmRun noRef = jar("trace", "--nova", here.toString(), "--action", "pause", "--source-url",
        SOURCE_URL, "-o", tmp.resolve("c").toString());
    assertErrorStarts(noRef, 2, "novatrace: --source-url: the template uses {ref} but no release"
        + " is known: give --ref");
    assertTrue(Files.notExists(tmp.resolve("c/pause.wsd")), "written before the error");
  }

  /**
   * issue 27, item 1: "name the release from the tree itself (nova/version.py, a PKG-INFO or
   * *.dist-info beside it, or a git describe of the ref)": a source distribution's PKG-INFO
   * beside nova/, and a git checkout at a tag, given by path.
   */
  @Test
  void aTreeGivenByPathIsNamedByItsSdistOrItsGitTag() throws IOException {
    Path sdist = Trees.copy(MINI, tmp.resolve("sdist"));
    Files.writeString(sdist.resolve("PKG-INFO"), "Metadata-Version: 1.2\nName: nova\n"
        + "Version: 29.1.0\n\n");
    JvmRun fromSdist = jar("trace", "--nova", sdist.toString(), "--action", "pause", "-o", "-");
    assertOk(fromSdist);
    assertTrue(fromSdist.out().lines().findFirst().orElse("").endsWith(" · Nova 29.1.0 · pause"
        + " · detail standard"), fromSdist::toString);
    Path checkout = gitRepo(tmp.resolve("checkout"), "27.0.0");
    JvmRun fromGit = jar("trace", "--nova", checkout.toString(), "--action", "pause", "-o", "-");
    assertOk(fromGit);
    assertTrue(fromGit.out().lines().findFirst().orElse("").endsWith(" · Nova 27.0.0 · pause"
        + " · detail standard"), fromGit::toString);
  }

  // ------------------------------------------------------------------------------ item 2

  /**
   * issue 27, item 2: installed with the README's one command from the tarball, the
   * {@code novatrace} launcher runs away from any checkout (the known releases from the jar, the
   * snapshot from the user's cache), and so does a bare copy of the jar.
   */
  @Test
  void installedFromTheTarballItRunsAwayFromACheckout() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path snapshots = home.resolve(".cache/novatrace/nova-snapshots");
    Path cached = snapshots.resolve("34.0.0");
    Trees.copy(MINI.resolve("nova"), cached.resolve("nova"));
    Files.writeString(cached.resolve(".complete"), "version\t2:34.0.0-4\n");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    // Java's user.home is the account's, whatever HOME says: the cache is named by XDG.
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("NOVATRACE_SNAPSHOTS", null);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // Should the cached snapshot not be taken, the fetch it would start fails rather than
    // downloading Nova.
    env.put("NOVATRACE_DEBIAN_MIRROR", "http://127.0.0.1:9/debian");

    String install = readme().lines().filter(l -> l.startsWith("mkdir -p ~/.local/opt"))
        .findFirst().orElseThrow(() -> new AssertionError("README: no install command"));
    JvmRun installed = exec(List.of("/bin/sh", "-c", install), Path.of("").toAbsolutePath(), env);
    assertEquals(0, installed.code(), installed::toString);
    Path command = home.resolve(".local/bin/novatrace");
    assertTrue(Files.isSymbolicLink(command) && Files.isExecutable(command), command.toString());

    Path away = Files.createDirectories(tmp.resolve("work"));
    JvmRun version = exec(List.of(command.toString(), "--version"), away, env);
    assertOk(version);
    assertTrue(version.out().matches("novatrace \\S+\n"), version::toString);
    JvmRun traced = exec(List.of(command.toString(), "trace", "--nova", "34.0.0", "--action",
        "pause", "-o", "-"), away, env);
    assertOk(traced);
    assertTrue(traced.out().matches("(?s)# novatrace \\S+ · Nova 34\\.0\\.0 · pause · detail"
        + " standard\ntitle pause\n.*"), traced::toString);
    assertArrayEquals(Files.readAllBytes(Path.of("nova-snapshots/manifest.tsv")),
        Files.readAllBytes(snapshots.resolve("manifest.tsv")), "the jar's manifest");

    Path copy = Files.createDirectories(tmp.resolve("elsewhere")).resolve("novatrace.jar");
    Files.copy(JvmRun.JAR, copy);
    JvmRun bare = exec(List.of(java(), "-jar", copy.toString(), "actions", "--nova", "34.0.0"),
        away, env);
    assertOk(bare);
    assertTrue(bare.out().endsWith(" actions in 34.0.0\n"), bare::toString);
    assertFalse(bare.err().contains("manifest.tsv"), bare::toString);
  }

  // ------------------------------------------------------------------------------ item 3

  /**
   * issue 27, item 3: {@code completion bash|zsh} prints a script bash completes with, the
   * tarball installs the same script and a man page per command, and another shell is a usage
   * error.
   */
  @Test
  void theCompletionAndTheManPagesComeWithTheCommand() throws IOException, InterruptedException {
    List<JvmRun> runs = jars(List.of("completion", "bash"), List.of("completion", "zsh"),
        List.of("completion", "fish"));
    JvmRun bash = runs.get(0);
    assertOk(bash);
    assertEquals("", bash.err());
    assertTrue(bash.out().startsWith("#!/usr/bin/env bash\n"), bash.out());
    Path script = Files.writeString(tmp.resolve("novatrace.bash"), bash.out());
    assertEquals(List.of("[trace]", "[--format]", "[bash zsh]"), completions(script,
        "novatrace tr", "novatrace trace --for", "novatrace completion "));
    JvmRun zsh = runs.get(1);
    assertOk(zsh);
    assertTrue(zsh.out().startsWith("# novatrace completion for zsh.") && zsh.out()
        .contains("bashcompinit") && zsh.out().endsWith(bash.out()), zsh.out());
    JvmRun fish = runs.get(2);
    assertUsageError(fish, "novatrace: ");
    assertTrue(fish.errLines().get(0).contains("fish") && fish.errLines().get(0).contains("bash")
        && fish.errLines().get(0).contains("zsh"), fish::toString);

    // What the tarball installs: the same script, and the man pages.
    Path tarball = PackageIT.tarball();
    JvmRun listing = exec(List.of("tar", "-tzf", tarball.toString()), tmp, Map.of());
    assertEquals(0, listing.code(), listing::toString);
    List<String> pages = new ArrayList<>(List.of("share/man/man1/novatrace.1"));
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      if (!command.equals("help")) {
        pages.add("share/man/man1/novatrace-" + command + ".1");
      }
    }
    for (String page : pages) {
      assertTrue(listing.out().contains("/" + page + "\n"), page + " in\n" + listing.out());
    }
    JvmRun shipped = exec(List.of("tar", "-xzOf", tarball.toString(), "--wildcards",
        "*/share/bash-completion/completions/novatrace"), tmp, Map.of());
    assertEquals(bash.out(), shipped.out());
    JvmRun unpacked = exec(List.of("tar", "-xzf", tarball.toString(), "-C", tmp.toString(),
        "--wildcards", "*/share/man/*"), tmp, Map.of());
    assertEquals(0, unpacked.code(), unpacked::toString);
    if (new File("/usr/bin/man").canExecute()) {
      Path page;
      try (Stream<Path> s = Files.walk(tmp)) {
        page = s.filter(p -> p.endsWith("share/man/man1/novatrace-trace.1")).findFirst()
            .orElseThrow();
      }
      JvmRun man = exec(List.of("man", "-P", "cat", "-l", page.toString()), tmp,
          Map.of("MANWIDTH", "80"));
      assertEquals(0, man.code(), man::toString);
      assertTrue(man.out().startsWith("NOVATRACE-TRACE(1)") && man.out().contains("--format")
          && man.out().contains("EXIT CODES"), man.out());
    }
  }

  // ------------------------------------------------------------------------------ item 4

  /**
   * issue 27, item 4: {@code -o -} writes one diagram in one text format to standard output,
   * the same bytes {@code -o DIR} writes, and creates no folder named '-'; anything more (two
   * formats, {@code --all}, two inputs, png) is a usage error; {@code -o /dev/stdout} is no
   * folder and says so.
   */
  @Test
  void dashIsStandardOutputForOneTextDiagramAndAUsageErrorOtherwise() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path one = Files.writeString(Files.createDirectories(tmp.resolve("in")).resolve("one.wsd"),
        "a->b: hello\n");
    Files.writeString(tmp.resolve("in/two.wsd"), "a->b: hi\n");
    List<JvmRun> runs = jarsIn(work,
        List.of("trace", "--nova", MINI.toString(), "--action", "pause", "-o", "-"),
        List.of("trace", "--nova", MINI.toString(), "--action", "pause", "-o",
            tmp.resolve("dir").toString()),
        List.of("render", one.toString(), "--format", "mermaid", "-o", "-"),
        List.of("trace", "--nova", MINI.toString(), "--action", "pause", "--format", "wsd,json",
            "-o", "-"),
        List.of("trace", "--nova", MINI.toString(), "--all", "-o", "-"),
        List.of("render", tmp.resolve("in").toString(), "--format", "puml", "-o", "-"),
        List.of("render", one.toString(), "--format", "png", "-o", "-"),
        List.of("trace", "--nova", MINI.toString(), "--action", "pause", "-o", "/dev/stdout"));
    JvmRun traced = runs.get(0);
    assertOk(traced);
    assertEquals(List.of(WARNING), traced.errLines());
    assertOk(runs.get(1));
    assertEquals(Files.readString(tmp.resolve("dir/pause.wsd")), traced.out());
    JvmRun rendered = runs.get(2);
    assertOk(rendered);
    assertEquals("", rendered.err());
    assertEquals("sequenceDiagram\nparticipant a\nparticipant b\n\na->>b: hello\n",
        rendered.out());
    assertError(runs.get(3), 2, TRACE_DASH);
    assertError(runs.get(4), 2, TRACE_DASH);
    assertError(runs.get(5), 2, RENDER_DASH);
    assertError(runs.get(6), 2, RENDER_DASH);
    assertError(runs.get(7), 2, "novatrace: cannot write to /dev/stdout: it is a file, not a"
        + " folder");
    assertEquals(List.of(), Trees.files(work), "written in the working folder");
    assertEquals(List.of("one.wsd", "two.wsd"), Trees.files(tmp.resolve("in")));
  }

  /**
   * issue 27, item 4: "-o - writes to stdout when exactly one diagram in one text format is asked
   * for; otherwise it is a usage error", in the other commands that take {@code -o}.
   */
  @Test
  void dashIsStandardOutputOrAUsageErrorInDiffSiteAndHistoryToo() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path repo = gitRepo(tmp.resolve("repo"), "27.0.0");
    List<JvmRun> runs = jarsIn(work,
        List.of("diff", "--from", MINI.toString(), "--to", branched.toString(), "--action",
            "pause"),
        List.of("diff", "--from", MINI.toString(), "--to", branched.toString(), "--action",
            "pause", "-o", "-"),
        List.of("site", "--nova", MINI.toString(), "--action", "pause", "-o", "-"),
        List.of("history", "--nova", repo.toString(), "--action", "pause", "-o", "-"));
    assertEquals(1, runs.get(0).code(), runs.get(0)::toString);
    assertEquals(1, runs.get(1).code(), runs.get(1)::toString);
    assertEquals(runs.get(0).out(), runs.get(1).out(), "the text diff on standard output");
    assertErrorStarts(runs.get(2), 2, "novatrace: -o - ");
    assertErrorStarts(runs.get(3), 2, "novatrace: -o - ");
    assertEquals(List.of(), Trees.files(work), "written in the working folder");
  }

  // ------------------------------------------------------------------------------ item 5

  /**
   * issue 27, item 5: under {@code LC_ALL=C}, a folder holding {@code päuse.wsd} (its name UTF-8
   * bytes) renders; the file named on the command line is one line, without Java's exception.
   */
  @Test
  void aNameThatIsNotUtf8RendersUnderTheCLocale() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    writeNamedInBytes(in, "p" + A_UMLAUT + "use.wsd", "a->b: hi\n");
    Files.writeString(in.resolve("ok.wsd"), "a->b: fine\n");
    Path out = tmp.resolve("out");
    JvmRun folder = JvmRun.jarWithEnvironment(C_LOCALE, tmp, "render", in.toString(), "-o",
        out.toString());
    assertOk(folder);
    assertEquals("", folder.err());
    assertEquals(List.of(out.resolve("ok.svg").toString(), out.resolve("p-use.svg").toString()),
        folder.out().lines().toList());
    assertTrue(Files.readString(out.resolve("p-use.svg")).contains(">hi</text>"));

    JvmRun named = exec(List.of("/bin/sh", "-c", "exec \"$0\" -jar \"$1\" render"
        + " \"$2/p$(printf '" + A_UMLAUT + "')use.wsd\" -o \"$3\"", java(),
        JvmRun.JAR.toAbsolutePath().toString(), in.toString(), tmp.resolve("named").toString()),
        tmp, C_LOCALE);
    assertUsageError(named, "novatrace: ");
    assertTrue(named.errLines().get(0).contains("cannot be held in this locale's character set")
        && named.errLines().get(0).contains("LC_ALL=C.UTF-8"), named::toString);
  }

  /**
   * issue 27, item 5: "Names are bytes: handle them and report them escaped": under
   * {@code LC_ALL=C} a file of a folder that does not render is named with its bytes escaped, and
   * so is a file named on the command line, never as U+FFFD or '?'.
   */
  @Test
  void aNameThatIsNotUtf8IsReportedEscaped() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    writeNamedInBytes(in, "b" + A_UMLAUT + "d.wsd", "a=>b: bad\n");
    writeNamedInBytes(in, "p" + A_UMLAUT + "use.wsd", "a->b: hi\n");
    JvmRun folder = JvmRun.jarWithEnvironment(C_LOCALE, tmp, "render", in.toString(), "-o",
        tmp.resolve("out").toString());
    assertEquals(1, folder.code(), folder::toString);
    assertNoJava(folder);
    assertEquals(1, folder.errLines().size(), folder::toString);
    assertTrue(Pattern.compile(Pattern.quote(in + "/b") + A_UMLAUT_SHOWN
        + Pattern.quote("d.wsd:1: not a valid line")).matcher(folder.err()).lookingAt(),
        folder::toString);
    JvmRun named = exec(List.of("/bin/sh", "-c", "exec \"$0\" -jar \"$1\" render"
        + " \"$2/p$(printf '" + A_UMLAUT + "')use.wsd\" -o \"$3\"", java(),
        JvmRun.JAR.toAbsolutePath().toString(), in.toString(), tmp.resolve("named").toString()),
        tmp, C_LOCALE);
    assertEquals(2, named.code(), named::toString);
    assertTrue(Pattern.compile(Pattern.quote(in + "/p") + A_UMLAUT_SHOWN + Pattern.quote("use.wsd"))
        .matcher(named.errLines().get(0)).find(), named::toString);
    for (JvmRun r : List.of(folder, named)) {
      assertFalse(r.err().contains("\uFFFD") || r.err().contains("??"), r::toString);
    }
  }

  // ------------------------------------------------------------------------------ item 6

  /**
   * issue 27, item 6: {@code diff} reads as {@code git diff} does: a stat first, hunks with
   * context, a changed label's words as {@code [-old-]{+new+}}, white space alone no change, a
   * step repeated under {@code alt cast} on both sides counted once, markdown as a fenced
   * {@code diff} block, {@code --stat} alone, and with {@code -o DIR --format svg} one line on
   * standard output.
   */
  @Test
  void diffReadsLikeGitDiff() throws IOException {
    String from = old31.toString();
    String to = new34.toString();
    Path svg = tmp.resolve("svg");
    List<JvmRun> runs = jars(List.of("diff", "--from", from, "--to", to, "--all"),
        List.of("diff", "--from", from, "--to", to, "--all", "--stat"),
        List.of("diff", "--from", from, "--to", to, "--action", "pause", "--format", "markdown"),
        List.of("diff", "--from", from, "--to", to, "--action", "pause", "stop", "--format", "svg",
            "-o", svg.toString()));
    for (JvmRun r : runs) {
      assertEquals(1, r.code(), r::toString);
      assertEquals(List.of(WARNING, WARNING), r.errLines(), r::toString);
      assertNoJava(r);
    }
    String stat = " pause | 2 +-\n stop  | 1 +\n 2 of 14 actions changed, 2 insertions(+),"
        + " 1 deletion(-)\n";
    String text = runs.get(0).out();
    // Boot's loop and delete's test, only reformatted, are not listed.
    assertTrue(text.startsWith(stat + "\npause: 14 steps in 31.0.0, 14 in 34.0.0; 0 added,"
        + " 0 removed, 1 changed, 0 anchors moved\n--- 31.0.0/pause\n+++ 34.0.0/pause\n"
        + "@@ -1,7 +1,7 @@\n"
        + " client->nova_api: pause\n"
        + " # nova/api/openstack/compute/pause_server.py _pause()\n"
        + " nova_api->database: Instance.get_by_uuid\n"
        + "~note over nova_api: check policy: [-os_compute_api:os-pause-server:pause-]"
        + "{+os_compute_api:os-pause-server:pause-it+}\n"
        + " # nova/compute/api.py pause()\n"), text);
    assertFalse(text.contains("boot") || text.contains("delete:") || text.contains(" delete "),
        text);
    // The note stop adds in power_off_instance stands under both sections of alt cast: two
    // lines of the hunks, one step added.
    assertTrue(text.contains("\nstop: 57 steps in 31.0.0, 59 in 34.0.0; 1 added, 0 removed,"
        + " 0 changed, 0 anchors moved\n"), text);
    assertEquals(2, text.split("\n\\+  note over nova_compute_src: notify: power_off.now\n", -1)
        .length - 1, text);
    assertTrue(text.contains("\n@@ -19,6 +19,7 @@ nova/compute/manager.py power_off_instance()\n"),
        text);
    assertEquals(stat, runs.get(1).out());
    String markdown = runs.get(2).out();
    assertTrue(markdown.contains("\n| pause | 14 | 14 | 0 | 0 | 1 | 0 |\n"), markdown);
    assertTrue(markdown.contains("\n```diff\n--- 31.0.0/pause\n+++ 34.0.0/pause\n@@ -1,7 +1,7 @@\n"
        + " client->nova_api: pause\n"), markdown);
    assertTrue(markdown.endsWith("\n```\n"), markdown);
    assertFalse(markdown.contains("\n- `"), "a bullet list of code spans:\n" + markdown);
    assertEquals("wrote 2 diff diagrams and summary.txt into " + svg + "\n", runs.get(3).out());
    assertEquals(List.of("pause.diff.svg", "stop.diff.svg", "summary.txt"), Trees.files(svg));
    assertTrue(Files.readString(svg.resolve("summary.txt")).startsWith(" pause | 2 +-\n"
        + " stop  | 1 +\n 2 of 2 actions changed, 2 insertions(+), 1 deletion(-)\n\n"
        + "pause: 14 steps in 31.0.0, "), "the text diff");
  }

  /**
   * issue 27, item 6: "An alt do_cast that repeats compute-side steps inflates the 'added'
   * count": on the mini tree, stop's {@code power_off_instance} runs under the call section of
   * {@code alt cast} and again after the reply under {@code opt cast}; a step added there is one.
   */
  @Test
  void aStepRepeatedUnderAltAndOptOnOneFlagCountsOnce() throws IOException {
    Path to = Trees.copy(MINI, tmp.resolve("notified"));
    edit(to.resolve("nova/compute/manager.py"),
        "        instance.progress = 0\n        instance.save()\n        # The driver takes",
        "        instance.progress = 0\n        instance.save()\n"
            + "        self._notify_about_instance_usage(context, instance, 'power_off.now')\n"
            + "        # The driver takes");
    JvmRun r = jar("diff", "--from", MINI.toString(), "--to", to.toString(), "--action", "stop");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.out().startsWith("stop: 36 steps in mini, 38 in notified; 1 added, 0 removed,"
        + " 0 changed, 0 anchors moved\n"), r::toString);
  }

  // ------------------------------------------------------------------------------ item 7

  /**
   * issue 27, item 7: the diff diagram keeps the README's promise: an added {@code else} is
   * marked {@code [+]} and drawn as the alt's second section, never a link nor a note, and a
   * moved anchor is said in one note, whatever the number of steps under it.
   */
  @Test
  void theDiffDiagramMarksItsStepsWithoutLinksOrStrayNotes() throws IOException {
    Path wsd = tmp.resolve("wsd");
    Path svg = tmp.resolve("svg");
    List<JvmRun> runs = jars(
        List.of("diff", "--from", MINI.toString(), "--to", branched.toString(), "--action",
            "pause", "stop", "--format", "wsd", "-o", wsd.toString()),
        List.of("diff", "--from", MINI.toString(), "--to", branched.toString(), "--action",
            "pause", "stop", "--format", "svg", "-o", svg.toString()));
    for (JvmRun r : runs) {
      assertEquals(1, r.code(), r::toString);
      assertEquals(List.of(WARNING, WARNING), r.errLines(), r::toString);
    }
    String pause = Files.readString(wsd.resolve("pause.diff.wsd"));
    assertTrue(pause.contains("\nalt [+] instance.host\n  # nova/compute/rpcapi.py"
        + " pause_instance()\n  nova_api->>nova_compute: pause_instance\nelse [+]"), pause);
    assertTrue(pause.contains("\n  nova_api->database: [+] Instance.destroy\nend\n"), pause);
    String drawn = Files.readString(svg.resolve("pause.diff.svg"));
    assertFalse(drawn.contains("href"), "a link in the diff diagram");
    // The else's label follows the dashed line that parts the alt's sections: not a note.
    assertTrue(Pattern.compile("stroke-dasharray:2,2;\"/><text [^>]*font-weight=\"700\">"
        + "\\[\\[\\+\\]\\]</text>").matcher(drawn).find(), "the else [+] as a section");
    String stop = Files.readString(wsd.resolve("stop.diff.wsd"));
    assertEquals(2, stop.split("# nova/compute/manager.py _notify_power_off\\(\\)\n", -1).length
        - 1, stop);
    assertEquals(1, stop.split("anchor moved: ", -1).length - 1, stop);
    assertTrue(stop.contains("note over nova_compute: anchor moved: nova/compute/manager.py"
        + " _notify_stop()\\n-> nova/compute/manager.py _notify_power_off()\n"), stop);
    assertFalse(Files.readString(svg.resolve("stop.diff.svg")).contains("href"));
  }

  // ------------------------------------------------------------------------------ item 8

  /**
   * issue 27, item 8: drift says each problem once, in the code's words: a misspelt RPC is one
   * finding, a state is written as the code writes it ({@code None}), a stale function anchor
   * gets the function of its file, a diagram named {@code create} anchored at boot's entry is
   * checked against boot (not the flavor action {@code create}), a state drawn from another
   * participant than the code's is one finding, and markdown counts only the diagrams reviewed.
   */
  @Test
  void driftSaysEachProblemOnceInTheCodesWords() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(dir.resolve("pause.wsd"), """
        title pause
        participant client
        participant nova_api
        participant nova_compute
        participant libvirt
        participant database

        client->nova_api: pause
        # nova/compute/api.py pause()
        nova_api->database: task_state = PAUSING
        nova_api->>nova_compute: pause_instances
        nova_api-->client: HTTP 202
        # nova/compute/manager.py pause_server()
        nova_compute->libvirt: pause
        libvirt->database: vm_state = PAUSED, task_state = NONE
        """);
    String create = """
        title create
        participant client
        participant nova_api
        participant nova_conductor
        participant nova_scheduler
        participant nova_compute
        participant libvirt
        participant database

        client->nova_api: POST /servers
        # ENTRY
        nova_api->>nova_conductor: schedule_and_build_instances
        nova_conductor->nova_scheduler: select_destinations
        nova_conductor->>nova_compute: build_and_run_instance
        nova_compute->database: vm_state = BUILDING, task_state = None
        nova_compute->database: task_state = SPAWNING
        nova_compute->libvirt: spawn
        libvirt->database: vm_state = ACTIVE, task_state = None
        nova_api-->client: HTTP 202
        """;
    Files.writeString(dir.resolve("create.wsd"),
        create.replace("ENTRY", "nova/api/openstack/compute/servers.py create()"));
    // Drawn by novatrace from Cinder: not reviewed against a Nova tree, nor counted.
    Files.writeString(dir.resolve("extend.wsd"), "# novatrace 0.1.0 · Cinder 29.0.0 · extend ·"
        + " detail standard\ntitle extend\nclient->cinder_api: extend\n");
    Path flavor = Files.createDirectories(tmp.resolve("flavor"));
    Files.writeString(flavor.resolve("create.wsd"),
        create.replace("ENTRY", "nova/api/openstack/compute/flavor_manage.py _create()"));
    String tree = mitaka.toString();
    List<JvmRun> runs = jars(List.of("drift", dir.toString(), "--nova", tree),
        List.of("drift", dir.toString(), "--nova", tree, "--format", "markdown"),
        List.of("drift", flavor.resolve("create.wsd").toString(), "--nova", tree));
    for (JvmRun r : runs) {
      assertEquals(1, r.code(), r::toString);
      assertEquals(List.of(WARNING), r.errLines(), r::toString);
      assertNoJava(r);
    }
    String pause = dir.resolve("pause.wsd").toString();
    String boot = dir.resolve("create.wsd").toString();
    assertEquals(List.of(
        boot + ":18: wrong-route: task_state = None, vm_state = ACTIVE is drawn from libvirt; the"
            + " trace of boot in 13.0.0 saves it in nova_compute (suggestion: draw it from"
            + " nova_compute (from nova/compute/manager.py _build_and_run_instance()))",
        pause + ":11: unknown-rpc: pause_instances is not an RPC method of nova_compute"
            + " (ComputeManager, ComputeAPI) (suggestion: pause_instance)",
        pause + ":13: missing-function: pause_server() is not defined in nova/compute/manager.py"
            + " (suggestion: nova/compute/manager.py pause_instance())",
        pause + ":15: wrong-route: task_state = None, vm_state = PAUSED is drawn from libvirt;"
            + " the trace of pause in 13.0.0 saves it in nova_compute (suggestion: draw it from"
            + " nova_compute (from nova/compute/manager.py pause_instance()))"),
        runs.get(0).out().lines().toList());
    assertTrue(runs.get(1).out().startsWith("## novatrace drift against 13.0.0\n\n4 findings in 2"
        + " diagrams.\n"), runs.get(1)::toString);
    // Anchored at the flavor action's entry, the same diagram is the flavor action's.
    assertFalse(runs.get(2).out().isEmpty(), runs.get(2)::toString);
    assertTrue(runs.get(2).out().lines().allMatch(l -> l.contains(" is not in the trace of create"
        + " in 13.0.0")), runs.get(2)::toString);
  }

  /**
   * issue 27, item 8: "A misspelled RPC is reported twice": one the trace does not have either
   * (a pause diagram's compute asking the conductor for {@code build_instances}, which the tree's
   * conductor does not offer; drift's own suggestion is {@code rebuild_instance}).
   */
  @Test
  void aMisspeltRpcTheTraceDoesNotHaveIsOneFinding() throws IOException {
    Path wsd = Files.writeString(tmp.resolve("pause.wsd"), "title pause\nclient->nova_api: pause\n"
        + "nova_api->>nova_compute: pause_instance\nnova_compute->nova_conductor:"
        + " build_instances\n");
    JvmRun r = jar("drift", wsd.toString(), "--nova", MINI.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.out().lines().filter(l -> l.startsWith(wsd + ":4: ")).count(),
        r::toString);
  }

  // ------------------------------------------------------------------------------ item 9

  /**
   * issue 27, item 9: errors in our words: a mistyped command is named as one (no picocli
   * "Unmatched arguments", no "Error:" prefix), a bad value names no Java class, render takes a
   * list of formats as trace does, and {@code paus} suggests {@code pause} first.
   */
  @Test
  void errorsAreSaidInOurWords() throws IOException {
    Path wsd = Files.writeString(tmp.resolve("d.wsd"), "a->b: x\n");
    Path out = tmp.resolve("out");
    List<JvmRun> runs = jars(List.of("trase", "--all"),
        List.of("render", "--format", "png,svgz", wsd.toString()),
        List.of("render", "--format", "png,svg", wsd.toString(), "-o", out.toString()),
        List.of("trace", "--nova", MINI.toString(), "--action", "paus", "-o",
            tmp.resolve("t").toString()),
        List.of("trace", "--bogus", "--nova", MINI.toString(), "--action", "pause"));
    JvmRun unknown = runs.get(0);
    assertUsageError(unknown, "novatrace: unknown command 'trase'");
    assertTrue(unknown.err().contains("(did you mean trace"), unknown::toString);
    assertFalse(unknown.err().contains("Unmatched") || unknown.err().contains("Error:"),
        unknown::toString);
    assertUsageError(runs.get(1), "novatrace: Invalid value for option '--format' (FORMAT):"
        + " unknown format 'svgz' (expected one of svg|png|puml|mermaid|wsd|seqdiag)");
    JvmRun both = runs.get(2);
    assertOk(both);
    assertEquals("", both.err());
    assertEquals(List.of(out.resolve("d.png").toString(), out.resolve("d.svg").toString()),
        both.out().lines().toList());
    assertErrorStarts(runs.get(3), 2, "novatrace: unknown action 'paus'; closest: pause, ");
    assertUsageError(runs.get(4), "novatrace: Unknown option: '--bogus'");
    for (JvmRun r : runs) {
      assertFalse(r.err().contains("Error:") || r.err().contains("novatrace: novatrace:"),
          r::toString);
    }
  }

  /**
   * issue 27, item 9: "Java class names in messages ((NoSuchFileException), ...)": an output
   * folder that cannot be created is said in words.
   */
  @Test
  void anOutputFolderThatCannotBeCreatedIsSaidWithoutAJavaClassName() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc");
    JvmRun r = jar("trace", "--nova", MINI.toString(), "--action", "pause", "-o", "/proc/x");
    assertErrorStarts(r, 2, "novatrace: cannot write to /proc/x: ");
  }

  /**
   * issue 27, item 9 (and the exit-code table every --help ends with: "2 usage or input error
   * (one line on stderr)"): a usage error picocli finds is one line too.
   */
  @Test
  void everyUsageErrorIsOneLine() {
    List<JvmRun> runs = jars(List.of("trase", "--all"),
        List.of("trace", "--nova", MINI.toString(), "--bogus"),
        List.of("render", "--format", "png,svgz", "x.wsd"), List.of("completion", "fish"));
    for (JvmRun r : runs) {
      assertEquals(2, r.code(), r::toString);
      assertEquals("", r.out());
      assertEquals(1, r.errLines().size(), r::toString);
      assertTrue(r.err().startsWith("novatrace: "), r::toString);
    }
  }

  // ------------------------------------------------------------------------------ item 10

  /**
   * issue 27, item 10: every --help lists {@code --debug} and the exit codes, parse's, actions'
   * and trace's exit 1 says nothing of drift, render's help names seqdiag and {@code .dia}
   * input, and no command at all is a usage error (the usage on standard error, exit 2).
   */
  @Test
  void helpIsCompleteAndNoCommandIsAUsageError() {
    List<String> commands = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
    commands.remove("help");
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("--help"));
    commands.forEach(c -> lines.add(List.of(c, "--help")));
    lines.add(List.of());
    List<JvmRun> runs = jarsIn(Path.of(""), lines);
    for (int i = 0; i < lines.size() - 1; i++) {
      JvmRun help = runs.get(i);
      String what = String.join(" ", lines.get(i));
      assertOk(help);
      assertEquals("", help.err(), what);
      String out = help.out();
      assertTrue(out.startsWith("Usage: novatrace"), what + ":\n" + out);
      String codes = out.substring(out.indexOf("\nExit codes:\n"));
      assertTrue(codes.contains("\n  0  ") && codes.contains("\n  2  usage or input error")
          && codes.contains("\n  3  internal error"), what + ":\n" + codes);
      assertTrue(out.contains("--debug"), what + " does not list --debug:\n" + out);
      if (lines.get(i).get(0).matches("parse|actions|trace")) {
        assertFalse(codes.contains("drift"), what + ":\n" + codes);
      }
    }
    String render = runs.get(1 + commands.indexOf("render")).out();
    assertTrue(render.contains("seqdiag") && render.contains(".dia"), render);
    JvmRun none = runs.get(runs.size() - 1);
    assertEquals(2, none.code(), none::toString);
    assertEquals("", none.out());
    assertTrue(none.err().startsWith("Usage: novatrace"), none::toString);
    assertTrue(none.err().contains("\nCommands:\n") && none.err().contains("\nExit codes:\n"),
        none::toString);
  }

  /** issue 27, item 10: "The example URL and words are broken across lines." */
  @Test
  void helpNeverBreaksAWordOrTheExampleUrl() {
    List<JvmRun> runs = jars(List.of("trace", "--help"), List.of("site", "--help"));
    for (JvmRun r : runs) {
      assertOk(r);
      String out = r.out();
      assertTrue(out.lines().anyMatch(l -> l.contains(SOURCE_URL)), "the URL whole:\n" + out);
      // A word the help holds once its lines are glued back must be on one line.
      String glued = out.replaceAll("\n +", "");
      for (String word : List.of("e.g.", "~/.cache/novatrace/parse", "oslo.config",
          "GROUP.OPTION=VALUE")) {
        assertFalse(glued.contains(word) && !out.contains(word),
            "'" + word + "' broken across lines:\n" + out);
      }
    }
  }

  // ------------------------------------------------------------------------------ item 11

  /**
   * issue 27, item 11: one rule for the streams, as the README says it: {@code actions --format
   * json} is one JSON document on standard output and nothing more; {@code parse} says "1 file"
   * and writes its failures, its findings, to standard output, nothing to standard error.
   */
  @Test
  void resultsAndFindingsGoToStandardOutputInWholeWords() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.py"), "x = (\n");
    Path good = Files.writeString(tmp.resolve("good.py"), "x = 1\n");
    List<JvmRun> runs = jars(List.of("actions", "--nova", MINI.toString(), "--format", "json"),
        List.of("parse", bad.toString()), List.of("parse", good.toString()));
    JvmRun actions = runs.get(0);
    assertOk(actions);
    assertEquals(List.of(WARNING), actions.errLines());
    try (JsonParser parser = Json.MAPPER.createParser(actions.out())) {
      JsonNode json = Json.MAPPER.readTree(parser);
      assertEquals(14, json.get("actions").size(), actions.out());
      assertNull(parser.nextToken(), "more than the JSON on standard output");
    }
    assertTrue(actions.out().endsWith("}\n"), actions.out());
    JvmRun failed = runs.get(1);
    assertEquals(1, failed.code(), failed::toString);
    assertEquals("", failed.err());
    List<String> out = failed.out().lines().toList();
    assertEquals(2, out.size(), failed::toString);
    assertTrue(out.get(0).matches("parsed 1 file, 1 line in \\d+\\.\\d\\ds: 1 failed"), out.get(0));
    assertEquals(bad + ":2:0: invalid syntax: unexpected end of line", out.get(1));
    JvmRun parsed = runs.get(2);
    assertOk(parsed);
    assertEquals("", parsed.err());
    assertTrue(parsed.out().matches("parsed 1 file, 1 line in \\d+\\.\\d\\ds: 0 failed\n"),
        parsed.out());
    String readme = readme();
    assertTrue(readme.contains("Standard output carries a command's result: the files it wrote,"
        + " its report, its findings\n(`parse`'s failures"), "the README's rule");
  }

  /**
   * issue 27, item 11: an empty {@code NO_COLOR=} is ignored (no-color.org): the bar shows at a
   * terminal; {@code NO_COLOR=1} hides it. Run under {@code script}, which gives the jar a
   * terminal.
   */
  @Test
  void anEmptyNoColorIsIgnored() throws IOException {
    assumeTrue(new File("/usr/bin/script").canExecute(), "no script(1) to give a terminal");
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (int i = 1; i <= 3; i++) {
      Files.writeString(in.resolve("f" + i + ".wsd"), "a->b: x" + i + "\n");
    }
    for (String noColor : List.of("", "1")) {
      Path out = tmp.resolve("out" + noColor);
      Path stdout = tmp.resolve("stdout" + noColor + ".txt");
      Path log = tmp.resolve("terminal" + noColor + ".txt");
      StringBuilder cmd = new StringBuilder();
      for (String word : JvmRun.command(JvmRun.Launch.JAR, LAUNCHER, "render", in.toString(),
          "--format", "puml", "-o", out.toString())) {
        cmd.append(quoted(word)).append(' ');
      }
      cmd.append("> ").append(quoted(stdout.toString()));
      Map<String, String> env = new HashMap<>();
      env.put("CI", null);
      env.put("TERM", "xterm");
      env.put("NO_COLOR", noColor);
      JvmRun r = exec(List.of("/usr/bin/script", "-qec", cmd.toString(), log.toString()), tmp, env);
      assertEquals(0, r.code(), r::toString);
      String terminal = Files.readString(log);
      assertEquals(noColor.isEmpty(), terminal.contains("] 1/3 "), "NO_COLOR='" + noColor + "':\n"
          + terminal);
      assertEquals(List.of(out.resolve("f1.puml").toString(), out.resolve("f2.puml").toString(),
          out.resolve("f3.puml").toString()), Files.readString(stdout).lines().toList());
    }
  }

  /**
   * issue 27, item 11: {@code nova-snapshots/fetch} writes its result on standard output and
   * what it says about the run on standard error, never both.
   */
  @Test
  void fetchWritesItsResultToStdoutAndItsErrorsToStderr() throws IOException {
    Path snaps = Files.createDirectories(tmp.resolve("nova-snapshots"));
    for (String f : List.of("manifest.tsv", "fetch", "debian-apt.sh")) {
      Files.copy(Path.of("nova-snapshots", f), snaps.resolve(f));
    }
    Path done = Files.createDirectories(snaps.resolve("34.0.0/nova"));
    Files.writeString(done.resolve("__init__.py"), "");
    Files.writeString(snaps.resolve("34.0.0/.complete"), "nova\t2:34.0.0-4\n");
    String fetch = snaps.resolve("fetch").toString();
    JvmRun complete = exec(List.of("bash", fetch, "34.0.0"), tmp, Map.of());
    assertEquals(0, complete.code(), complete::toString);
    assertEquals("nova-snapshots/34.0.0 (hibiscus): already complete, skipped\n", complete.out());
    assertEquals("", complete.err());
    JvmRun unknown = exec(List.of("bash", fetch, "1.0"), tmp, Map.of());
    assertEquals(2, unknown.code(), unknown::toString);
    assertEquals("", unknown.out());
    assertEquals(1, unknown.errLines().size(), unknown::toString);
    assertTrue(unknown.err().startsWith("nova-snapshots/fetch: unknown snapshot '1.0'; known:"
        + " 22.0.1 (victoria), "), unknown::toString);
  }

  /**
   * issue 27, item 11: {@code .mmd} and {@code .puml} carry the provenance line, and Mermaid's
   * "end" is written as the entity Mermaid draws as the word ({@code pause.#101;nd}, drawn
   * "pause.end": SiteBrowserIT renders it with Mermaid itself), never escaped twice.
   */
  @Test
  void mermaidAndPlantUmlSayWhereTheyComeFrom() throws IOException {
    Path out = tmp.resolve("out");
    JvmRun r = jar("trace", "--nova", MINI.toString(), "--action", "pause", "--format",
        "puml,mermaid", "-o", out.toString());
    assertOk(r);
    assertEquals(List.of(WARNING), r.errLines());
    List<String> mmd = Files.readString(out.resolve("pause.mmd")).lines().toList();
    assertTrue(mmd.get(0).matches("%% novatrace \\S+ · Nova mini · pause · detail standard"),
        mmd.get(0));
    assertEquals("sequenceDiagram", mmd.get(1));
    assertTrue(mmd.contains("Note over nova_compute: notify: pause.#101;nd"), mmd.toString());
    assertFalse(mmd.toString().contains("&#") || mmd.toString().contains("&amp;"), mmd.toString());
    List<String> puml = Files.readString(out.resolve("pause.puml")).lines().toList();
    assertEquals("@startuml", puml.get(0));
    assertTrue(puml.get(1).matches("' novatrace \\S+ · Nova mini · pause · detail standard"),
        puml.get(1));
  }

  /**
   * issue 27, item 11: "A #diff-31.0.0 fragment opens a blank page": the action's page links to
   * its diff against the other release, and that section is on the page, with the diff in it.
   */
  @Test
  void theSitesDiffFragmentHasItsSection() throws IOException {
    Site site = site();
    String page = Files.readString(site.dir().resolve("actions/pause.html"));
    assertTrue(page.contains("<a href=\"#diff-31.0.0\">"), page);
    int at = page.indexOf("<section id=\"diff-31.0.0\">");
    assertTrue(at > 0, page);
    String section = page.substring(at, page.indexOf("</section>", at));
    assertTrue(section.contains("[-os_compute_api:os-pause-server:pause-]"
        + "{+os_compute_api:os-pause-server:pause-it+}"), section);
    assertTrue(section.contains("<img src=\"pause.diff-31.0.0.svg\""), section);
    assertTrue(Files.isRegularFile(site.dir().resolve("actions/pause.diff-31.0.0.svg")));
  }

  // ------------------------------------------------------------------------------ helpers

  /** A site of pause, {@link #new34} compared with {@link #old31}: built once, for two tests. */
  record Site(JvmRun run, Path dir) {}

  private static Site builtSite;

  private static synchronized Site site() {
    if (builtSite == null) {
      Path dir = shared.resolve("site");
      JvmRun r = jar("site", "--nova", new34.toString(), "--compare", old31.toString(),
          "--action", "pause", "-o", dir.toString());
      assertOk(r);
      assertEquals(List.of(WARNING, WARNING), r.errLines(), r::toString);
      assertTrue(r.out().startsWith("wrote the site of 1 action of " + new34 + " into " + dir),
          r::toString);
      builtSite = new Site(r, dir);
    }
    return builtSite;
  }

  /** The jar, as the launcher runs it, in the checkout. */
  private static JvmRun jar(String... args) {
    return JvmRun.jar(LAUNCHER, args);
  }

  /** Runs of the jar started together (they are independent), in the checkout. */
  @SafeVarargs
  private static List<JvmRun> jars(List<String>... commands) {
    return jarsIn(Path.of(""), List.of(commands));
  }

  /** Runs of the jar started together in {@code dir}. */
  @SafeVarargs
  private static List<JvmRun> jarsIn(Path dir, List<String>... commands) {
    return jarsIn(dir, List.of(commands));
  }

  private static List<JvmRun> jarsIn(Path dir, List<List<String>> commands) {
    try {
      List<JvmRun.Started> started = new ArrayList<>();
      for (List<String> c : commands) {
        started.add(JvmRun.start(JvmRun.Launch.JAR, LAUNCHER, dir, c.toArray(String[]::new)));
      }
      List<JvmRun> runs = new ArrayList<>();
      for (JvmRun.Started s : started) {
        runs.add(s.finish(300));
      }
      return runs;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs {@code cmd} in {@code dir}, {@code env} changing the environment (null: removed). */
  private static JvmRun exec(List<String> cmd, Path dir, Map<String, String> env) {
    try {
      Path out = Files.createTempFile("cli-out", ".txt");
      Path err = Files.createTempFile("cli-err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      env.forEach((k, v) -> {
        if (v == null) {
          pb.environment().remove(k);
        } else {
          pb.environment().put(k, v);
        }
      });
      Process p = pb.start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("did not finish: " + cmd);
      }
      JvmRun r = new JvmRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** What bash's completion of the jar's script offers for each of {@code lines}. */
  private List<String> completions(Path script, String... lines) {
    StringBuilder sh = new StringBuilder("source " + quoted(script.toString()) + "\n");
    for (String line : lines) {
      sh.append("COMP_LINE=").append(quoted(line))
          .append("; read -ra COMP_WORDS <<< \"$COMP_LINE\";"
          + " [[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('');"
          + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
          + " _complete_novatrace; echo \"[${COMPREPLY[*]}]\"\n");
    }
    JvmRun r = exec(List.of("bash", "-c", sh.toString()), tmp, Map.of());
    assertEquals(0, r.code(), r::toString);
    return r.out().lines().toList();
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Writes {@code text} into {@code dir/name}, the name's octal escapes made bytes by printf. */
  private void writeNamedInBytes(Path dir, String name, String text) {
    JvmRun r = exec(List.of("/bin/sh", "-c", "printf '%s' \"$2\" > \"$1/$(printf '" + name
        + "')\"", "sh", dir.toString(), text), tmp, Map.of());
    assertEquals(0, r.code(), r::toString);
  }

  /** A git checkout of the mini tree, one commit tagged {@code tag}. */
  private Path gitRepo(Path dir, String tag) {
    assumeTrue(new File("/usr/bin/git").canExecute(), "no git");
    Trees.copy(MINI, dir);
    Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@t",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@t");
    for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
        List.of("git", "commit", "-qm", "mini"), List.of("git", "tag", tag))) {
      JvmRun r = exec(git, dir, env);
      assertEquals(0, r.code(), r::toString);
    }
    return dir;
  }

  private static String readme() {
    try {
      return Files.readString(Path.of("README.md"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String code = Files.readString(file);
    assertTrue(code.contains(from), file + " no longer holds: " + from);
    Files.writeString(file, code.replace(from, to));
  }

  /** Exit 0, and only warnings on standard error. */
  private static void assertOk(JvmRun r) {
    assertEquals(0, r.code(), r::toString);
    for (String line : r.errLines()) {
      assertTrue(line.startsWith("novatrace: warning: "), r::toString);
    }
    assertNoJava(r);
  }

  /** No Java class name, no stack trace. */
  private static void assertNoJava(JvmRun r) {
    assertFalse(r.stackTrace() || r.err().contains("\tat ") || r.err().contains("Exception")
        || r.err().matches("(?s).*\\bjava\\.[a-z]+\\..*"), r::toString);
  }

  /** An error: exit {@code code}, nothing on standard output, exactly {@code line} on stderr. */
  private static void assertError(JvmRun r, int code, String line) {
    assertEquals(code, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(List.of(line), r.errLines(), r::toString);
    assertNoJava(r);
  }

  /** An error: exit {@code code}, nothing on standard output, one line starting {@code start}. */
  private static void assertErrorStarts(JvmRun r, int code, String start) {
    assertEquals(code, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith(start), r::toString);
    assertNoJava(r);
  }

  /**
   * A usage error picocli finds while parsing: exit 2, nothing on standard output, one line on
   * standard error starting {@code start}, what was probably meant and where help is in it.
   */
  private static void assertUsageError(JvmRun r, String start) {
    assertEquals(2, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.errLines().get(0).startsWith(start), r::toString);
    assertTrue(r.errLines().get(0).matches(".*; see 'novatrace [a-z ]*--help'"), r::toString);
    assertNoJava(r);
  }
}
