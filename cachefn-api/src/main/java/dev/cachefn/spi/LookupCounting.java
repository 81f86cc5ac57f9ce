package dev.cachefn.spi;

import org.jspecify.annotations.Nullable;

/**
 * Optional capability of a {@link Keyspace}: it counts the cache's lookups itself, for less than the cache's
 * own hit and miss counters cost (the in-memory storage counts them in the per-thread state every read
 * touches already). A keyspace that does not implement this leaves the counting to the cache.
 *
 * <p>The cache checks for this interface once, when it opens the keyspace with stats recorded, and asks for
 * the counter at most that once; the counter serves until the keyspace is closed.
 *
 * @param <V> the type of the values
 */
public interface LookupCounting<V> {

  /**
   * A counter through which the cache makes its counted lookups ({@code Cache.get} and the lookup of
   * {@code getOrFetch}), or {@code null} when this keyspace cannot count for the cache now (the in-memory
   * storage counts for one cache per namespace at a time); with {@code null} the cache counts itself.
   */
  @Nullable LookupCounter<V> lookupCounter();
}
