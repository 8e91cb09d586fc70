package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file on an action's route that does not parse makes that action's diagram partial, and says
 * so; drift tells such a file apart from a missing one.
 */
class PartialTreeTest {
  @TempDir Path tmp;

  /** The mini fixture tree with a syntax error at the end of nova/compute/api.py. */
  private Path brokenTree() throws IOException {
    Path to = dev.novatrace.testing.Trees.copy(dev.novatrace.testing.MiniNova.ROOT, tmp.resolve("tree"));
    Files.writeString(to.resolve("nova/compute/api.py"), "\ndef broken(:\n",
        StandardOpenOption.APPEND);
    return to;
  }

  @Test
  void anActionWhoseRouteHitsAFileThatDidNotParseIsPartialAndExitsOne() throws IOException {
    Path tree = brokenTree();
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run("trace", "--nova", tree.toString(), "--action", "pause", "-o", out.toString());
    assertEquals(1, r.code(), r.err());
    // One line for the file, naming the diagram it made partial.
    assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("novatrace: nova/compute/api.py:")
        && l.endsWith("(skipped; 1 diagram partial: pause)")), r.err());
    String wsd = Files.readString(out.resolve("pause.wsd"));
    assertTrue(wsd.contains("note over nova_api: partial: nova/compute/api.py did not parse"),
        wsd);
    assertFalse(wsd.contains("pause_instance"), wsd);
  }

  @Test
  void driftSaysTheFileExistsButDidNotParse() throws IOException {
    Path tree = brokenTree();
    Path diagram = Files.writeString(tmp.resolve("pause.wsd"),
        "title pause\n# nova/compute/api.py pause()\nclient->nova_api: pause\n");
    CliRun r = CliRun.run("drift", diagram.toString(), "--nova", tree.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("unparsed-file: nova/compute/api.py exists in"), r.out());
    assertFalse(r.out().contains("missing-file"), r.out());
  }
}
