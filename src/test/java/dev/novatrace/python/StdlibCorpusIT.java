package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CPython standard library of the machine's python3 (site-packages left out) as a corpus:
 * every file CPython's own {@code compile()} accepts must parse, and every file it rejects (for
 * lexical, grammar, encoding or {@code __future__} reasons) must be rejected by us too. The
 * verdicts are always the interpreter's own, never a list of ours; {@link Stdlib314CorpusIT}
 * runs the same checks on Python 3.14's library and test suite with CPython 3.14's verdicts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdlibCorpusIT {

  /** Rejected by CPython 3.11 for syntax or encoding; paths relative to the stdlib folder. */
  static final List<String> MUST_REJECT = List.of(
      "lib2to3/tests/data/bom.py",
      "lib2to3/tests/data/crlf.py",
      "lib2to3/tests/data/false_encoding.py",
      "lib2to3/tests/data/different_encoding.py",
      "lib2to3/tests/data/py2_test_grammar.py",
      "badsyntax_3131.py", // test/ or test/tokenizedata/, depending on the version
      "bad_coding.py",
      "bad_coding2.py",
      "badsyntax_pep3120.py");

  // compile() each file as CPython would import it; print the ones it rejects.
  static final String CPYTHON_REJECTS = String.join("\n",
      "import os, sys, warnings",
      "warnings.simplefilter('ignore')",
      "root = sys.argv[1]",
      "for d, dirs, files in os.walk(root):",
      "    dirs[:] = [x for x in dirs if x != 'site-packages']",
      "    for f in files:",
      "        if f.endswith('.py') and os.path.isfile(os.path.join(d, f)):",
      "            p = os.path.join(d, f)",
      "            try:",
      "                compile(open(p, 'rb').read(), p, 'exec', dont_inherit=True)",
      "            except Exception:",
      "                print(os.path.relpath(p, root))");

  Path stdlib;
  List<ParseResult> results;
  Set<String> cpythonRejects;

  /** The interpreter whose library is the corpus and whose compile() judges it. */
  List<String> interpreter() {
    return List.of("python3");
  }

  /** Files the interpreter must reject (names, or paths ending in them), so the check has teeth. */
  List<String> mustReject() {
    return MUST_REJECT;
  }

  @BeforeAll
  void parseTheStdlib() throws Exception {
    List<String> found = python("import sysconfig; print(sysconfig.get_paths()['stdlib'])");
    boolean available = found != null && found.size() == 1;
    // Where CI demands the real corpora, a missing interpreter is a failure, not a skip.
    if (!available && "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS"))) {
      throw new AssertionError(interpreter().get(0) + " is not available: the stdlib corpus cannot be checked");
    }
    assumeTrue(available, interpreter().get(0) + " is not available");
    stdlib = Paths.get(found.get(0));
    List<String> rejects = python(CPYTHON_REJECTS, stdlib.toString());
    assertNotNull(rejects, () -> interpreter() + " could not judge " + stdlib);
    cpythonRejects = new TreeSet<>(rejects);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(stdlib)) {
      files = walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
          .filter(p -> !stdlib.relativize(p).toString().startsWith("site-packages"))
          .sorted().toList();
    }
    results = SourceParser.parseFiles(files, SourceParser.defaultThreads(), null, false);
  }

  /** Runs the interpreter with a script; its stdout lines, or null when it cannot run. */
  List<String> python(String script, String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(interpreter());
    command.addAll(List.of("-c", script));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out.lines().filter(l -> !l.isBlank()).toList() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private Set<String> ourRejects() {
    return results.stream().filter(r -> !r.ok())
        .map(r -> stdlib.relativize(Paths.get(r.path())).toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void corpusIsTheRealStdlib() {
    assertTrue(results.size() > 1000, "only " + results.size() + " files under " + stdlib);
  }

  @Test
  void everyFileCPythonAcceptsParses() {
    List<String> wrong = results.stream()
        .filter(r -> !r.ok() && !cpythonRejects.contains(stdlib.relativize(Paths.get(r.path())).toString()))
        .map(r -> r.diagnostics().get(0).toString())
        .toList();
    assertEquals(List.of(), wrong);
  }

  @Test
  void syntaxAndEncodingErrorsAreRejected() {
    Set<String> ours = ourRejects();
    for (String name : mustReject()) {
      List<String> matching = cpythonRejects.stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).toList();
      assertEquals(1, matching.size(), () -> name + " is not among CPython's rejects " + cpythonRejects);
      assertTrue(ours.contains(matching.get(0)), () -> matching.get(0) + " parsed, but CPython rejects it");
    }
  }

  @Test
  void weRejectEverythingCPythonRejects() {
    // includes compile-time rules such as misplaced `from __future__` imports
    Set<String> missed = new TreeSet<>(cpythonRejects);
    missed.removeAll(ourRejects());
    assertEquals(Set.of(), missed);
  }

  @Test
  void weRejectOnlyWhatCPythonRejects() {
    Set<String> extra = ourRejects();
    extra.removeAll(cpythonRejects);
    assertEquals(Set.of(), extra);
  }
}
