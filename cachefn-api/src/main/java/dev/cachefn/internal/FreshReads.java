package dev.cachefn.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.Freshness;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.Stamped;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Cache-aside reads of a cache with freshness settings. For the entry under the key, at the ticker's time:
 * <ul>
 *   <li>fresh: a hit; when written at least {@code refreshAfter} ago, a background refresh starts
 *       ({@link Refresher}); a remembered absence is a hit that answers {@code null} without fetching;
 *   <li>expired less than {@code staleWhileRevalidate} ago: the value is served (a hit, counted as stale
 *       served, a {@code STALE} event) and a background refresh starts;
 *   <li>otherwise (expired longer, or no entry): a miss and a single-flight fetch; if that fails while the entry
 *       expired less than {@code staleIfError} ago (measured when it fails), the value is served instead.
 * </ul>
 * Windows are half-open: an entry is fresh strictly before its expiry, stale-servable strictly before expiry
 * plus the window, and due for refresh from exactly {@code refreshAfter} on.
 *
 * @param <V> the type of the values
 */
final class FreshReads<V> {

  private final String cacheName;
  private final StampedKeyspace<V> keyspace;
  private final SingleFlight<V> flights;
  private final Refresher<V> refresher;
  private final EventDispatcher<V> events;
  /** Counts a hit and fires its event (the value is {@code null} for a remembered absence). */
  private final BiConsumer<String, @Nullable V> hit;
  /** Counts a miss and fires its event. */
  private final Consumer<String> miss;
  private final Counter staleServed = new Counter();

  /** @param executor where refreshes run; {@code null} for the shared default ({@link RefreshExecutors}) */
  FreshReads(String cacheName, StampedKeyspace<V> keyspace, SingleFlight<V> flights, @Nullable Executor executor,
      EventDispatcher<V> events, BiConsumer<String, @Nullable V> hit, Consumer<String> miss) {
    this.cacheName = cacheName;
    this.keyspace = keyspace;
    this.flights = flights;
    this.refresher = new Refresher<>(
        cacheName, flights, keyspace, executor != null ? executor : RefreshExecutors.shared(), events);
    this.events = events;
    this.hit = hit;
    this.miss = miss;
  }

  @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options) {
    Freshness freshness = keyspace.freshness(options);
    Stamped<V> entry = keyspace.lookup(key);
    if (entry != null && servable(key, entry, freshness, Refresher.staged(fetcher), options)) {
      return entry.value();
    }
    miss.accept(key);
    try {
      return flights.fetch(key, fetcher, options);
    } catch (Exception failure) {
      V stale = staleIfError(key, entry, freshness);
      if (stale != null) {
        return stale;
      }
      throw failure;
    }
  }

  CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    Freshness freshness = keyspace.freshness(options);
    Stamped<V> entry = keyspace.lookup(key);
    if (entry != null && servable(key, entry, freshness, fetcher, options)) {
      return CompletableFuture.completedFuture(entry.value());
    }
    miss.accept(key);
    CompletionStage<@Nullable V> fetched = flights.fetchAsync(key, fetcher, options);
    if (entry == null || entry.value() == null || freshness.staleIfError() == null) {
      return fetched;
    }
    return fetched.exceptionally(failure -> {
      V stale = staleIfError(key, entry, freshness);
      if (stale != null) {
        return stale;
      }
      throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
    });
  }

  /**
   * The lookup of {@code getOrFetchMany}: one storage call for every key; each key answered as by
   * {@code getOrFetch} (a due or stale-served key is refreshed through {@code refetcher}), or counted a miss,
   * with its expired value as the stale-if-error fallback.
   */
  BulkFetch.Answers<V> lookupMany(List<String> keys, SetOptions options,
      Function<String, Supplier<? extends CompletionStage<? extends @Nullable V>>> refetcher) {
    Freshness freshness = keyspace.freshness(options);
    Map<String, Stamped<V>> entries = keyspace.lookupAll(keys);
    Map<String, V> values = new LinkedHashMap<>();
    Set<String> settled = new HashSet<>();
    for (String key : keys) {
      Stamped<V> entry = entries.get(key);
      if (entry != null && servable(key, entry, freshness, refetcher.apply(key), options)) {
        settled.add(key);
        if (entry.value() != null) {
          values.put(key, entry.value());
        }
      } else {
        miss.accept(key);
      }
    }
    return new BulkFetch.Answers<>(values, settled, staleIfError(entries, freshness));
  }

  /** The stale-if-error fallback of a bulk lookup that found {@code entries}. */
  private BulkFetch.Fallback<V> staleIfError(Map<String, Stamped<V>> entries, Freshness freshness) {
    if (freshness.staleIfError() == null) {
      return BulkFetch.Fallback.none();
    }
    return new BulkFetch.Fallback<V>() {
      @Override
      public @Nullable V stale(String key) {
        return staleValue(entries.get(key), freshness);
      }

      @Override
      public void serve(String key, V value) {
        served(key, value);
      }
    };
  }

  /**
   * Whether {@code entry} answers the lookup (fresh, or stale within the stale-while-revalidate window); if so
   * counts the hit and starts the refresh it is due for.
   */
  private boolean servable(String key, Stamped<V> entry, Freshness freshness,
      Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    long now = keyspace.now();
    V value = entry.value();
    if (entry.isFresh(now)) {
      hit.accept(key, value);
      if (value != null && reached(now - entry.writtenAt(), freshness.refreshAfter())) {
        refresher.refresh(key, entry, fetcher, options);
      }
      return true;
    }
    if (value != null && withinWindow(entry, freshness.staleWhileRevalidate(), now)) {
      hit.accept(key, value);
      served(key, value);
      refresher.refresh(key, entry, fetcher, options);
      return true;
    }
    return false;
  }

  private @Nullable V staleIfError(String key, @Nullable Stamped<V> entry, Freshness freshness) {
    V stale = staleValue(entry, freshness);
    if (stale != null) {
      served(key, stale);
    }
    return stale;
  }

  /** The value of {@code entry} if it expired less than its stale-if-error window ago, now; else {@code null}. */
  private @Nullable V staleValue(@Nullable Stamped<V> entry, Freshness freshness) {
    if (entry == null || entry.value() == null || !withinWindow(entry, freshness.staleIfError(), keyspace.now())) {
      return null;
    }
    return entry.value();
  }

  private void served(String key, V value) {
    staleServed.increment();
    if (events.wants(CacheEventType.STALE)) {
      events.fire(CacheEvent.ofEntry(CacheEventType.STALE, cacheName, key, value));
    }
  }

  /** Whether an expired entry is still within {@code window} past its expiry at {@code now}. */
  private static boolean withinWindow(Stamped<?> entry, @Nullable Duration window, long now) {
    return window != null && entry.expiresAt() != Stamped.NEVER
        && !reached(now - entry.expiresAt(), window);
  }

  private static boolean reached(long elapsedNanos, @Nullable Duration limit) {
    return limit != null && elapsedNanos >= StampedKeyspace.nanos(limit);
  }

  long staleServed() {
    return staleServed.sum();
  }

  long refreshes() {
    return refresher.refreshes();
  }

  long refreshFailures() {
    return refresher.failures();
  }
}
