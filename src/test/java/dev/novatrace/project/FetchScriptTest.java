package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nova-snapshots/fetch} reading a manifest with companions, up to where it would go to
 * the network: what it knows, what it finds complete, and what it refuses.
 */
class FetchScriptTest {
  @TempDir Path tmp;

  record Run(int code, String out) {}

  @BeforeEach
  void copyScripts() throws IOException {
    for (String f : List.of("fetch", "debian-apt.sh")) {
      Files.copy(Path.of("nova-snapshots", f), tmp.resolve(f));
    }
    manifest("hibiscus\t34.0.0\tsid\t2:34.0.0-4\tnova\n"
        + "victoria\t22.0.1\tbullseye\t2:22.0.1-2+deb11u1\n"
        + "hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tacme_lib=5.0.1-3\n"
        + "zed\t3.0.0\tbookworm\t2:3.0.0-1\tacme\tacme_lib=3.1.0-2,acme_more=1.0-1\n"
        + "epoxy\t31.0.0\ttrixie\t2:31.0.0-6\t\tnova_shim=1.0-1\n");
  }

  private void manifest(String lines) throws IOException {
    Files.writeString(tmp.resolve("manifest.tsv"),
        "release\tversion\tdebian_suite\tpackage_version\tproject\tcompanions\n" + lines);
  }

  /** Runs the script with no apt on the PATH: it stops where it would fetch. */
  private Run fetch(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", tmp.resolve("fetch").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "flock", "find", "wc", "sed", "mkdir", "rm")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path t = Path.of(dir, tool);
        if (Files.isExecutable(t) && Files.notExists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), t);
        }
      }
    }
    pb.environment().put("PATH", bin.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  private void complete(String dir, String... packages) throws IOException {
    for (String pkg : packages) {
      Files.createDirectories(tmp.resolve(dir).resolve(pkg));
      Files.writeString(tmp.resolve(dir).resolve(pkg).resolve("__init__.py"), "");
    }
    Files.writeString(tmp.resolve(dir).resolve(".complete"), "");
  }

  @Test
  void snapshotsWithCompanionsAreKnownByTheirProjectsNames() throws Exception {
    Run r = fetch("nope");
    assertEquals(2, r.code(), r.out());
    assertEquals("nova-snapshots/fetch: unknown snapshot 'nope'; known: 34.0.0 (hibiscus), 22.0.1"
        + " (victoria), acme-7.0.0 (acme-hibiscus), acme-3.0.0 (acme-zed), 31.0.0 (epoxy)\n",
        r.out());
  }

  @Test
  void aSnapshotIsCompleteWithItsCompanionsAndOnlyThen() throws Exception {
    complete("acme-3.0.0", "acme", "acme_lib", "acme_more");
    complete("31.0.0", "nova", "nova_shim");
    complete("22.0.1", "nova");
    Run r = fetch("acme-zed", "31.0.0", "victoria");
    assertEquals(0, r.code(), r.out());
    assertEquals("nova-snapshots/acme-3.0.0 (zed): already complete, skipped\n"
        + "nova-snapshots/31.0.0 (epoxy): already complete, skipped\n"
        + "nova-snapshots/22.0.1 (victoria): already complete, skipped\n", r.out());

    Files.delete(tmp.resolve("acme-3.0.0/acme_more/__init__.py"));
    Run missing = fetch("acme-3.0.0");
    assertEquals(1, missing.code(), missing.out());
    assertTrue(missing.out().startsWith("nova-snapshots/fetch: 'apt-get' not found"), missing.out());
  }

  @Test
  void aBadCompanionIsRefusedBeforeAnythingIsFetched() throws Exception {
    manifest("hibiscus\t7.0.0\tsid\t2:7.0.0-9\tacme\tacme-lib 5.0.1\n");
    Run r = fetch();
    assertEquals(1, r.code(), r.out());
    assertEquals("nova-snapshots/fetch: bad companion 'acme-lib 5.0.1' in the manifest line of acme"
        + " 7.0.0 (expected PACKAGE=DEBIAN_VERSION)\n", r.out());
  }
}
