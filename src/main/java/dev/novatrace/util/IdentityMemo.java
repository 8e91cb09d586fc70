package dev.novatrace.util;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a pure function gave for an object, remembered while the object lives: keyed by identity
 * (two equal syntax trees of two files stay two keys), held weakly (a key the program dropped,
 * such as a parsed file the parse cache let go, takes its value with it). Parsed files are shared
 * by every tree of a process that holds them with the same content, so what is derived here from
 * one is derived once for every release that has it. The function may run twice for one key when
 * two threads ask at once; it must be pure, so both get equal values.
 */
public final class IdentityMemo<K, V> {
  private final ConcurrentHashMap<Key<K>, V> values = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> dropped = new ReferenceQueue<>();

  /** The value of {@code derive} for {@code key}, derived on first use. */
  public V get(K key, Function<K, V> derive) {
    V held = values.get(new Key<>(key, null));
    if (held != null) {
      return held;
    }
    expunge();
    V made = derive.apply(key);
    V raced = values.putIfAbsent(new Key<>(key, dropped), made);
    return raced != null ? raced : made;
  }

  /** How many keys are held, for tests. */
  public int size() {
    expunge();
    return values.size();
  }

  private void expunge() {
    for (Object k; (k = dropped.poll()) != null; ) {
      values.remove(k);
    }
  }

  /** A weak reference equal to another while both refer to the same live object. */
  private static final class Key<K> extends WeakReference<K> {
    private final int hash;

    Key(K referent, ReferenceQueue<K> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object mine = get();
      return o instanceof Key<?> k && mine != null && mine == k.get();
    }
  }
}
