package dev.novatrace.files.git;

import dev.novatrace.files.SourceFile;
import dev.novatrace.files.SourceSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of one git tree, read from the object database: nothing is checked out or written.
 * A file's content id is its blob id, known without reading it.
 */
public final class GitSources implements SourceSet {
  private final Repository repo;
  private final ObjectId tree;
  private final String label;

  GitSources(Repository repo, ObjectId tree, String label) {
    this.repo = repo;
    this.tree = tree;
    this.label = label;
  }

  @Override
  public Listing list(String dir, Predicate<String> accept) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      walk.setFilter(PathFilter.create(dir));
      while (walk.next()) {
        if (!accept.test(walk.getNameString())) {
          continue;
        }
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          files.add(new Blob(repo, walk.getPathString(), walk.getObjectId(0)));
        } else if (mode == FileMode.SYMLINK) {
          problems.add(new Problem(walk.getPathString(),
              "symbolic link in the git tree (not followed)"));
        }
      }
    }
    // Sorted as a folder walk sorts paths, so both kinds of set list files in the same order.
    files.sort(Comparator.comparing(SourceFile::path));
    return new Listing(files, problems);
  }

  @Override
  public boolean isDirectory(String relative) {
    try (TreeWalk walk = TreeWalk.forPath(repo, relative, tree)) {
      return walk != null && walk.getFileMode(0) == FileMode.TREE;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    return label;
  }

  /** Two sets are equal when they are the same tree of the same repository. */
  @Override
  public boolean equals(Object o) {
    return o instanceof GitSources g && g.repo == repo && g.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return label;
  }

  private record Blob(Repository repo, String path, ObjectId id) implements SourceFile {
    @Override
    public long size() throws IOException {
      try (ObjectReader reader = repo.newObjectReader()) {
        return reader.getObjectSize(id, Constants.OBJ_BLOB);
      }
    }

    @Override
    public Content read() throws IOException {
      return new Content(repo.open(id, Constants.OBJ_BLOB).getBytes(), id.name());
    }

    @Override
    public Optional<String> knownId() {
      return Optional.of(id.name());
    }
  }
}
