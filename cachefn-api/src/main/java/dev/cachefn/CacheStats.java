package dev.cachefn;

/**
 * A snapshot of a cache's counters, taken by {@link Cache#stats()}.
 *
 * <p>Hits and misses are counted only when the cache records stats ({@link CacheBuilder#recordStats(boolean)},
 * on by default). {@code size} and {@code memoryUsageBytes} come from the storage; for the in-memory storage
 * the memory figure is an estimate of the live entries only (0 when empty; the hash table's array, reserved up
 * front for {@code maxSize}, is not counted): a fixed overhead per entry for the engine's bookkeeping, plus the
 * key's characters, plus a shallow estimate of the value (exact for strings, byte arrays and boxed primitives, a
 * fixed figure per element for collections and arrays, a fixed figure for other objects). It is meant to
 * compare caches and watch trends, not to replace a heap profiler.
 *
 * @param hits lookups that found a live entry
 * @param misses lookups that found none (an expired entry counts as a miss)
 * @param sets entries stored
 * @param deletes entries removed by delete or an invalidation
 * @param evictions entries removed to stay within {@code maxSize}
 * @param expirations entries removed because their time-to-live ran out
 * @param size entries currently held
 * @param memoryUsageBytes estimated bytes held by the entries
 * @param storageFailures operations that failed because the storage could not be reached (Redis down, say),
 *     whether thrown or answered by a bypass policy; counted per storage, so caches sharing one see the same
 *     figure; always 0 for the in-memory storage
 * @param decodeFailures values found in the storage that could not be read back (a Redis value written by an
 *     incompatible version of the application, say): each was removed and answered as a miss; counted per cache;
 *     always 0 for the in-memory storage, which keeps the objects themselves
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
    long decodeFailures) {

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
