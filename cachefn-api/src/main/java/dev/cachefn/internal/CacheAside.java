package dev.cachefn.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The cache-aside operations of a {@link DefaultCache}: argument checks, then the cache's lookup and
 * {@link SingleFlight} for a plain cache, {@link FreshReads} for a cache with freshness settings, and
 * {@link BulkFetch} for {@code getOrFetchMany}.
 *
 * @param <V> the type of the values
 */
final class CacheAside<V> {

  private final String cacheName;
  /** The cache's own counted lookups ({@code get}, {@code getMany}), which also check that it is open. */
  private final Cache<V> cache;
  private final SingleFlight<V> flights;
  private final BulkFetch<V> bulk;
  private final @Nullable FreshReads<V> fresh;
  /** Fails if the cache is closed. */
  private final Runnable ensureOpen;

  CacheAside(String cacheName, Cache<V> cache, Runnable ensureOpen, SingleFlight<V> flights,
      @Nullable FreshReads<V> fresh) {
    this.cacheName = cacheName;
    this.cache = cache;
    this.ensureOpen = ensureOpen;
    this.flights = flights;
    this.bulk = new BulkFetch<>(cacheName, flights);
    this.fresh = fresh;
  }

  @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options) {
    FreshReads<V> freshReads = freshReads(key, fetcher, options);
    if (freshReads != null) {
      return freshReads.getOrFetch(key, fetcher, options);
    }
    V cached = cache.get(key); // checks that the cache is open
    return cached != null ? cached : flights.fetch(key, fetcher, options);
  }

  CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    FreshReads<V> freshReads = freshReads(key, fetcher, options);
    if (freshReads != null) {
      return freshReads.getOrFetchAsync(key, fetcher, options);
    }
    V cached = cache.get(key); // checks that the cache is open
    return cached != null ? CompletableFuture.completedFuture(cached) : flights.fetchAsync(key, fetcher, options);
  }

  /**
   * Checks the arguments of a single-key cache-aside call; returns the freshness reads of a cache that has
   * freshness settings (having checked that it is open), or {@code null} for a plain cache.
   */
  private @Nullable FreshReads<V> freshReads(String key, Object fetcher, SetOptions options) {
    Arguments.key(key);
    Arguments.notNull(fetcher, "fetcher");
    Arguments.notNull(options, "options");
    FreshReads<V> freshReads = fresh;
    if (freshReads != null) {
      ensureOpen.run();
    } else {
      plainOrFresh(options);
    }
    return freshReads;
  }

  Map<String, V> getOrFetchMany(Collection<String> keys,
      Function<? super Set<String>, ? extends Map<String, ? extends @Nullable V>> bulkFetcher, SetOptions options) {
    List<String> distinct = bulkArguments(keys, bulkFetcher, options);
    return bulk.fetch(distinct, answers(distinct, options, key -> Refresher.staged(
        () -> bulkFetcher.apply(Set.of(key)).get(key))), bulkFetcher, options);
  }

  CompletionStage<Map<String, V>> getOrFetchManyAsync(Collection<String> keys,
      Function<? super Set<String>, ? extends CompletionStage<? extends Map<String, ? extends @Nullable V>>>
          bulkFetcher,
      SetOptions options) {
    List<String> distinct = bulkArguments(keys, bulkFetcher, options);
    return bulk.fetchAsync(distinct, answers(distinct, options,
        key -> () -> bulkFetcher.apply(Set.of(key)).thenApply(values -> values.get(key))), bulkFetcher, options);
  }

  private List<String> bulkArguments(Collection<String> keys, Object bulkFetcher, SetOptions options) {
    ensureOpen.run();
    Arguments.keys(keys);
    Arguments.notNull(bulkFetcher, "bulkFetcher");
    Arguments.notNull(options, "options");
    plainOrFresh(options);
    return BulkFetch.distinct(keys);
  }

  /** What the cache holds of {@code keys}, counted as lookups; {@code refetcher} refreshes one key. */
  private BulkFetch.Answers<V> answers(List<String> keys, SetOptions options,
      Function<String, Supplier<? extends CompletionStage<? extends @Nullable V>>> refetcher) {
    FreshReads<V> freshReads = fresh;
    if (freshReads != null) {
      return freshReads.lookupMany(keys, options, refetcher);
    }
    Map<String, V> found = cache.getMany(keys); // checks that the cache is open
    return new BulkFetch.Answers<>(found, found.keySet());
  }

  /** Checks that a call brings freshness settings only to a cache that stores write times. */
  void plainOrFresh(SetOptions options) {
    if (fresh == null && options != SetOptions.none() && !options.freshness().isNone()) {
      throw new IllegalArgumentException("cache '" + cacheName + "' was built without freshness settings, so it"
          + " keeps no write times and cannot apply the call's " + options.freshness() + ". Give the cache"
          + " freshness settings (CacheBuilder.refreshAfter, staleWhileRevalidate, staleIfError, negativeTtl,"
          + " or freshness(Freshness.none()) to let calls bring their own)");
    }
  }
}
