package dev.cachefn.internal;

import dev.cachefn.FetchInterruptedException;
import dev.cachefn.FetchTimeoutException;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The waiting side of {@link SingleFlight}: a caller that joins another caller's {@link Flight} waits here, at
 * most its fetch timeout, blocking or through a future, and gets what the fetching caller got. A blocking
 * waiter first looks for a chain of waits back to its own thread ({@link WaitingThreads}); an interrupted one
 * stops with {@link FetchInterruptedException} and its interrupt flag set. Counts the callers that gave up,
 * and the asynchronous fetches {@code SingleFlight} abandoned, at their timeout. Thread-safe.
 *
 * @param <V> the type of the values
 */
final class FlightWaits<V> {

  private final String cacheName;
  private final Duration defaultTimeout;
  private final FlightTimer timer;
  private final Counter timeouts = new Counter();

  /** @param defaultTimeout the fetch timeout of calls whose options set none */
  FlightWaits(String cacheName, Duration defaultTimeout, FlightTimer timer) {
    this.cacheName = cacheName;
    this.defaultTimeout = defaultTimeout;
    this.timer = timer;
  }

  /** The fetch timeout of a call with {@code options}: their own, else the cache's. */
  Duration timeout(SetOptions options) {
    Duration own = options.fetchTimeout();
    return own != null ? own : defaultTimeout;
  }

  /** Waits for the outcome of {@code flight}, at most {@code timeout}; its failure is rethrown as it is. */
  @Nullable V await(Flight<V> flight, Duration timeout) {
    Thread me = Thread.currentThread();
    IllegalStateException cycle = WaitingThreads.enter(me, flight);
    try {
      if (cycle != null) {
        throw cycle;
      }
      return timer.await(flight.result, SingleFlight.nanos(timeout));
    } catch (InterruptedException e) {
      me.interrupt();
      throw new FetchInterruptedException(cacheName, flight.key, e);
    } catch (TimeoutException e) {
      timeouts.increment();
      throw timedOut(flight, timeout);
    } catch (ExecutionException e) {
      // the fetcher's own exception, also a checked one (a Kotlin fetcher can throw one): the waiters must
      // get what the fetching caller got, not a wrapper around it
      throw SingleFlight.<RuntimeException>rethrow(SingleFlight.unwrap(e.getCause()));
    } finally {
      WaitingThreads.leave(me, flight);
    }
  }

  /** A future of the outcome of {@code flight}, failed with {@link FetchTimeoutException} after {@code timeout}. */
  CompletableFuture<@Nullable V> waitAsync(Flight<V> flight, Duration timeout) {
    CompletableFuture<@Nullable V> waiter = flight.result.copy();
    if (!waiter.isDone()) {
      Runnable cancel = timer.schedule(SingleFlight.nanos(timeout), () -> {
        if (waiter.completeExceptionally(timedOut(flight, timeout))) {
          timeouts.increment();
        }
      });
      waiter.whenComplete((value, failure) -> cancel.run());
    }
    return waiter;
  }

  /** Counts an asynchronous fetch abandoned at its timeout. */
  void abandoned() {
    timeouts.increment();
  }

  /** Callers that gave up waiting, and asynchronous fetches abandoned, at their fetch timeout. */
  long timeouts() {
    return timeouts.sum();
  }

  private FetchTimeoutException timedOut(Flight<V> flight, Duration timeout) {
    return new FetchTimeoutException(cacheName, flight.key, timeout,
        "gave up after " + timeout + " (the fetchTimeout) waiting for the fetch of key '" + flight.key
            + "' of cache '" + cacheName + "' that another caller runs; that fetch goes on. A slow fetch, or a"
            + " fetcher that waits for another thread fetching the same key, is the usual cause. Set a longer"
            + " timeout with fetchTimeout on the cache or the call if fetches of this key take that long");
  }
}
