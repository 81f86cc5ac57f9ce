package dev.cachefn;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a cache.
 *
 * <ul>
 *   <li>{@code HIT}, {@code SET}, {@code EVICTION}, {@code EXPIRATION}: {@code key} and {@code value} are set,
 *       {@code count} is 1.
 *   <li>{@code MISS}, {@code DELETE}: {@code key} is set, {@code value} is {@code null}, {@code count} is 1.
 *   <li>{@code INVALIDATE}: {@code count} entries were removed, selected by {@code key}, by {@code tags}, by
 *       {@code pattern}, or by none of them for {@link Cache#clear()}.
 *   <li>{@code REFRESH}: {@code key} is set, and {@code value} (the new value) or {@code failure}.
 *   <li>{@code STALE}: {@code key} and the stale {@code value} served are set.
 * </ul>
 *
 * <p>A {@code HIT} of {@code getOrFetch} on a remembered absence (negative caching) has a {@code null} value.
 *
 * @param type what happened
 * @param cacheName the name of the cache it happened to
 * @param key the entry's key, or the invalidated key; {@code null} for bulk invalidations
 * @param value the entry's value where one is known
 * @param count how many entries the event covers
 * @param tags the tags of a tag invalidation; empty otherwise
 * @param pattern the glob of a pattern invalidation; {@code null} otherwise
 * @param failure why a {@code REFRESH} failed; {@code null} otherwise
 * @param <V> the type of the cached values
 */
public record CacheEvent<V>(
    CacheEventType type,
    String cacheName,
    @Nullable String key,
    @Nullable V value,
    long count,
    Set<String> tags,
    @Nullable String pattern,
    @Nullable Throwable failure) {

  /** Checks the components and copies {@code tags}. */
  public CacheEvent {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    tags = Set.copyOf(tags);
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }

  /** An event without a failure. */
  public CacheEvent(CacheEventType type, String cacheName, @Nullable String key, @Nullable V value, long count,
      Set<String> tags, @Nullable String pattern) {
    this(type, cacheName, key, value, count, tags, pattern, null);
  }

  /** The end of a background refresh of {@code key}: its new value, or the failure that kept the old one. */
  public static <V> CacheEvent<V> ofRefresh(
      String cacheName, String key, @Nullable V value, @Nullable Throwable failure) {
    return new CacheEvent<>(CacheEventType.REFRESH, cacheName, key, value, 1, Set.of(), null, failure);
  }

  /** An event about one entry: hit, miss, set, delete, eviction or expiration. */
  public static <V> CacheEvent<V> ofEntry(
      CacheEventType type, String cacheName, String key, @Nullable V value) {
    return new CacheEvent<>(type, cacheName, key, value, 1, Set.of(), null);
  }

  /** An invalidation of {@code count} entries, selected by key, tags, pattern or none (clear). */
  public static <V> CacheEvent<V> ofInvalidation(
      String cacheName, @Nullable String key, Set<String> tags, @Nullable String pattern, long count) {
    return new CacheEvent<>(CacheEventType.INVALIDATE, cacheName, key, null, count, tags, pattern);
  }
}
