package dev.cachefn.spi;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Optional capability of a {@link Keyspace}: writes that take effect only if the entry under the key is still
 * the one the caller read (compare-and-set), atomically with respect to every other write of the key. A cache
 * with freshness settings uses them to replace a stale or refreshed entry with a fetched value: without them
 * that replacement is a read then a put, and a write of the key that lands between the two is overwritten.
 * The cache checks for this interface once, when it opens the keyspace.
 *
 * <p><b>"Still the one read"</b>: for a {@link Stamped} value, the same write ({@link Stamped#sameWrite}); a
 * storage that serializes values may compare the stamps alone. For another value, the same object in a storage
 * that keeps objects, the same serialized form in one that serializes them. An entry whose time-to-live ran out
 * meanwhile is not the one read.
 *
 * @param <V> the type of the values
 */
public interface ConditionalWrites<V> {

  /**
   * Stores {@code value} under {@code key}, replacing the entry there together with its tags, only if that
   * entry is still {@code expected}; returns whether it stored. Thread-safe.
   *
   * @param expected the value this caller read under {@code key}
   * @param ttl the time-to-live, or {@code null} for none
   * @param tags the new entry's tags (possibly empty)
   */
  boolean replace(String key, V expected, V value, @Nullable Duration ttl, Set<String> tags);

  /** Removes the entry under {@code key} only if it is still {@code expected}; returns whether it did. */
  boolean remove(String key, V expected);
}
