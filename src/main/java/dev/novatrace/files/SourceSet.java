package dev.novatrace.files;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * A set of source files under one root, whatever holds them: a folder on disk, or the tree of a
 * git commit read straight from the object database. Paths are relative to the root and use
 * {@code /}, so {@code nova/compute/api.py} names the same file in every kind of set; that is
 * what makes a diagram of a git tree byte-identical to a diagram of a folder with the same files.
 */
public interface SourceSet {

  /** The files listed, sorted by path, and what could not be followed on the way. */
  record Listing(List<SourceFile> files, List<Problem> problems) {
    public Listing {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** A relative path the listing could not follow, and why in a few words. */
  record Problem(String path, String message) {}

  /**
   * The files below the relative folder {@code dir} whose file name {@code accept}s, sorted by
   * path.
   */
  Listing list(String dir, Predicate<String> accept) throws IOException;

  /** Whether the relative path is a folder of the set. */
  boolean isDirectory(String relative);

  /** How to name the set to the user in a message. */
  String describe();
}
