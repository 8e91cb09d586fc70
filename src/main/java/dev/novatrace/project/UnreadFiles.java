package dev.novatrace.project;

import java.util.List;

/** The files of a tree that exist but could not be read or parsed, as a driver choice asks. */
public interface UnreadFiles {

  /** Whether {@code file} (a path inside the tree) is one of them, or in a folder that is. */
  boolean holds(String file);

  /** Those under {@code folder}, sorted. */
  List<String> under(String folder);
}
