package dev.cachefn;

/**
 * A snapshot of a cache's counters, taken by {@link Cache#stats()}.
 *
 * <p>Hits and misses are counted only when the cache records stats ({@link CacheBuilder#recordStats(boolean)},
 * on by default). The other counters are always kept. {@code size}, {@code memoryUsageBytes} and the two failure
 * counts come from the storage; its documentation says how it estimates bytes and what it counts as a failure.
 *
 * @param hits lookups that found a live entry
 * @param misses lookups that found none (an expired entry counts as a miss)
 * @param sets entries stored
 * @param deletes entries removed by delete or an invalidation
 * @param evictions entries removed to stay within {@code maxSize}
 * @param expirations entries removed because their time-to-live ran out
 * @param size entries currently held
 * @param memoryUsageBytes the storage's estimate of the bytes the entries take
 * @param storageFailures operations that failed because the storage could not be reached, whether thrown or
 *     answered by a fallback; may be counted per storage, so that caches sharing one see the same figure; 0 for
 *     a storage that cannot fail this way
 * @param decodeFailures values found in the storage that could not be read back: each was removed and answered
 *     as a miss; counted per cache; 0 for a storage that keeps values as objects
 * @param refreshes background refreshes whose fetch succeeded (refresh-ahead, stale-while-revalidate); the value
 *     is stored unless the key was written or removed meanwhile
 * @param refreshFailures background refreshes that failed or could not start (the executor rejected them);
 *     the old value stayed
 * @param staleServed values returned by {@code getOrFetch} past their TTL (stale-while-revalidate,
 *     stale-if-error)
 * @param fetchTimeouts callers that gave up waiting for another caller's fetch, and asynchronous fetches
 *     abandoned, at their fetch timeout
 */
public record CacheStats(
    long hits,
    long misses,
    long sets,
    long deletes,
    long evictions,
    long expirations,
    long size,
    long memoryUsageBytes,
    long storageFailures,
    long decodeFailures,
    long refreshes,
    long refreshFailures,
    long staleServed,
    long fetchTimeouts) {

  /** A snapshot without freshness or timeout counts. */
  public CacheStats(long hits, long misses, long sets, long deletes, long evictions, long expirations, long size,
      long memoryUsageBytes, long storageFailures, long decodeFailures) {
    this(hits, misses, sets, deletes, evictions, expirations, size, memoryUsageBytes, storageFailures,
        decodeFailures, 0, 0, 0, 0);
  }

  /** A snapshot without decode failures, for a storage that keeps values as objects. */
  public CacheStats(long hits, long misses, long sets, long deletes, long evictions, long expirations, long size,
      long memoryUsageBytes, long storageFailures) {
    this(hits, misses, sets, deletes, evictions, expirations, size, memoryUsageBytes, storageFailures, 0);
  }

  /** Lookups in all: hits plus misses. */
  public long requests() {
    return hits + misses;
  }

  /** Hits as a percentage of lookups, from 0 to 100; 0 when there were no lookups. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 0.0 : 100.0 * hits / requests;
  }
}
