package dev.cachefn.redis;

/** What a {@link RedisStorage} does when Redis cannot be reached. */
public enum FailurePolicy {

  /** Every operation throws a {@link RedisStorageException}. The default. */
  FAIL,

  /**
   * Reads answer as if the cache were empty ({@code get} is a miss, so {@code getOrFetch} calls its fetcher),
   * writes are dropped. Removals and invalidations still throw: dropping one would let Redis serve the
   * removed value once it is back. Each failure is counted ({@link RedisStorage#failures()}); the outage is
   * logged once when it starts and once when Redis answers again, not per call.
   */
  BYPASS
}
