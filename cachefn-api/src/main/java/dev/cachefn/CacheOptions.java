package dev.cachefn;

import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one cache, as built by {@link CacheBuilder}; immutable.
 *
 * @param name the cache's name
 * @param maxSize the most entries the cache holds before evicting, at least 1
 * @param defaultTtl the time-to-live of entries written without one; {@code null} for none
 * @param namespace separates caches on a shared storage; defaults to {@code name}
 * @param storageName the name of the storage to look up when {@code storage} is {@code null}
 * @param storage a storage instance to use instead of looking one up by name
 * @param ticker the time source for expiration
 * @param recordStats whether hits and misses are counted
 * @param evictionPolicy how the entry to evict is chosen once {@code maxSize} is reached
 */
public record CacheOptions(
    String name,
    long maxSize,
    @Nullable Duration defaultTtl,
    String namespace,
    String storageName,
    @Nullable Storage storage,
    Ticker ticker,
    boolean recordStats,
    EvictionPolicy evictionPolicy) {

  /** The {@code maxSize} of a cache that does not set one. */
  public static final long DEFAULT_MAX_SIZE = 10_000;

  /** The eviction policy of a cache that does not choose one. */
  public static final EvictionPolicy DEFAULT_EVICTION_POLICY = EvictionPolicy.LRU;

  /** The name of the in-memory storage, the default. */
  public static final String MEMORY_STORAGE = "memory";

  /** Checks every setting; a bad one fails with a message naming it. */
  public CacheOptions {
    requireName(name, "name");
    requireName(namespace, "namespace");
    requireName(storageName, "storage");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize + " (cache '" + name + "')");
    }
    if (defaultTtl != null) {
      SetOptions.requirePositive(defaultTtl, "defaultTtl");
    }
    Objects.requireNonNull(ticker, "ticker must not be null");
    Objects.requireNonNull(evictionPolicy, "evictionPolicy must not be null");
  }

  /** Settings with the {@link #DEFAULT_EVICTION_POLICY}. */
  public CacheOptions(String name, long maxSize, @Nullable Duration defaultTtl, String namespace,
      String storageName, @Nullable Storage storage, Ticker ticker, boolean recordStats) {
    this(name, maxSize, defaultTtl, namespace, storageName, storage, ticker, recordStats,
        DEFAULT_EVICTION_POLICY);
  }

  static String requireName(@Nullable String value, String setting) {
    if (value == null) {
      throw new NullPointerException(setting + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    return value;
  }
}
