package dev.cachefn.jcache.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.memory.EntryStore;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;

/**
 * The entries of one JCache cache, kept in a cachefn-memory {@link EntryStore}: keys compared with
 * {@code equals}/{@code hashCode}, values wrapped in a {@link StoredEntry} that carries the JCache expiry
 * time, an optional {@code maxSize} enforced by the engine's eviction policy, and tags from the cache's
 * tagger, so that CacheFn's tag and pattern invalidation reach the same entries ({@link EntryStoreKeyspace}).
 *
 * <p>Every change of one key runs through {@link #compute}, under that key's lock ({@link KeyLocks}), so a
 * decision, its write-through call and its expiry are atomic per key; the engine's own lock is taken only
 * to store the result. An expired entry is never handed out: the first operation that finds it removes it
 * and records an {@code EXPIRED} event. Reads take no lock. An eviction is no removal: no event, no
 * write-through; the {@code evictions} callback counts it.
 */
final class EntryTable<K, V> {

  private final EntryStore<K, StoredEntry<V>> store;
  private final KeyLocks<K> locks = new KeyLocks<>();
  private final ExpiryTimes expiry;
  private final BiFunction<K, V, Set<String>> tagger;

  EntryTable(String name, ExpiryTimes expiry, Ticker ticker, long maxSize, EvictionPolicy policy,
      BiFunction<K, V, Set<String>> tagger, BiConsumer<? super K, StoredEntry<V>> onEviction) {
    this.expiry = expiry;
    this.tagger = tagger;
    this.store = EntryStore.create(name, maxSize, policy, ticker, onEviction);
  }

  /** The engine holding the entries, for the CacheFn view of the cache. */
  EntryStore<K, StoredEntry<V>> store() {
    return store;
  }

  /**
   * The live entry of {@code key}, its expiry moved by the access policy and its use recorded, or
   * {@code null}; an expired entry found on the way is removed (recorded in {@code effects}).
   */
  StoredEntry<V> read(K key, Effects<K, V> effects) {
    StoredEntry<V> entry = store.get(key);
    if (entry == null || expiry.readNeedsNoClock(entry.expiresAt())) {
      return entry;
    }
    long now = expiry.now();
    if (!entry.isExpiredAt(now)) {
      entry.expireAt(expiry.forAccess(now));
      return entry;
    }
    // under the key's lock: a write of the key swaps the value in place, and must not race with this check
    locks.run(key, () -> {
      if (store.removeIf(key, entry)) {
        effects.expired(key, entry.value);
      }
    });
    return null;
  }

  /** Whether {@code key} has a live entry; no use is recorded. */
  boolean contains(K key) {
    StoredEntry<V> entry = store.peek(key);
    return entry != null && !entry.isExpiredAt(expiry.now());
  }

  /** Records a use of a live entry handed out by iteration. */
  void accessed(K key, StoredEntry<V> entry, long now) {
    entry.expireAt(expiry.forAccess(now));
    store.get(key);
  }

  /**
   * Runs {@code step} atomically for {@code key}: an expired entry is first removed (an {@code EXPIRED} event
   * in {@code effects}) and passed as {@code null}; the step's answer becomes the key's entry.
   */
  void compute(K key, Effects<K, V> effects, KeyStep<K, V> step) {
    locks.run(key, () -> {
      StoredEntry<V> current = store.peek(key); // the write below records the use, once
      long now = expiry.nowFor(current == null ? ExpiryTimes.ETERNAL : current.expiresAt());
      if (current != null && current.isExpiredAt(now)) {
        if (store.removeIf(key, current)) {
          effects.expired(key, current.value);
        }
        current = null;
      }
      StoredEntry<V> next = step.apply(key, current, now);
      if (next == null) {
        if (current != null) {
          store.removeIf(key, current);
        }
      } else if (next != current) {
        Set<String> tags;
        try {
          tags = tagger.apply(key, next.value);
        } catch (RuntimeException e) {
          if (current != null) {
            store.removeIf(key, current); // the step decided on a new value: the old one must not stay
          }
          throw e;
        }
        store.put(key, next, tags);
      } else {
        store.get(key); // kept as it was (a read, a processor that only looked): a use all the same
      }
    });
  }

  /** Stores {@code entry} under {@code key}, as a write of the CacheFn view does: no step, no events. */
  void store(K key, StoredEntry<V> entry, Set<String> tags) {
    locks.run(key, () -> store.put(key, entry, tags));
  }

  /** Stores {@code entry} unless {@code key} has a live entry; true if it did. */
  boolean storeIfAbsent(K key, StoredEntry<V> entry, Set<String> tags) {
    boolean[] stored = {false};
    locks.run(key, () -> {
      StoredEntry<V> current = store.peek(key);
      if (current == null || current.isExpiredAt(expiry.now())) {
        store.put(key, entry, tags);
        stored[0] = true;
      }
    });
    return stored[0];
  }

  /** The keys present now (expired ones included), in a set the caller may change. */
  Set<K> keys() {
    Set<K> keys = new LinkedHashSet<>();
    store.entries().forEachRemaining(entry -> keys.add(entry.getKey()));
    return keys;
  }

  /** The entries, expired ones included, weakly consistent. */
  Iterator<Map.Entry<K, StoredEntry<V>>> entries() {
    return store.entries();
  }

  /** Drops every entry without events. */
  void clear() {
    store.clear();
  }
}
