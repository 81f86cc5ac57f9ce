package dev.cachefn.spi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one namespace in a {@link Storage}: the contract a storage implements for a cache.
 *
 * <p><b>Keys</b> are the cache's keys, without the namespace; the storage separates namespaces itself (a
 * remote storage by a key prefix, the in-memory storage by a table per namespace). Arguments are already
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
 * @param <V> the type of the values
 */
public interface Keyspace<V> extends AutoCloseable {

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

  /** Removes the entries under {@code keys}; returns the keys that had a live entry. */
  List<String> removeAll(Collection<String> keys);

  /** Removes every entry carrying at least one of {@code tags}; returns the count. O(entries tagged). */
  int removeByTags(Collection<String> tags);

  /** Removes every entry whose key matches {@code pattern}; returns the count. */
  int removeByPattern(GlobPattern pattern);

  /** Removes every entry of this keyspace (only this namespace); returns the count. */
  int clear();

  /** The keys of live entries matching {@code pattern}. */
  List<String> keys(GlobPattern pattern);

  /** Up to {@code limit} live entries whose keys match {@code pattern}; not a use of the entries. */
  Map<String, V> entries(GlobPattern pattern, int limit);

  /** The number of entries held; may count expired entries not yet removed. */
  long size();

  /** An estimate of the bytes the entries take; see the storage's documentation for how it is made. */
  long estimatedBytes();

  /**
   * Operations on this keyspace's storage that failed because the storage could not be reached (thrown to
   * the caller, or answered by a bypass policy), counted since the storage started and shared by every
   * keyspace of that storage. A storage that cannot fail this way (memory) keeps the default, 0.
   */
  default long failures() {
    return 0;
  }

  /**
   * Values of this keyspace that were found in the storage but could not be turned back into objects (bytes
   * written by an incompatible version of the application, or by another program), counted since it opened.
   * Such a value is removed and read as a miss, so that the cache fetches a fresh one. A storage that keeps
   * objects (memory) keeps the default, 0.
   */
  default long decodeFailures() {
    return 0;
  }

  /**
   * Optional: called by {@code getOrFetch} on the one caller of this application instance that is about to run
   * the fetcher for {@code key}, after a miss. A storage that several instances share may coordinate them here
   * so that one fetches: it may wait, at most {@code wait} (the cache's fetch timeout), for another instance's
   * fetch and answer the value that fetch stored. The cache calls {@link FetchTurn#end()} on a go-ahead once the
   * fetched value is stored or the fetch failed. The default lets the caller fetch at once.
   */
  default FetchTurn<V> beginFetch(String key, Duration wait) {
    return FetchTurn.fetch();
  }

  /**
   * Optional: a counter through which the cache makes its counted lookups ({@code Cache.get} and the
   * lookup of {@code getOrFetch}), for a storage that can count hits and misses for less than the cache's
   * own counters cost (the in-memory storage counts them in the per-thread state that every read touches
   * already). The default, {@code null}, leaves the counting to the cache, and so does {@code null} from a
   * storage that cannot count for this keyspace now (the in-memory storage counts for one cache per
   * namespace at a time). The cache asks at most once, when it opens the keyspace and records stats; the
   * counter serves until this keyspace is closed.
   */
  default @Nullable LookupCounter<V> lookupCounter() {
    return null;
  }

  /** Detaches this view's removal listener; the entries stay for other views of the namespace. */
  @Override
  void close();
}
