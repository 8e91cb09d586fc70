package dev.novatrace.python;

import java.util.HashMap;
import java.util.Map;

/**
 * The names of one encoded module, each written once: a module says {@code self}, {@code context}
 * and its imports' names hundreds of times, and an index is a byte or two.
 */
final class StringTable {
  private final Map<String, Integer> indexes = new HashMap<>();
  private final ByteSink names;

  StringTable(ByteSink names) {
    this.names = names;
  }

  /** 0 for null, else the string's place in the table plus one (adding it the first time). */
  int index(String s) {
    if (s == null) {
      return 0;
    }
    Integer known = indexes.get(s);
    if (known != null) {
      return known;
    }
    int index = indexes.size() + 1;
    indexes.put(s, index);
    names.writeString(s);
    return index;
  }

  int size() {
    return indexes.size();
  }
}
