package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.novatrace.testing.JvmRun;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.testing.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad file on every route, given to the built jar: every action still gets its diagram, the
 * diagrams whose route needed the file (and only those) say they are partial, stderr has one line
 * per bad file and exit is 1. Which actions need the compute manager, or the libvirt driver, is
 * read from the intact tree's diagrams (those that draw nova_compute, or libvirt), not written
 * down here.
 */
class BrokenRouteIT {

  private static final Path NOVA_34 = Path.of("nova-snapshots/34.0.0/nova");
  private static final String MANAGER = "nova/compute/manager.py";
  private static final String LIBVIRT = "nova/virt/libvirt/driver.py";
  /** A syntax error in every Python, 3.14 included (PEP 758 takes no parentheses only without "as"). */
  private static final String REFUSED = "\ntry:\n    pass\nexcept KeyError, ValueError as e:\n    pass\n";
  /** Python 2. */
  private static final String PYTHON_2 = "\ndef legacy():\n    print \"old\"\n";
  /** The file of the mini tree that never parses, on no route: always one warning line. */
  private static final String MINI_LEGACY = "nova/cmd/legacy_tool.py";

  @TempDir Path tmp;
  @TempDir static Path shared;
  /** The untouched mini tree traced, which three tests compare with: one run for all three. */
  private static Run intact;

  private static synchronized Run intact() {
    if (intact == null) {
      intact = trace(shared, MiniNova.ROOT, "intact");
    }
    return intact;
  }

  private record Run(JvmRun run, Path out) {
    /** Every diagram written, by action name. */
    Set<String> actions() {
      return names(out, w -> true);
    }

    /** Actions whose diagram carries a partial note naming {@code file}. */
    Set<String> partial(String file) {
      return names(out, w -> w.contains("note over nova_api: partial: " + file + " "));
    }

    /** Actions whose diagram draws {@code participant}, or one on two hosts (nova_compute_src). */
    Set<String> drawing(String participant) {
      return names(out, w -> w.contains("\nparticipant " + participant + "\n")
          || w.contains("\nparticipant " + participant + "_"));
    }

    String wsd(String action) {
      return read(out.resolve(action + ".wsd"));
    }

    List<String> errLines() {
      return run.err().lines().toList();
    }
  }

  private Run trace(Path tree, String name, String... more) {
    return trace(tmp, tree, name, more);
  }

  private static Run trace(Path dir, Path tree, String name, String... more) {
    Path out = dir.resolve("out-" + name);
    List<String> args = new java.util.ArrayList<>(List.of("trace", "--nova", tree.toString(),
        "--all", "-o", out.toString()));
    args.addAll(List.of(more));
    JvmRun r = JvmRun.jar(List.of(), args.toArray(String[]::new));
    assertFalse(r.stackTrace(), r.toString());
    return new Run(r, out);
  }

  private static Set<String> names(Path dir, java.util.function.Predicate<String> wsd) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".wsd")).filter(p -> wsd.test(read(p)))
          .map(p -> p.getFileName().toString().replace(".wsd", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path mini(String name) {
    return Trees.copy(MiniNova.ROOT, tmp.resolve(name));
  }

  private static void append(Path tree, String file, String code) throws IOException {
    Files.writeString(tree.resolve(file), code, java.nio.file.StandardOpenOption.APPEND);
  }

  /** Indents one line of {@code file} with a tab where its neighbours use spaces. */
  private static void tabError(Path tree, String file, String line) throws IOException {
    Path p = tree.resolve(file);
    String text = Files.readString(p);
    assertTrue(text.contains("\n        " + line + "\n"), "no line '" + line + "' in " + p);
    Files.writeString(p, text.replaceFirst("\n        " + java.util.regex.Pattern.quote(line)
        + "\n", "\n\t" + line.replace("$", "\\$") + "\n"));
  }

  /**
   * The run is a finding, draws every action the intact run draws, marks partial exactly the
   * actions {@code needing} (and names the first error), and says so in one stderr line.
   */
  private static void assertPartial(Run intact, Run broken, String file, Set<String> needing,
      String error) {
    assertEquals(1, broken.run().code(), broken.run().toString());
    assertEquals(intact.actions(), broken.actions());
    assertFalse(needing.isEmpty());
    assertFalse(needing.equals(broken.actions()), "every action needs " + file + "?");
    assertEquals(needing, broken.partial(file));
    String pause = broken.wsd("pause");
    assertTrue(pause.contains("partial: " + file + " did not parse (line "), pause);
    assertTrue(pause.contains(error), pause);
    List<String> lines = broken.errLines().stream().filter(l -> l.contains(file)).toList();
    assertEquals(1, lines.size(), broken.run().err());
    assertTrue(lines.get(0).startsWith("novatrace: " + file + ":"), lines.get(0));
    assertTrue(lines.get(0).contains(needing.size() + " diagrams partial"), lines.get(0));
  }

  @Test
  void theMiniTreeDrawsEveryActionAndMarksOnlyThoseThatNeedTheBrokenFile() throws IOException {
    Run intact = intact();
    assertEquals(0, intact.run().code(), intact.run().toString());
    assertEquals(Set.of(), names(intact.out(), w -> w.contains("partial: ")));
    // The one file that never parses is on no route: a warning, the only stderr line.
    assertEquals(1, intact.errLines().size(), intact.run().err());
    assertTrue(intact.errLines().get(0).startsWith("novatrace: warning: " + MINI_LEGACY),
        intact.run().err());
    Set<String> compute = intact.drawing("nova_compute");
    assertTrue(compute.contains("pause") && !compute.contains("list"), compute.toString());

    Path manager = mini("manager");
    append(manager, MANAGER, REFUSED);
    Run m = trace(manager, "manager");
    assertPartial(intact, m, MANAGER, compute, "unexpected 'as'");
    assertEquals(2, m.errLines().size(), m.run().err());

    Path driver = mini("driver");
    append(driver, LIBVIRT, PYTHON_2);
    Run d = trace(driver, "driver");
    // The route of a branch a default deployment does not take needs the driver too (the
    // cross-cell task, one note at standard): full detail draws every branch.
    Run full = trace(MiniNova.ROOT, "intact-full", "--detail", "full");
    assertPartial(intact, d, LIBVIRT, full.drawing("libvirt"), "line ");
    assertEquals(Set.of(), d.drawing("libvirt"));
    assertEquals(2, d.errLines().size(), d.run().err());

    Path tabs = mini("tabs");
    tabError(tabs, MANAGER, "instance.save()");
    Run t = trace(tabs, "tabs");
    assertPartial(intact, t, MANAGER, compute,
        "inconsistent use of tabs and spaces in indentation");
  }

  @Test
  void aControllerThatDidNotParseIsAFindingNotASilentlyShorterList() throws IOException {
    Run intact = intact();
    Path tree = mini("controller");
    String controller = "nova/api/openstack/compute/pause_server.py";
    append(tree, controller, REFUSED);
    Run r = trace(tree, "controller");
    assertEquals(1, r.run().code(), r.run().toString());
    Set<String> others = new TreeSet<>(intact.actions());
    others.remove("pause");
    assertEquals(others, r.actions());
    List<String> lines = r.errLines().stream().filter(l -> l.contains(controller)).toList();
    assertEquals(1, lines.size(), r.run().err());
    assertTrue(lines.get(0).endsWith("(skipped; the API's routes need it: actions may be missing)"),
        lines.get(0));
  }

  @Test
  void anUnreadableDriverFolderStillChoosesTheDriverAndMarksItsRoutes() throws IOException {
    Run intact = intact();
    Path tree = mini("unreadable");
    Path folder = tree.resolve("nova/virt/libvirt");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
    try {
      // Root reads a folder whatever its mode: then there is nothing unreadable to test.
      assumeFalse(Files.isReadable(folder) && Files.isExecutable(folder),
          "running as root: chmod 000 does not deny reads, skipped");
      Run r = trace(tree, "unreadable");
      assertEquals(1, r.run().code(), r.run().toString());
      assertEquals(intact.actions(), r.actions());
      assertEquals(intact.drawing("libvirt"), r.partial("nova/virt/libvirt"));
      assertEquals(2, r.errLines().size(), r.run().err());
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFolderWhereADiagramGoesIsOneLineAndExitTwo() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("pause.wsd/inside"));
    JvmRun r = JvmRun.jar(List.of(), "trace", "--nova", MiniNova.ROOT.toString(), "--all", "-o",
        out.toString());
    assertEquals(2, r.code(), r.toString());
    assertFalse(r.stackTrace(), r.toString());
    List<String> lines = r.err().lines().filter(l -> !l.contains("warning")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains("pause.wsd: a folder stands there"), r.err());
    // Checked before any work: nothing was written.
    assertEquals(List.of(), Trees.files(out).stream().filter(f -> !f.startsWith("pause.wsd/"))
        .toList());
  }

  @Test
  void nova34DrawsEveryActionWithABrokenManagerDriverOrTabError() throws IOException {
    assumeTrue(Files.isDirectory(NOVA_34) || "1".equals(System.getenv("NOVATRACE_REQUIRE_SNAPSHOTS")),
        "no Nova 34.0.0 snapshot");
    Path tree = tmp.resolve("n34");
    Trees.copy(NOVA_34, tree.resolve("nova"));
    Run intact = trace(tree, "intact");
    assertEquals(0, intact.run().code(), intact.run().toString());
    assertEquals(114, intact.actions().size());
    Set<String> compute = intact.drawing("nova_compute");
    Set<String> libvirt = new java.util.TreeSet<>(intact.drawing("libvirt"));
    // inject_network_info is a method the libvirt driver inherits and that does nothing: no
    // step, but the resolver looks for it in the driver's file, so these routes need it.
    libvirt.addAll(Set.of("add-fixed-ip", "remove-fixed-ip", "inject-network-info"));

    Path manager = tree.resolve(MANAGER);
    String managerText = Files.readString(manager);
    append(tree, MANAGER, REFUSED);
    Run m = trace(tree, "manager");
    assertPartial(intact, m, MANAGER, compute, "unexpected 'as'");
    assertEquals(1, m.errLines().size(), m.run().err());
    assertUnmarkedUnchanged(intact, m);

    Files.writeString(manager, managerText);
    tabError(tree, MANAGER, "context = context.elevated()");
    Run t = trace(tree, "tabs");
    assertPartial(intact, t, MANAGER, compute,
        "inconsistent use of tabs and spaces in indentation");
    Files.writeString(manager, managerText);

    append(tree, LIBVIRT, REFUSED);
    Run d = trace(tree, "driver");
    assertPartial(intact, d, LIBVIRT, libvirt, "unexpected 'as'");
    assertEquals(1, d.errLines().size(), d.run().err());
    assertUnmarkedUnchanged(intact, d);
  }

  /** A diagram the broken file did not touch is the intact one, but for the tree's name. */
  private static void assertUnmarkedUnchanged(Run intact, Run broken) {
    for (String action : broken.actions()) {
      String wsd = broken.wsd(action);
      if (!wsd.contains("partial: ")) {
        assertEquals(withoutFirstLine(intact.wsd(action)), withoutFirstLine(wsd), action);
      }
    }
  }

  private static String withoutFirstLine(String text) {
    return text.substring(text.indexOf('\n') + 1);
  }
}
