package dev.cachefn;

import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * @param fetchTimeout how long {@code getOrFetch} waits for a fetch of its key that another caller runs, and
 *     how long an asynchronous fetch may run before it is abandoned; positive
 * @param freshness the cache's refresh-ahead, stale windows and negative TTL; {@code null} for a cache that
 *     stores plain values and accepts no freshness settings on its calls (the default: no cost on any path)
 * @param refreshExecutor where background refreshes run; {@code null} for {@link #defaultRefreshExecutor()}
 * @param distributedSingleFlight whether a miss is fetched by one application instance at a time across the
 *     instances that share the cache's storage (see {@link CacheBuilder#distributedSingleFlight})
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
    EvictionPolicy evictionPolicy,
    Duration fetchTimeout,
    @Nullable Freshness freshness,
    @Nullable Executor refreshExecutor,
    boolean distributedSingleFlight) {

  /** The {@code maxSize} of a cache that does not set one. */
  public static final long DEFAULT_MAX_SIZE = 10_000;

  /**
   * The eviction policy of a cache that does not choose one: {@link EvictionPolicy#ADAPTIVE_FREQUENCY}, within 1
   * point of the better of LRU and Caffeine on every shared trace and far ahead of LRU on scans and loops.
   * {@link EvictionPolicy#LRU} is one setting away, exact.
   */
  public static final EvictionPolicy DEFAULT_EVICTION_POLICY = EvictionPolicy.ADAPTIVE_FREQUENCY;

  /**
   * The fetch timeout of a cache that does not set one: 30 seconds. Far above a healthy fetch (a query, a
   * remote call), so it never changes the outcome of one; below the 60-second read timeouts that common
   * proxies and load balancers default to (nginx {@code proxy_read_timeout}, the AWS ALB idle timeout), so
   * that callers stuck behind a hung fetch are released before the request they serve is cut off upstream.
   * A fetch timeout that never expires is what turns one hung fetch into a hung application.
   */
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);

  /** The name of the in-memory storage, the default. */
  public static final String MEMORY_STORAGE = "memory";

  /** Checks every setting; a bad one fails with a message naming it. */
  public CacheOptions {
    requireName(name, "name");
    requireName(namespace, "namespace");
    requireName(storageName, "storage");
    requireMaxSize(maxSize, "cache '" + name + "'");
    if (defaultTtl != null) {
      SetOptions.requirePositive(defaultTtl, "defaultTtl");
    }
    Objects.requireNonNull(ticker, "ticker must not be null");
    Objects.requireNonNull(evictionPolicy, "evictionPolicy must not be null");
    SetOptions.requirePositive(fetchTimeout, "fetchTimeout");
    if (freshness != null) {
      freshness.checkAgainst(defaultTtl, "of cache '" + name + "' (its defaultTtl)");
    }
  }

  /** Settings without freshness settings and with the default refresh executor. */
  public CacheOptions(String name, long maxSize, @Nullable Duration defaultTtl, String namespace,
      String storageName, @Nullable Storage storage, Ticker ticker, boolean recordStats,
      EvictionPolicy evictionPolicy, Duration fetchTimeout) {
    this(name, maxSize, defaultTtl, namespace, storageName, storage, ticker, recordStats, evictionPolicy,
        fetchTimeout, null, null, false);
  }

  /** Settings without distributed single flight. */
  public CacheOptions(String name, long maxSize, @Nullable Duration defaultTtl, String namespace,
      String storageName, @Nullable Storage storage, Ticker ticker, boolean recordStats,
      EvictionPolicy evictionPolicy, Duration fetchTimeout, @Nullable Freshness freshness,
      @Nullable Executor refreshExecutor) {
    this(name, maxSize, defaultTtl, namespace, storageName, storage, ticker, recordStats, evictionPolicy,
        fetchTimeout, freshness, refreshExecutor, false);
  }

  /**
   * Where a cache without its own executor runs background refreshes: on Java 21 and later a new virtual
   * thread per refresh (a refresh mostly waits for I/O, and virtual threads need no pool to size); on Java 17
   * to 20, {@link java.util.concurrent.ForkJoinPool#commonPool()}, shared by the whole JVM as
   * {@code CompletableFuture}'s asynchronous methods share it. Never a thread per cache. Under CDI, the
   * container's managed executor is used instead when there is one.
   */
  public static Executor defaultRefreshExecutor() {
    return dev.cachefn.internal.RefreshExecutors.shared();
  }

  /** Settings with the {@link #DEFAULT_EVICTION_POLICY} and the {@link #DEFAULT_FETCH_TIMEOUT}. */
  public CacheOptions(String name, long maxSize, @Nullable Duration defaultTtl, String namespace,
      String storageName, @Nullable Storage storage, Ticker ticker, boolean recordStats) {
    this(name, maxSize, defaultTtl, namespace, storageName, storage, ticker, recordStats,
        DEFAULT_EVICTION_POLICY);
  }

  /** Settings with the {@link #DEFAULT_FETCH_TIMEOUT}. */
  public CacheOptions(String name, long maxSize, @Nullable Duration defaultTtl, String namespace,
      String storageName, @Nullable Storage storage, Ticker ticker, boolean recordStats,
      EvictionPolicy evictionPolicy) {
    this(name, maxSize, defaultTtl, namespace, storageName, storage, ticker, recordStats, evictionPolicy,
        DEFAULT_FETCH_TIMEOUT);
  }

  /**
   * Checks a {@code maxSize}: at least 1. The one home of this rule, for every place that takes a maximum size
   * (this record, {@link CacheBuilder}, {@link Memoizer}, {@code KeyspaceSettings}, the JCache and CDI
   * configurations).
   *
   * @param where whose setting it is, for the message (such as {@code cache 'users'}); empty for none
   * @return {@code maxSize}
   * @throws IllegalArgumentException if {@code maxSize} is less than 1, naming it, the value and {@code where}
   */
  public static long requireMaxSize(long maxSize, String where) {
    if (maxSize < 1) {
      throw new IllegalArgumentException(
          "maxSize must be at least 1, got " + maxSize + (where.isEmpty() ? "" : " (" + where + ")"));
    }
    return maxSize;
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
