package dev.cachefn;

/** What happened to a cache; the kind of a {@link CacheEvent}. */
public enum CacheEventType {
  /** A lookup found a live entry. */
  HIT,
  /** A lookup found no live entry. */
  MISS,
  /** An entry was stored (new or replaced). */
  SET,
  /** An entry was removed by {@link Cache#delete} or {@link Cache#deleteMany}. */
  DELETE,
  /** An entry was removed to keep the cache within {@code maxSize}. */
  EVICTION,
  /** An entry outlived its time-to-live and was removed. */
  EXPIRATION,
  /** Entries were removed by an invalidation or {@link Cache#clear()}; {@link CacheEvent#count()} says how many. */
  INVALIDATE,
  /**
   * A background refresh ended: {@link CacheEvent#value()} is the new value, or {@code null} with
   * {@link CacheEvent#failure()} set when it failed (the old value stays).
   */
  REFRESH,
  /** {@code getOrFetch} returned a value past its TTL (stale-while-revalidate or stale-if-error). */
  STALE
}
