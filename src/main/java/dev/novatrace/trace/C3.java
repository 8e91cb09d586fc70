package dev.novatrace.trace;

import java.util.List;

/** The merge step of Python's C3 linearization (the algorithm of {@code type.mro()}). */
final class C3 {
  private C3() {}

  /**
   * Appends to {@code out} the merge of {@code lists} (each base's linearization, then the
   * bases in order), emptying them; false when no consistent order exists.
   */
  static <T> boolean merge(List<List<T>> lists, List<T> out) {
    while (true) {
      lists.removeIf(List::isEmpty);
      if (lists.isEmpty()) {
        return true;
      }
      T next = null;
      for (List<T> l : lists) {
        T head = l.get(0);
        if (lists.stream().noneMatch(o -> o.indexOf(head) > 0)) {
          next = head;
          break;
        }
      }
      if (next == null) {
        return false;
      }
      T chosen = next;
      out.add(chosen);
      lists.forEach(l -> l.remove(chosen));
    }
  }
}
