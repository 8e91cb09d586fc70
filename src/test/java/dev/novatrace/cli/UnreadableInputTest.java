package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not diagrams: one line each, the other files still render, never a hang. */
class UnreadableInputTest {

  @TempDir Path tmp;

  private record Run(int code, List<String> out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().lines().toList(), err.toString().lines().toList());
  }

  @Test
  void aFifoIsRefusedNotWaitedOn() throws Exception {
    Path fifo = tmp.resolve("pipe.wsd");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
    Path good = Files.writeString(tmp.resolve("good.wsd"), "a->b: hello\n");
    Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> run("render", fifo.toString(), good.toString(), "-o", tmp.resolve("out").toString()));
    assertEquals(1, r.code());
    assertEquals(List.of(fifo + ": not a regular file (a FIFO, device or socket); only regular"
        + " files are read"), r.err());
    assertEquals(List.of(tmp.resolve("out/good.svg").toString()), r.out());
  }

  @Test
  void driftRefusesAFifoToo() throws Exception {
    Path fifo = tmp.resolve("pipe.wsd");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
    Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("drift", fifo.toString(),
        "--nova", dev.novatrace.testing.MiniNova.ROOT.toString()));
    assertEquals(1, r.code());
    assertEquals(List.of(fifo + ":1: unreadable: not a regular file (a FIFO, device or socket);"
        + " only regular files are read"), r.out());
  }

  @Test
  void aDeviceIsRefused() {
    Path dev = Path.of("/dev/null");
    assumeTrue(Files.exists(dev));
    Run r = run("render", dev.toString(), "-o", tmp.toString());
    assertEquals(1, r.code());
    assertEquals(List.of("/dev/null: not a regular file (a FIFO, device or socket); only regular"
        + " files are read"), r.err());
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws Exception {
    Path bad = tmp.resolve("latin1.wsd");
    Files.write(bad, "a->b: ok\r\na->b: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run r = run("render", bad.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(1, r.code());
    assertEquals(List.of(bad + ":2: not UTF-8: byte 0xe9 at column 10 (save the file as UTF-8)"),
        r.err());
  }
}
