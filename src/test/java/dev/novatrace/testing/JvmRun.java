package dev.novatrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * novatrace run as a user runs it: {@code Main.main} in a JVM of its own, with its big-stack
 * worker thread, {@code System.exit}, and whatever a library prints straight to the process's
 * standard error (which an in-process run cannot see). Unit tests start it from the test class
 * path; integration tests, which run after {@code package}, start the jar itself.
 */
public record JvmRun(int code, String out, String err) {

  /** The jar {@code mvn package} builds. */
  public static final Path JAR = Path.of("target", "novatrace.jar");

  /** How the JVM is told what to run: the class path of the tests, or the built jar. */
  public enum Launch {
    CLASSES, JAR;

    List<String> arguments() {
      if (this == CLASSES) {
        return List.of("-cp", System.getProperty("java.class.path"), "dev.novatrace.cli.Main");
      }
      if (!Files.isRegularFile(JvmRun.JAR)) {
        throw new AssertionError(JvmRun.JAR + " is missing: integration tests run after package");
      }
      return List.of("-jar", JvmRun.JAR.toAbsolutePath().toString());
    }
  }

  /** A line of a Java stack trace, or the header of one. */
  private static final Pattern STACK_TRACE = Pattern.compile(
      "(?m)^\\s+at [\\w$.]+\\(|^Exception in thread|^(Caused by: )?[\\w$.]+(Exception|Error)(: |$)");

  /** Runs novatrace with default JVM options. */
  public static JvmRun run(String... args) {
    return run(List.of(), args);
  }

  /** Runs novatrace with {@code jvmOptions} (such as {@code -Xmx512m}). */
  public static JvmRun run(List<String> jvmOptions, String... args) {
    return run(jvmOptions, Path.of(""), args);
  }

  /** Runs novatrace in {@code dir}, with {@code jvmOptions}. */
  public static JvmRun run(List<String> jvmOptions, Path dir, String... args) {
    return run(Launch.CLASSES, jvmOptions, dir, args);
  }

  /** Runs the built jar with {@code jvmOptions}. */
  public static JvmRun jar(List<String> jvmOptions, String... args) {
    return run(Launch.JAR, jvmOptions, Path.of(""), args);
  }

  private static JvmRun run(Launch launch, List<String> jvmOptions, Path dir, String... args) {
    try {
      return start(launch, jvmOptions, dir, args).finish(600);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command line of a novatrace JVM. */
  public static List<String> command(Launch launch, List<String> jvmOptions, String... args) {
    return command(launch, jvmOptions, Map.of(), args);
  }

  /**
   * The options {@code bin/novatrace} gives java (the parallel collector, a 64 MB young
   * generation unless the heap is bounded, the first compiler only), so that a test's JVM starts
   * and runs as the user's does, and as fast. {@code changes}: the environment the JVM gets.
   */
  static List<String> launcherOptions(List<String> jvmOptions, Map<String, String> changes) {
    List<String> out = new ArrayList<>(List.of("-XX:+UseParallelGC",
        "-XX:TieredStopAtLevel=1"));
    StringBuilder given = new StringBuilder(String.join(" ", jvmOptions));
    for (String var : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      String v = changes.containsKey(var) ? changes.get(var) : System.getenv(var);
      given.append(' ').append(v == null ? "" : v);
    }
    if (!HEAP_BOUND.matcher(given).find()) {
      out.add("-Xmn64m");
    }
    return out;
  }

  /** The options that map the jar's class-data archive; none until it is made, or if it fails. */
  private static List<String> archived;

  /**
   * The options with which {@code bin/novatrace} maps the jar's class-data archive (AppCDS): the
   * classes a run loaded before, mapped instead of read and checked from the jar again, 0.3 s
   * of a 1.3 s trace of the mini tree. As the launcher does on its first run of a build, a trace
   * writes it, here of the mini tree, once for the built jar (named by its size and time); none
   * where it cannot be made, as the launcher goes on without.
   */
  static synchronized List<String> archiveOptions() {
    if (archived == null) {
      archived = makeArchive();
    }
    return archived;
  }

  private static List<String> makeArchive() {
    try {
      Path archive = Path.of("target", "test-cds", Files.size(JAR) + "-"
          + Files.getLastModifiedTime(JAR).toMillis() + ".jsa").toAbsolutePath();
      List<String> mapped = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable");
      if (Files.isRegularFile(archive)) {
        return mapped;
      }
      Files.createDirectories(archive.getParent());
      // Written beside its name and renamed when complete, as the launcher does.
      Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current()
          .pid() + ".partial");
      Path out = archive.resolveSibling("mini-trace"); // what the run wrote: left for a look
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      cmd.addAll(launcherOptions(List.of(), Map.of()));
      cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:disable"));
      cmd.addAll(Launch.JAR.arguments());
      cmd.addAll(List.of("trace", "--nova", MiniNova.ROOT.toAbsolutePath().toString(), "--all",
          "--format", "wsd,svg", "-o", out.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean made = p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0
          && Files.isRegularFile(partial);
      p.destroyForcibly();
      if (!made) {
        Files.deleteIfExists(partial);
        return List.of();
      }
      Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return mapped;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** An option that bounds the heap, which a fixed young generation could exceed. */
  private static final Pattern HEAP_BOUND =
      Pattern.compile("-Xmx|MaxHeapSize|MaxRAM|-Xmn|NewSize|UseSerialGC|UseG1GC|UseZGC");

  private static List<String> command(Launch launch, List<String> jvmOptions,
      Map<String, String> changes, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(launcherOptions(jvmOptions, changes));
    if (launch == Launch.JAR) {
      cmd.addAll(archiveOptions());
    }
    cmd.addAll(jvmOptions);
    cmd.addAll(launch.arguments());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A novatrace JVM started, its output going to files so that neither pipe can fill up. */
  public record Started(Process process, Path out, Path err) {
    /** Waits at most {@code seconds} (then kills it: a hang is a failure too). */
    public JvmRun finish(int seconds) throws IOException {
      try {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("novatrace did not finish in " + seconds + " s: " + read(err));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      JvmRun run = new JvmRun(process.exitValue(), read(out), read(err));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return run;
    }
  }

  /** Runs novatrace with these environment variables changed (a null value: removed). */
  public static JvmRun withEnvironment(Map<String, String> changes, String... args) {
    try {
      return start(Launch.CLASSES, List.of(), Path.of(""), changes, args).finish(600);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the built jar in {@code dir} with these environment variables changed. */
  public static JvmRun jarWithEnvironment(Map<String, String> changes, Path dir, String... args) {
    try {
      return start(Launch.JAR, List.of(), dir, changes, args).finish(600);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts novatrace in {@code dir} and returns at once. */
  public static Started start(Launch launch, List<String> jvmOptions, Path dir, String... args)
      throws IOException {
    return start(launch, jvmOptions, dir, Map.of(), args);
  }

  private static Started start(Launch launch, List<String> jvmOptions, Path dir,
      Map<String, String> changes, String... args) throws IOException {
    Path out = Files.createTempFile("novatrace-out", ".txt");
    Path err = Files.createTempFile("novatrace-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command(launch, jvmOptions, changes, args));
    changes.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    Process p = pb.directory(dir.toAbsolutePath().toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new Started(p, out, err);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Whether standard error holds any part of a Java stack trace. */
  public boolean stackTrace() {
    return STACK_TRACE.matcher(err).find();
  }

  /** Standard error, a line an element. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout:\n" + cut(out) + "\nstderr:\n" + cut(err);
  }

  private static String cut(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
  }
}
