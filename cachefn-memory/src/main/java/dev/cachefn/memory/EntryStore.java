package dev.cachefn.memory;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.memory.internal.EngineEntryStore;
import dev.cachefn.spi.TaggedEntries;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory engine for keys of any type, compared with {@code equals}/{@code hashCode}: a bounded table
 * with the eviction policies, tag index and size estimate of {@link MemoryStorage}, for an integration whose
 * keys are not strings. cachefn-jcache keeps each JCache cache's entries in one, so that they are bounded,
 * ordered and tagged by the same code as a CacheFn cache's.
 *
 * <p>Entries have no TTL here: the caller keeps its own expiry in its values and removes what it finds
 * expired ({@link #removeIf}). In the bulk operations of {@link TaggedEntries}, patterns match a key's
 * {@code toString()} and keys are listed by it; {@link #removeAll} finds keys by {@code equals}, so it reaches
 * only keys that are strings; {@link #clear()} tells no one (no eviction callback). Reads take no lock; writes
 * take the engine's lock briefly and never run caller code under it, except {@code onEviction}, which runs
 * after the lock is released. Thread-safe.
 *
 * <p>Get one from {@link #create}; this interface is not meant to be implemented outside cachefn-memory.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public interface EntryStore<K, V> extends TaggedEntries<V> {

  /**
   * A new, empty store of at most {@code maxSize} entries ({@link Long#MAX_VALUE}: unbounded), ordered by
   * {@code policy}; {@code onEviction} is told about every entry evicted to stay within the bound, after the
   * engine's lock is released.
   *
   * @param name names the store in messages
   * @param maxSize at least 1; the caller validates it against its own setting's name
   * @param ticker the engine's clock (the engine reads it for its own bookkeeping; entries have no TTL)
   * @throws NullPointerException if {@code onEviction} is null
   */
  static <K, V> EntryStore<K, V> create(String name, long maxSize, EvictionPolicy policy, Ticker ticker,
      BiConsumer<? super K, ? super V> onEviction) {
    return EngineEntryStore.create(name, maxSize, policy, ticker, onEviction);
  }

  /** The value of {@code key}, recorded as a use of the entry, or {@code null}. */
  @Nullable V get(Object key);

  /** The value of {@code key}, not recorded as a use, or {@code null}. */
  @Nullable V peek(Object key);

  /** Whether {@code key} has an entry; not recorded as a use. */
  boolean contains(Object key);

  /** Stores {@code value} under {@code key} with {@code tags}, replacing its entry if any; may evict others. */
  void put(K key, V value, Set<String> tags);

  /** Removes the entry of {@code key}; true if there was one. */
  boolean remove(Object key);

  /**
   * Removes the entry of {@code key} only if its value is {@code expected} (the same object). A {@link #put}
   * that only changes the value swaps it in place without the engine's lock, so a caller must not run the
   * two at once for one key (cachefn-jcache holds the key's own lock around both).
   */
  boolean removeIf(Object key, V expected);

  /** The entries, weakly consistent: each present at some moment of the iteration; no use is recorded. */
  Iterator<Map.Entry<K, V>> entries();

  /** The most entries kept; {@link Long#MAX_VALUE} when unbounded. */
  long maxSize();
}
