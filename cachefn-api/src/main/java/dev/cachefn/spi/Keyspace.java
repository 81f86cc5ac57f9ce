package dev.cachefn.spi;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one namespace in a {@link Storage}: the contract a storage implements for a cache.
 *
 * <p><b>Keys</b> are the cache's keys, without the namespace; the storage separates namespaces itself (a
 * remote storage by a key prefix, the in-memory storage by a table per namespace), and the bulk operations of
 * {@link TaggedEntries} ({@link #clear()} included) see this namespace only. Arguments are already
 * checked by the cache: keys are non-empty, values non-null, TTLs positive, tags non-empty.
 *
 * <p><b>Thread-safety and atomicity.</b> Every method is thread-safe. Each single-key operation is atomic:
 * an entry, its expiry and its tags change together, and a reader sees either the old or the new entry,
 * never a mix. Batch, tag and pattern operations are atomic per entry, not as a whole: a concurrent reader
 * may see some of a {@code putAll} and not the rest. Single flight for cache-aside loading is done by the
 * cache layer above, not by the storage, so a storage needs no locking for it.
 *
 * <p><b>Expiration</b> is the storage's job: {@link #get} and every other read never return an entry whose
 * time-to-live has run out. Batch methods exist so that a remote storage can do them in one round trip.
 *
 * <p><b>Failure.</b> A storage that cannot do an operation (a lost connection, say) throws an unchecked
 * exception and leaves every entry as it was or as fully written: never an entry without its tags or the
 * reverse. The cache layer passes the exception to the caller.
 *
 * <p><b>Optional capabilities.</b> This interface is all a storage must implement. A keyspace that can do more
 * implements one of these too, and the cache, which checks once when it opens the keyspace, uses it:
 * {@link ConditionalWrites} (writes that take effect only if the entry is still the one read),
 * {@link FailureCounts} (failures to reach the storage or to read a value back, for {@code Cache.stats()}),
 * {@link FetchCoordination} (one fetch of a missing key across application instances sharing the storage),
 * {@link LookupCounting} (hits and misses counted by the storage for less than the cache's counters cost).
 *
 * @param <V> the type of the values
 */
public interface Keyspace<V> extends TaggedEntries<V>, AutoCloseable {

  /** The live value under {@code key}, or {@code null}. Counts as a use of the entry for eviction. */
  @Nullable V get(String key);

  /** The live values of those {@code keys} that have one, in the order of {@code keys}. */
  Map<String, V> getAll(Collection<String> keys);

  /** Whether a live entry exists under {@code key}; not a use of the entry. */
  boolean contains(String key);

  /**
   * Stores {@code value} under {@code key}, replacing any entry there together with its tags.
   *
   * @param ttl the time-to-live, or {@code null} for none
   * @param tags the entry's tags (possibly empty)
   */
  void put(String key, V value, @Nullable Duration ttl, Set<String> tags);

  /**
   * Stores {@code value} under {@code key} only if no live entry is there, atomically with respect to every
   * other write of the key; returns whether it stored. The cache stores fetched values this way, so that a
   * fetch never overwrites a write that landed while it ran.
   */
  boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags);

  /** Stores every entry with the same time-to-live and tags. */
  void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags);

  /** Removes the entry under {@code key}; returns whether a live one was there. */
  boolean remove(String key);

  /** Detaches this view's removal listener; the entries stay for other views of the namespace. */
  @Override
  void close();
}
