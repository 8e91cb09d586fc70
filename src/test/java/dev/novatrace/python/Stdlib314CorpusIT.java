package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StdlibCorpusIT}'s checks on Python 3.14's standard library and test suite (which holds
 * the 3.12 to 3.14 syntax: PEP 695 type parameters, PEP 701 f-strings, PEP 758 except lists,
 * PEP 750 t-strings), judged by CPython 3.14's own {@code compile()}.
 *
 * <p>Both come from Debian sid's python3.14 packages, which {@code nova-snapshots/fetch-cpython}
 * unpacks to {@code nova-snapshots/cpython-3.14}. The interpreter needs glibc 2.38 and an older
 * system (bookworm has 2.36) cannot run it as is, so the script unpacks sid's C library beside it
 * and {@code bin/python3.14} runs the interpreter through that library's own loader. The verdicts
 * are therefore the real interpreter's, not a list of expected failures kept here; the files it
 * must reject are named only so that the check cannot pass by rejecting nothing. Missing, the
 * corpus is skipped, or under {@code NOVATRACE_REQUIRE_SNAPSHOTS=1} (CI) a failure.
 */
class Stdlib314CorpusIT extends StdlibCorpusIT {

  /** Rejected by CPython 3.14: bad encodings, a non-identifier character, a late future import. */
  static final List<String> MUST_REJECT_314 = List.of(
      "tokenizedata/bad_coding.py",
      "tokenizedata/bad_coding2.py",
      "tokenizedata/badsyntax_3131.py",
      "tokenizedata/badsyntax_pep3120.py",
      "test_future_stmt/badsyntax_future.py");

  static Path launcher() {
    return NovaSnapshotsIT.baseDir().resolve("nova-snapshots/cpython-3.14/bin/python3.14");
  }

  @Override
  List<String> interpreter() {
    Path python = launcher();
    // -I -S: nothing from the environment or a site folder changes what compile() says
    return List.of(Files.isExecutable(python) ? python.toString() : "nova-snapshots/cpython-3.14 (run nova-snapshots/fetch-cpython)",
        "-I", "-S");
  }

  @Override
  List<String> mustReject() {
    return MUST_REJECT_314;
  }

  @Test
  void theJudgeIsCPython314OnItsOwnLibrary() throws InterruptedException {
    assertEquals(List.of("3.14"), python("import sys; print('%d.%d' % sys.version_info[:2])"));
    assertTrue(stdlib.startsWith(launcher().getParent().getParent()), () -> stdlib.toString());
  }
}
