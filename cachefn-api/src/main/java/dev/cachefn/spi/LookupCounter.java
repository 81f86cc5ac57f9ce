package dev.cachefn.spi;

import org.jspecify.annotations.Nullable;

/**
 * Hit and miss counting that a {@link Keyspace} does for the cache itself, where it can count for less than
 * the cache would (see {@link LookupCounting}). The counts start at zero when the counter is
 * handed out and belong to the one cache that asked for it: lookups of other caches on the same namespace
 * are not counted here.
 *
 * <p>Thread-safe. {@link #hits()} and {@link #misses()} are exact for the lookups that happen-before the
 * call (the calling thread's own, those of threads it joined); lookups racing with it may or may not be
 * included.
 *
 * @param <V> the type of the values
 */
public interface LookupCounter<V> {

  /**
   * Does what {@link Keyspace#get} does and counts the lookup: a hit if it returns a value, else a miss.
   */
  @Nullable V get(String key);

  /** Counts lookups the cache made another way (a batch read through {@link Keyspace#getAll}). */
  void add(long hits, long misses);

  /** Lookups counted that found a live entry. */
  long hits();

  /** Lookups counted that found none. */
  long misses();
}
