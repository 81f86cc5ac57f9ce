package dev.cachefn.jcache.internal;

import java.util.Collection;
import java.util.Set;
import java.util.function.BiFunction;
import javax.cache.CacheException;

/**
 * The CacheFn tags of a JCache cache's entries: the configuration's tagger, its answer checked and copied to
 * a set. A tagger that throws or answers a null or empty tag fails the write with a {@link CacheException}
 * that names the cache and the key.
 */
final class EntryTags {

  private EntryTags() {}

  static <K, V> BiFunction<K, V, Set<String>> of(String cacheName,
      BiFunction<? super K, ? super V, ? extends Collection<String>> tagger) {
    return (key, value) -> {
      Collection<String> tags;
      try {
        tags = tagger.apply(key, value);
      } catch (RuntimeException e) {
        throw new CacheException("the tagger of cache '" + cacheName + "' failed for key " + key, e);
      }
      if (tags == null || tags.isEmpty()) {
        return Set.of();
      }
      for (String tag : tags) {
        if (tag == null || tag.isEmpty()) {
          throw new CacheException("the tagger of cache '" + cacheName + "' returned "
              + (tag == null ? "a null" : "an empty") + " tag for key " + key + "; tags must be non-empty strings");
        }
      }
      return Set.copyOf(tags);
    };
  }
}
