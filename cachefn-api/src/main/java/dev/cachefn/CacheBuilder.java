package dev.cachefn;

import dev.cachefn.internal.Caches;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Cache}; start with {@link CacheFn#builder(String)}.
 *
 * <pre>{@code
 * Cache<User> users = CacheFn.builder("users")
 *     .maxSize(1_000)
 *     .defaultTtl(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <p>Each setter checks its argument at once and names it in the error. Not thread-safe; a builder can
 * build several caches.
 */
public final class CacheBuilder {

  private final String name;
  private long maxSize = CacheOptions.DEFAULT_MAX_SIZE;
  private @Nullable Duration defaultTtl;
  private @Nullable String namespace;
  private String storageName = CacheOptions.MEMORY_STORAGE;
  private @Nullable Storage storage;
  private Ticker ticker = Ticker.system();
  private boolean recordStats = true;
  private EvictionPolicy evictionPolicy = CacheOptions.DEFAULT_EVICTION_POLICY;
  private Duration fetchTimeout = CacheOptions.DEFAULT_FETCH_TIMEOUT;
  private @Nullable Freshness freshness;
  private @Nullable Executor refreshExecutor;
  private boolean distributedSingleFlight;

  CacheBuilder(String name) {
    this.name = CacheOptions.requireName(name, "name");
  }

  /** The most entries the cache holds; beyond it the {@link #evictionPolicy} picks one to evict. At least 1. */
  public CacheBuilder maxSize(long maxSize) {
    this.maxSize = CacheOptions.requireMaxSize(maxSize, "cache '" + name + "'");
    return this;
  }

  /** The time-to-live of entries written without their own; must be positive. Default: none. */
  public CacheBuilder defaultTtl(Duration defaultTtl) {
    this.defaultTtl = SetOptions.requirePositive(defaultTtl, "defaultTtl");
    return this;
  }

  /** The namespace that separates this cache's keys from other caches on the same storage. Default: the name. */
  public CacheBuilder namespace(String namespace) {
    this.namespace = CacheOptions.requireName(namespace, "namespace");
    return this;
  }

  /** Uses the storage registered under {@code storageName} (default {@code "memory"}). */
  public CacheBuilder storage(String storageName) {
    this.storageName = CacheOptions.requireName(storageName, "storage");
    this.storage = null;
    return this;
  }

  /** Uses this storage instance, which several caches may share (each in its own namespace). */
  public CacheBuilder storage(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage must not be null");
    return this;
  }

  /** The time source for expiration; tests pass a ticker they control. Default: {@link Ticker#system()}. */
  public CacheBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
    return this;
  }

  /** Whether hits and misses are counted (default {@code true}); off saves two counter updates per lookup. */
  public CacheBuilder recordStats(boolean recordStats) {
    this.recordStats = recordStats;
    return this;
  }

  /**
   * How the entry to evict is chosen once {@link #maxSize} is reached. Default:
   * {@link CacheOptions#DEFAULT_EVICTION_POLICY}.
   */
  public CacheBuilder evictionPolicy(EvictionPolicy evictionPolicy) {
    this.evictionPolicy = Objects.requireNonNull(evictionPolicy, "evictionPolicy must not be null");
    return this;
  }

  /**
   * How long {@code getOrFetch} waits for a fetch of its key that another caller runs before it fails with
   * {@link FetchTimeoutException}, and how long an asynchronous fetch may run before it is abandoned (its
   * callers get that exception, the next caller fetches again); must be positive. A caller's own synchronous
   * fetcher is never cut short. Default: {@link CacheOptions#DEFAULT_FETCH_TIMEOUT}; one call can set its own
   * with {@link SetOptions#withFetchTimeout}.
   */
  public CacheBuilder fetchTimeout(Duration fetchTimeout) {
    this.fetchTimeout = SetOptions.requirePositive(fetchTimeout, "fetchTimeout");
    return this;
  }

  /**
   * Refresh-ahead: a {@code getOrFetch} hit on an entry written at least {@code refreshAfter} ago returns the
   * value at once and starts one background re-fetch of the key on the {@link #refreshExecutor} (single
   * flight with any other fetch of the key). Success replaces the value (new TTL, same tags); failure keeps
   * the old value and counts a refresh failure. Must be positive and shorter than the entry's TTL. Default:
   * off. Turns on {@linkplain #freshness stamped storage}.
   */
  public CacheBuilder refreshAfter(Duration refreshAfter) {
    this.freshness = freshnessOrNone().withRefreshAfter(refreshAfter);
    return this;
  }

  /**
   * Stale-while-revalidate (RFC 5861): for this long after an entry's TTL, {@code getOrFetch} returns the
   * expired value at once, counts it ({@code staleServed}, a {@code STALE} event) and re-fetches in the
   * background; {@code get} never returns an expired value. Positive. Default: off. The storage keeps each
   * entry for its TTL plus this window.
   */
  public CacheBuilder staleWhileRevalidate(Duration staleWhileRevalidate) {
    this.freshness = freshnessOrNone().withStaleWhileRevalidate(staleWhileRevalidate);
    return this;
  }

  /**
   * Stale-if-error (RFC 5861): for this long after an entry's TTL, a {@code getOrFetch} whose fetch of the
   * expired key fails returns the expired value instead of the exception (counted as {@code staleServed}, a
   * {@code STALE} event); after it, the failure reaches the caller as usual. Positive. Default: off.
   */
  public CacheBuilder staleIfError(Duration staleIfError) {
    this.freshness = freshnessOrNone().withStaleIfError(staleIfError);
    return this;
  }

  /**
   * Negative caching: a fetch that finds nothing ({@code null}) is remembered for {@code negativeTtl}, during
   * which {@code getOrFetch} returns {@code null} without calling the fetcher; {@code get} and {@code has}
   * still say "no value". Removed by delete and every invalidation like any entry. Positive. Default: off.
   */
  public CacheBuilder negativeTtl(Duration negativeTtl) {
    this.freshness = freshnessOrNone().withNegativeTtl(negativeTtl);
    return this;
  }

  /**
   * All freshness settings at once; {@link Freshness#none()} stores values with their write times without
   * any setting of the cache's own, so that calls can bring their own ({@link SetOptions#withRefreshAfter}
   * and the like, {@code @Memoize(refreshAfter = ...)}). A cache without freshness settings stores plain
   * values and rejects calls that bring some.
   */
  public CacheBuilder freshness(Freshness freshness) {
    this.freshness = Objects.requireNonNull(freshness, "freshness must not be null");
    return this;
  }

  /**
   * Where background refreshes run. Default: {@link CacheOptions#defaultRefreshExecutor()}, shared by every
   * cache. A refresh the executor rejects is counted as a failed refresh; the cached value stays.
   */
  public CacheBuilder refreshExecutor(Executor refreshExecutor) {
    this.refreshExecutor = Objects.requireNonNull(refreshExecutor, "refreshExecutor must not be null");
    return this;
  }

  private Freshness freshnessOrNone() {
    return freshness != null ? freshness : Freshness.none();
  }

  /**
   * Whether {@code getOrFetch} fetches a missing key once across the application instances that share the
   * cache's storage, not once per instance (default {@code false}): the first instance takes a short lease on
   * the key in the storage and fetches; the others wait for its value, at most the {@link #fetchTimeout}, then
   * fetch themselves. For a storage shared by instances that can coordinate them (such as Redis); ignored by
   * one that cannot (the in-memory storage, where single flight per instance is all there is). Costs two
   * round trips to the storage per miss. Within one instance, {@code getOrFetch} always fetches a key once.
   */
  public CacheBuilder distributedSingleFlight(boolean distributedSingleFlight) {
    this.distributedSingleFlight = distributedSingleFlight;
    return this;
  }

  /** The settings collected so far. */
  public CacheOptions options() {
    return new CacheOptions(
        name, maxSize, defaultTtl, namespace != null ? namespace : name, storageName, storage, ticker,
        recordStats, evictionPolicy, fetchTimeout, freshness, refreshExecutor,
        distributedSingleFlight);
  }

  /**
   * Builds the cache.
   *
   * @throws IllegalStateException if no storage is registered under the chosen name
   */
  public <V> Cache<V> build() {
    return Caches.create(options());
  }
}
