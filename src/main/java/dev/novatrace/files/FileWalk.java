package dev.novatrace.files;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The regular files below some roots, following symbolic links: a Nova checkout whose
 * {@code nova/} is a link, or a diagrams folder given as a link, is read like any other. What
 * cannot be followed is reported, not thrown: a link that leads back to a folder above it (a
 * loop, reported once), a dangling link, a folder that cannot be listed. The walk goes on past
 * each.
 */
public final class FileWalk {

  /** Files found (sorted, each once even when reached twice) and what could not be followed. */
  public record Result(List<Path> files, List<Problem> problems) {
    public Result {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** A path the walk could not follow, and why in a few words. */
  public record Problem(Path path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private static final String LEAVES = "symbolic link to a place outside the folder";

  private FileWalk() {}

  /**
   * The regular files whose name {@code accept}s, below each root (a root may be a file, taken
   * whatever its name). A file reached through two roots or two links is listed once, under the
   * path that sorts first.
   */
  public static Result find(List<Path> roots, Predicate<String> accept) throws IOException {
    return find(roots, accept, null);
  }

  /**
   * As {@link #find(List, Predicate)}, following a link only when its target is inside
   * {@code boundary} (null: inside the root it was met under), as git keeps a link and never
   * what it points to. A link that leaves is a problem named by the link, its target unread:
   * a tree under review must not make us read, quote or walk the rest of the machine.
   */
  public static Result find(List<Path> roots, Predicate<String> accept, Path boundary)
      throws IOException {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    Map<Path, Problem> problems = new LinkedHashMap<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        byRealPath.putIfAbsent(root.toRealPath(), root);
        continue;
      }
      if (Files.exists(root) && !Files.isDirectory(root)) {
        // A FIFO would block the reader, a device never end.
        problems.putIfAbsent(identity(root), new Problem(root,
            "not a regular file (a FIFO, device or socket); only regular files are read"));
        continue;
      }
      List<Path> found = new ArrayList<>();
      Path inside = (boundary == null ? root : boundary).toRealPath();
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new Visitor(accept, found, problems, inside, root, boundary == null ? root : boundary));
      found.sort(null);
      for (Path f : found) {
        byRealPath.putIfAbsent(f.toRealPath(), f);
      }
    }
    List<Path> files = new ArrayList<>(byRealPath.values());
    files.sort(null);
    List<Problem> sorted = new ArrayList<>(problems.values());
    sorted.sort(Comparator.comparing(Problem::path));
    return new Result(files, sorted);
  }

  private static final class Visitor extends SimpleFileVisitor<Path> {
    private final Predicate<String> accept;
    private final List<Path> found;
    private final Map<Path, Problem> problems;

    private final Path inside;
    private final Path start;
    private final Path boundaryRoot;

    Visitor(Predicate<String> accept, List<Path> found, Map<Path, Problem> problems, Path inside,
        Path start, Path boundaryRoot) {
      this.accept = accept;
      this.found = found;
      this.problems = problems;
      this.inside = inside;
      this.start = start;
      this.boundaryRoot = boundaryRoot;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      // The start too, when it is below the boundary: a tree whose nova/ leads out is refused.
      if ((!dir.equals(start) || !start.equals(boundaryRoot)) && leaves(dir)) {
        problems.putIfAbsent(identity(dir), new Problem(dir, LEAVES + "; not followed"));
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    /** A link (this one, or a folder link met on the way) whose target is not inside. */
    private boolean leaves(Path p) {
      if (!Files.isSymbolicLink(p)) {
        return false;
      }
      try {
        return !p.toRealPath().startsWith(inside);
      } catch (IOException e) {
        return true;
      }
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = String.valueOf(file.getFileName());
      if (attrs.isSymbolicLink()) {
        // Following links, only a link whose target is missing still looks like a link. One
        // named like what we look for is reported; any other is none of our business.
        if (accept.test(name)) {
          problems.putIfAbsent(identity(file), new Problem(file, "dangling symbolic link (to "
              + target(file) + ")"));
        }
      } else if (accept.test(name) && leaves(file)) {
        problems.putIfAbsent(identity(file), new Problem(file, LEAVES + "; not read"));
      } else if (attrs.isRegularFile() && accept.test(name)) {
        found.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      String message = e instanceof FileSystemLoopException
          ? "symbolic link loop (leads back to a folder above it; not followed)"
          : e instanceof NoSuchFileException ? "vanished while reading the folder"
          : "cannot read: " + e.getMessage();
      problems.putIfAbsent(identity(file), new Problem(file, message));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      if (e != null) {
        problems.putIfAbsent(identity(dir), new Problem(dir, "cannot list: " + e.getMessage()));
      }
      return FileVisitResult.CONTINUE;
    }
  }

  /**
   * A path as itself, wherever a walk reached it from: its folder's real path and its name (the
   * name is not resolved, so a link stays the link). A loop met again through another link, or
   * from another root, is the same problem.
   */
  public static Path identity(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      return parent == null ? file : parent.toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
