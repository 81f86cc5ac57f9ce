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
 * </ul>
 *
 * @param type what happened
 * @param cacheName the name of the cache it happened to
 * @param key the entry's key, or the invalidated key; {@code null} for bulk invalidations
 * @param value the entry's value where one is known
 * @param count how many entries the event covers
 * @param tags the tags of a tag invalidation; empty otherwise
 * @param pattern the glob of a pattern invalidation; {@code null} otherwise
 * @param <V> the type of the cached values
 */
public record CacheEvent<V>(
    CacheEventType type,
    String cacheName,
    @Nullable String key,
    @Nullable V value,
    long count,
    Set<String> tags,
    @Nullable String pattern) {

  /** Checks the components and copies {@code tags}. */
  public CacheEvent {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    tags = Set.copyOf(tags);
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
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
