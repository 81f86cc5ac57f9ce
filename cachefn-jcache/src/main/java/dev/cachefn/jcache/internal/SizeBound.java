package dev.cachefn.jcache.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The least-recently-used order of a cache's keys, kept when the cache has a {@code maxSize}: a
 * {@link LinkedHashMap} in access order under one lock. The cache reports every creation, access and removal
 * of a key (creations and removals from inside the key's table lock, so the order never lists a key the
 * table lacks for long, nor misses one it has), and asks for a {@link #victim()} after each creation.
 *
 * <p>One lock for the whole order makes reads of a bounded cache contend; it is the simple, exact interim
 * until the provider runs on the cachefn-memory engine. An unbounded cache has no {@code SizeBound} and pays
 * nothing.
 */
final class SizeBound<K> {

  private final long maxSize;
  private final LinkedHashMap<K, Boolean> order = new LinkedHashMap<>(16, 0.75f, true);

  SizeBound(long maxSize) {
    this.maxSize = maxSize;
  }

  synchronized void created(K key) {
    order.put(key, Boolean.TRUE);
  }

  synchronized void accessed(K key) {
    order.get(key);
  }

  synchronized void removed(K key) {
    order.remove(key);
  }

  synchronized void clear() {
    order.clear();
  }

  /** The least recently used key while there are more than {@code maxSize} keys; else {@code null}. */
  synchronized K victim() {
    if (order.size() <= maxSize) {
      return null;
    }
    Iterator<K> oldest = order.keySet().iterator();
    return oldest.next();
  }
}
