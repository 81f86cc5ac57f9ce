package dev.cachefn.internal;

import dev.cachefn.SetOptions;
import dev.cachefn.spi.Keyspace;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a cache writes into its keyspace: the options' TTL or the cache's default, and for a cache with freshness
 * settings the write time and stale window ({@link StampedKeyspace}).
 *
 * @param <V> the type of the values
 */
interface EntryWriter<V> {

  /** Stores {@code value}, replacing any entry (a {@code set}). */
  void put(String key, V value, SetOptions options);

  /** Stores every entry with the same options (a {@code setMany}). */
  void putAll(Map<String, ? extends V> entries, SetOptions options);

  /**
   * Stores a fetched value, or an absence when {@link #cachesAbsence} says so, unless a live (fresh) entry
   * is there; returns whether it stored.
   */
  boolean putFetched(String key, @Nullable V value, SetOptions options);

  /** Whether an absent fetch result is remembered (negative caching) under these options. */
  boolean cachesAbsence(SetOptions options);

  /** The writer of a cache without freshness settings: plain values, as the storage takes them. */
  static <V> EntryWriter<V> plain(Keyspace<V> keyspace, @Nullable Duration defaultTtl) {
    return new EntryWriter<>() {
      @Override
      public void put(String key, V value, SetOptions options) {
        keyspace.put(key, value, ttl(options), options.tags());
      }

      @Override
      public void putAll(Map<String, ? extends V> entries, SetOptions options) {
        keyspace.putAll(entries, ttl(options), options.tags());
      }

      @Override
      public boolean putFetched(String key, @Nullable V value, SetOptions options) {
        return value != null && keyspace.putIfAbsent(key, value, ttl(options), options.tags());
      }

      @Override
      public boolean cachesAbsence(SetOptions options) {
        return false;
      }

      private @Nullable Duration ttl(SetOptions options) {
        Duration ttl = options.ttl();
        return ttl != null ? ttl : defaultTtl;
      }
    };
  }
}
