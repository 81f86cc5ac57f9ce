package dev.cachefn.jcache.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.cache.Cache;

/**
 * Iterates a cache's live entries (weakly consistent, skipping expired ones). Each entry handed out counts
 * as an access (its expiry and recency are refreshed, and a hit is counted); {@link #remove()} removes the
 * last one through the cache, with its event and write-through.
 */
final class EntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private final EntryTable<K, V> table;
  private final Iterator<Map.Entry<K, StoredEntry<V>>> entries;
  private final LongSupplier clock;
  private final Copier copier;
  private final Runnable hit;
  private final Consumer<K> remover;
  private Map.Entry<K, StoredEntry<V>> next;
  private K last;

  EntryIterator(EntryTable<K, V> table, LongSupplier clock, Copier copier, Runnable hit, Consumer<K> remover) {
    this.table = table;
    this.entries = table.entries();
    this.clock = clock;
    this.copier = copier;
    this.hit = hit;
    this.remover = remover;
  }

  @Override
  public boolean hasNext() {
    while (next == null && entries.hasNext()) {
      Map.Entry<K, StoredEntry<V>> candidate = entries.next();
      if (!candidate.getValue().isExpiredAt(clock.getAsLong())) {
        next = candidate;
      }
    }
    return next != null;
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Map.Entry<K, StoredEntry<V>> entry = next;
    next = null;
    last = entry.getKey();
    hit.run();
    StoredEntry<V> stored = entry.getValue();
    table.accessed(entry.getKey(), stored, clock.getAsLong());
    return new JCacheEntry<>(copier.copy(entry.getKey()), copier.copy(stored.value));
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() was not called, or remove() was already called for it");
    }
    remover.accept(last);
    last = null;
  }
}
