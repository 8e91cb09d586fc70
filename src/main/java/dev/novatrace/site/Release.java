package dev.novatrace.site;

import dev.novatrace.util.SafeName;
import java.util.List;

/**
 * Another release the site compares with: its label as the user knows it ({@code 31.0.0}), the
 * form of it used in file names, and the actions it has that this release does not.
 */
record Release(String label, String slug, List<String> removed) {
  Release {
    removed = List.copyOf(removed);
  }

  /**
   * A label made safe for a file name and an id: a tree given by path is named by its last
   * folder ({@code /src/nova-master} gives {@code nova-master}).
   */
  static String slug(String label) {
    String last = label.replaceAll("[/\\\\]+$", "");
    last = last.substring(Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\')) + 1);
    return last.isEmpty() ? "tree" : SafeName.of(last);
  }
}
