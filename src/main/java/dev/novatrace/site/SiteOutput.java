package dev.novatrace.site;

import dev.novatrace.util.AtomicFiles;
import dev.novatrace.util.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The site's folder. Files are written atomically. The folder's {@code actions/} is the site's
 * own: what an earlier run left there and this run did not write (an action another release
 * has) is removed. Anything else in the folder (a CNAME, a README) is left alone.
 */
final class SiteOutput {
  private final Path dir;
  private final Set<Path> written = new HashSet<>();

  private SiteOutput(Path dir) {
    this.dir = dir;
  }

  /**
   * Says, before any action file is written, that actions/ is ours: a run stopped half-way (a
   * full disk, Ctrl-C) leaves no index page, yet the rerun must be let in.
   */
  private static final String MARK = ".novatrace-site";

  static SiteOutput open(Path dir) throws IOException {
    check(dir);
    SiteOutput out = new SiteOutput(dir);
    out.action(MARK, (SiteBuilder.GENERATOR + "\n").getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** An actions/ folder beside an index.html that is not ours belongs to someone else. */
  static void check(Path dir) {
    Path actions = dir.resolve(SiteFiles.ACTIONS);
    if (Files.exists(actions) && !isOurs(dir.resolve(SiteFiles.INDEX))
        && !Files.isRegularFile(actions.resolve(MARK), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError("cannot build a site in " + dir + ": its " + SiteFiles.ACTIONS
          + "/ folder is not from an earlier novatrace site (choose an empty folder)");
    }
  }

  private static boolean isOurs(Path index) {
    try {
      return Files.isRegularFile(index) && Files.readString(index, StandardCharsets.UTF_8)
          .contains("<meta name=\"generator\" content=\"" + SiteBuilder.GENERATOR + "\">");
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** Writes a file of actions/. */
  void action(String name, byte[] bytes) throws IOException {
    write(dir.resolve(SiteFiles.ACTIONS).resolve(name), bytes);
  }

  /** Writes a page; {@code path} is relative to the site's folder. */
  void text(String path, String html) throws IOException {
    write(dir.resolve(path), html.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies one of the site's fixed files (the stylesheet, the script) from the classpath. */
  void resource(String name) throws IOException {
    try (InputStream in = SiteOutput.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      write(dir.resolve(name), in.readAllBytes());
    }
  }

  private void write(Path file, byte[] bytes) throws IOException {
    AtomicFiles.write(dir, file, bytes);
    written.add(file.toAbsolutePath().normalize());
  }

  int written() {
    return written.size();
  }

  /** Removes the regular files of actions/ this run did not write; returns how many. */
  int removeStale() throws IOException {
    Path actions = dir.resolve(SiteFiles.ACTIONS);
    if (!Files.isDirectory(actions)) {
      return 0;
    }
    List<Path> stale;
    try (Stream<Path> s = Files.list(actions)) {
      stale = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !written.contains(p.toAbsolutePath().normalize())).sorted().toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale.size();
  }
}
