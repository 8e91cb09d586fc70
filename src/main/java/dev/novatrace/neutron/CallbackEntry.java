package dev.novatrace.neutron;

import java.util.Comparator;

/**
 * One subscription of the table: its key, its subscriber, where the code makes it (the
 * {@code receives} decorator or the {@code subscribe} call) and, when a call site gave it its
 * callback or key, that call ({@code via}, else null).
 */
record CallbackEntry(CallbackTable.Key key, Subscriber subscriber, Place site, Place via) {

  /**
   * The registry calls a key's subscribers by priority, then in subscription order; start-up
   * decides the latter, so the table uses source order (site, then the call site that bound it),
   * which is stable from run to run.
   */
  static final Comparator<CallbackEntry> ORDER = Comparator
      .comparingLong((CallbackEntry e) -> e.subscriber().priority())
      .thenComparing(CallbackEntry::site)
      .thenComparing(e -> e.via() == null ? Place.NONE : e.via())
      .thenComparing(e -> e.subscriber().function().qualifiedName());

  /** A source position: the path relative to the tree root, line and column. */
  record Place(String path, int line, int column) implements Comparable<Place> {
    static final Place NONE = new Place("", 0, 0);

    @Override
    public int compareTo(Place o) {
      return Comparator.comparing(Place::path).thenComparingInt(Place::line)
          .thenComparingInt(Place::column).compare(this, o);
    }

    @Override
    public String toString() {
      return path + ":" + line;
    }
  }
}
