package dev.cachefn.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.Stamped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Background refreshes of a cache with freshness settings (refresh-ahead, stale-while-revalidate).
 *
 * <p>A refresh is a flight of {@link SingleFlight} like any fetch: it starts only when no fetch of the key is
 * under way, and callers that miss the key meanwhile wait for it (at most their fetch timeout). It runs on the
 * cache's executor with no lock held; an asynchronous fetcher's stage is abandoned after the fetch timeout. A
 * write or removal of the key while it runs marks its flight stale, so it never stores: a late refresh cannot
 * bring an invalidated key back. Its value replaces the entry unless a newer write replaced it first. A
 * failure (the fetcher's, the executor's rejection, the timeout) keeps the old value and is counted and
 * evented ({@link CacheEventType#REFRESH} with the failure).
 *
 * @param <V> the type of the values
 */
final class Refresher<V> {

  private static final System.Logger LOG = System.getLogger(Refresher.class.getName());

  private final String cacheName;
  private final SingleFlight<V> flights;
  private final StampedKeyspace<V> keyspace;
  private final Executor executor;
  private final EventDispatcher<V> events;
  private final Counter refreshes = new Counter();
  private final Counter failures = new Counter();

  Refresher(String cacheName, SingleFlight<V> flights, StampedKeyspace<V> keyspace, Executor executor,
      EventDispatcher<V> events) {
    this.cacheName = cacheName;
    this.flights = flights;
    this.keyspace = keyspace;
    this.executor = executor;
    this.events = events;
  }

  /** A synchronous fetcher as the stage a refresh runs: it runs on the executor's thread. */
  static <V> Supplier<CompletionStage<@Nullable V>> staged(Supplier<? extends @Nullable V> fetcher) {
    return () -> CompletableFuture.completedFuture(fetcher.get());
  }

  /**
   * Starts a background refresh of {@code key}, whose entry was {@code seen}, unless a fetch of the key is
   * under way.
   */
  void refresh(String key, Stamped<V> seen, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher,
      SetOptions options) {
    Flight<V> flight = flights.claim(key, options);
    if (flight == null) {
      return;
    }
    try {
      executor.execute(() -> run(flight, seen, fetcher, options));
    } catch (RuntimeException rejected) { // RejectedExecutionException, or a broken executor
      failed(flight, rejected);
    }
  }

  private void run(Flight<V> flight, Stamped<V> seen,
      Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    CompletionStage<? extends @Nullable V> stage;
    flight.fetchingThread = Thread.currentThread();
    try {
      stage = fetcher.get();
      if (stage == null) {
        throw new NullPointerException(
            "fetcher for key '" + flight.key + "' returned null instead of a CompletionStage");
      }
    } catch (Throwable failure) {
      failed(flight, failure);
      return;
    } finally {
      flight.fetchingThread = null;
    }
    if (!(stage instanceof CompletableFuture<?> future && future.isDone())) {
      flights.abandonAfter(flight, flights.timeout(options), timedOut -> reportFailure(flight.key, timedOut));
    }
    stage.whenComplete((value, error) -> {
      if (error != null) {
        failed(flight, SingleFlight.unwrap(error));
      } else {
        succeeded(flight, value, seen, options);
      }
    });
  }

  private void succeeded(Flight<V> flight, @Nullable V value, Stamped<V> seen, SetOptions options) {
    List<Runnable> afterLanding = new ArrayList<>(2);
    try {
      flights.storeUnlessStale(
          flight, value, () -> keyspace.putRefreshed(flight.key, value, seen, options), afterLanding);
    } catch (Throwable storeFailure) {
      failed(flight, storeFailure);
      SingleFlight.runAll(afterLanding);
      return;
    }
    boolean abandoned = flight.result.isDone(); // timed out: counted when it was abandoned
    flights.land(flight, value, null);
    SingleFlight.runAll(afterLanding);
    if (!abandoned) {
      refreshes.increment();
      if (events.wants(CacheEventType.REFRESH)) {
        events.fire(CacheEvent.ofRefresh(cacheName, flight.key, value, null));
      }
    }
  }

  private void failed(Flight<V> flight, Throwable failure) {
    flights.land(flight, null, failure);
    reportFailure(flight.key, failure);
  }

  private void reportFailure(String key, Throwable failure) {
    failures.increment();
    LOG.log(System.Logger.Level.DEBUG, () -> "the refresh of key '" + key + "' of cache '" + cacheName
        + "' failed; the old value stays: " + failure);
    if (events.wants(CacheEventType.REFRESH)) {
      events.fire(CacheEvent.ofRefresh(cacheName, key, null, failure));
    }
  }

  long refreshes() {
    return refreshes.sum();
  }

  long failures() {
    return failures.sum();
  }
}
