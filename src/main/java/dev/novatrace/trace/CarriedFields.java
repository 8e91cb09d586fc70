package dev.novatrace.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fields set on the path so far to a value the deployment decides, by name, and what each
 * function's trace read and wrote of them. A remembered trace is reused where the fields it
 * read hold what they held when it was made, and what it wrote is written again: so a field
 * set early on the path does not make every later function be traced anew.
 *
 * @param <V> what a field holds
 */
final class CarriedFields<V> {
  /** What one function's trace read (null: not set) and wrote (null: made unknown). */
  static final class Journal<V> {
    private final Map<String, V> read = new HashMap<>();
    private final Map<String, V> wrote = new HashMap<>();
  }

  private final Map<String, V> fields = new TreeMap<>();
  private final List<Journal<V>> open = new ArrayList<>();

  /** What {@code field} holds now, or null; noted as read by the traces being made. */
  V get(String field) {
    V v = fields.get(field);
    for (Journal<V> j : open) {
      if (!j.wrote.containsKey(field)) {
        j.read.putIfAbsent(field, v);
      }
    }
    return v;
  }

  /** What {@code field} holds now, not noted as read: for deciding what to write. */
  V peek(String field) {
    return fields.get(field);
  }

  /** Sets a field (null: unknown). */
  void put(String field, V value) {
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    open.forEach(j -> j.wrote.put(field, value));
  }

  /** A new path: nothing set. */
  void clear() {
    fields.clear();
  }

  /** Starts noting what a function's trace reads and writes. */
  void begin() {
    open.add(new Journal<>());
  }

  /** Stops the innermost noting, giving what it noted. */
  Journal<V> end() {
    return open.remove(open.size() - 1);
  }

  /** Whether a remembered trace holds here: every field it read holds what it held then. */
  boolean holds(Journal<V> j) {
    return j.read.entrySet().stream()
        .allMatch(e -> Objects.equals(fields.get(e.getKey()), e.getValue()));
  }

  /**
   * Reuses a remembered trace: what it read counts as read by the traces being made (they
   * depend on it too), and what it wrote is written again.
   */
  void replay(Journal<V> j) {
    j.read.keySet().forEach(this::get);
    j.wrote.forEach(this::put);
  }
}
