package dev.cachefn.jcache.internal;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The entries of one JCache cache: a {@link ConcurrentHashMap} from key (compared with
 * {@code equals}/{@code hashCode}) to {@link StoredEntry}, with expiry and an optional {@code maxSize}.
 *
 * <p>Every change of one key runs through {@link #compute}, inside {@code ConcurrentHashMap.compute} for that
 * key, so a decision, its write-through call and its expiry are atomic per key. An expired entry is never
 * handed out: the first operation that finds it removes it and records an {@code EXPIRED} event. Reads take
 * no lock. When bounded, every creation is followed by evicting least recently used keys (an eviction is no
 * removal: no event, no write-through; the {@code evictions} callback counts it).
 *
 * <p>This is the seam where the provider will move onto the cachefn-memory engine (see the module's README):
 * the cache talks to its entries only through this class.
 */
final class EntryTable<K, V> {

  private final ConcurrentHashMap<K, StoredEntry<V>> map = new ConcurrentHashMap<>();
  private final ExpiryTimes expiry;
  /** The LRU order that keeps the table within {@code maxSize}; null when unbounded. */
  private final SizeBound<K> bound;
  private final LongConsumer evictions;

  EntryTable(ExpiryTimes expiry, long maxSize, LongConsumer evictions) {
    this.expiry = expiry;
    this.bound = maxSize == Long.MAX_VALUE ? null : new SizeBound<>(maxSize);
    this.evictions = evictions;
  }

  /**
   * The live entry of {@code key}, its expiry moved by the access policy and its recency refreshed, or
   * {@code null}; an expired entry found on the way is removed (recorded in {@code effects}).
   */
  StoredEntry<V> read(K key, Effects<K, V> effects) {
    StoredEntry<V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    long now = expiry.now();
    if (!entry.isExpiredAt(now)) {
      accessed(key, entry, now);
      return entry;
    }
    boolean[] removed = {false};
    map.computeIfPresent(key, (k, current) -> {
      if (current != entry) {
        return current;
      }
      removed[0] = true;
      if (bound != null) {
        bound.removed(k);
      }
      return null;
    });
    if (removed[0]) {
      effects.expired(key, entry.value);
    }
    return null;
  }

  /** Whether {@code key} has a live entry; no access is recorded. */
  boolean contains(K key) {
    StoredEntry<V> entry = map.get(key);
    return entry != null && !entry.isExpiredAt(expiry.now());
  }

  /** Records an access to a live entry handed out by iteration or a read. */
  void accessed(K key, StoredEntry<V> entry, long now) {
    entry.expireAt(expiry.forAccess(now));
    if (bound != null) {
      bound.accessed(key);
    }
  }

  /**
   * Runs {@code step} atomically for {@code key}: an expired entry is first removed (an {@code EXPIRED} event
   * in {@code effects}) and passed as {@code null}; the step's answer becomes the key's entry.
   */
  void compute(K key, Effects<K, V> effects, KeyStep<K, V> step) {
    boolean[] created = {false};
    map.compute(key, (k, current) -> {
      long now = expiry.now();
      StoredEntry<V> live = current;
      if (live != null && live.isExpiredAt(now)) {
        effects.expired(k, live.value);
        live = null;
      }
      StoredEntry<V> next = step.apply(k, live, now);
      if (bound != null) {
        if (next == null) {
          bound.removed(k);
        } else if (current == null) {
          created[0] = true;
          bound.created(k);
        } else {
          bound.accessed(k);
        }
      }
      return next;
    });
    if (created[0]) {
      evictWhileOver();
    }
  }

  private void evictWhileOver() {
    K victim;
    while ((victim = bound.victim()) != null) {
      boolean[] evicted = {false};
      map.compute(victim, (k, entry) -> {
        evicted[0] = entry != null;
        bound.removed(k); // under the key's lock: a concurrent re-creation of the key is ordered after this
        return null;
      });
      if (evicted[0]) {
        evictions.accept(1);
      }
    }
  }

  /** The keys present now (expired ones included), in a set the caller may change. */
  Set<K> keys() {
    return new LinkedHashSet<>(map.keySet());
  }

  /** The entries, expired ones included, weakly consistent. */
  Iterator<Map.Entry<K, StoredEntry<V>>> entries() {
    return map.entrySet().iterator();
  }

  /** Drops every entry without events. */
  void clear() {
    if (bound == null) {
      map.clear();
      return;
    }
    for (K key : map.keySet()) {
      map.computeIfPresent(key, (k, entry) -> {
        bound.removed(k);
        return null;
      });
    }
  }
}
