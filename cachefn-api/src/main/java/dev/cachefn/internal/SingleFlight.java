package dev.cachefn.internal;

import dev.cachefn.FetchInterruptedException;
import dev.cachefn.FetchTimeoutException;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.Keyspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Single-flight cache-aside loading over a {@link Keyspace}: one fetch per missing key at a time, shared by
 * every caller that misses the key meanwhile.
 *
 * <p><b>Store unless stale.</b> A write or removal of a key while its fetch runs marks the fetch's
 * {@link Flight} stale: the fetched value goes to the callers already waiting but is not stored, and callers
 * arriving later start a fetch of their own. The value is stored with the keyspace's put-if-absent, so a
 * write that landed first wins.
 *
 * <p><b>No lock around user code.</b> Fetchers run with no lock held (a flight is registered with one map
 * operation). The store of a fetched value holds no lock either; a removal of the same key that arrives
 * during it waits for it to end (see {@link Flight#markStale}), and the removal events the store causes (an eviction
 * to make room) are deferred, with the cache's own set event, until the flight has landed and every waiter
 * has its value: a listener never runs while a writer or a waiter waits for it.
 *
 * <p><b>Bounded waits.</b> A caller waits for another caller's fetch at most its fetch timeout, then gets
 * {@link FetchTimeoutException}; an interrupted caller stops waiting with {@link FetchInterruptedException}
 * and its interrupt flag set ({@link FlightWaits}). An asynchronous fetch whose stage has not completed within
 * the timeout is abandoned: its callers get that exception, its late value is not stored and the next caller
 * fetches again. A synchronous fetcher is never cut short: it runs on its caller's own thread.
 *
 * <p><b>Cycles.</b> Before it waits, a caller looks for a chain of waits back to its own thread
 * ({@link WaitingThreads}) and fails at once with {@link IllegalStateException} if there is one. Cycles this
 * cannot see (a fetcher blocked on a future that another thread completes) are ended by the timeout.
 *
 * @param <V> the type of the values
 */
final class SingleFlight<V> {

  /** Actions to run once the store this thread is doing has ended and its flight landed. */
  private static final ThreadLocal<@Nullable List<Runnable>> AFTER_STORE = new ThreadLocal<>();

  private final String cacheName;
  private final Keyspace<V> keyspace;
  /** The keyspace's coordination of fetches across application instances, when it offers one. */
  private final @Nullable FetchCoordination<V> coordination;
  private final EntryWriter<V> writer;
  private final FlightTimer timer;
  private final FlightWaits<V> waits;
  /** Told of every value a flight stored, after the flight landed. */
  private final BiConsumer<String, V> stored;
  private final ConcurrentHashMap<String, Flight<V>> flights = new ConcurrentHashMap<>();

  /**
   * @param writer stores fetched values (with the TTL of their options or the cache's)
   * @param defaultTimeout the fetch timeout of calls whose options set none
   * @param stored told of each value stored, once its flight has landed (stats and the set event)
   */
  SingleFlight(String cacheName, Keyspace<V> keyspace, EntryWriter<V> writer, Duration defaultTimeout,
      FlightTimer timer, BiConsumer<String, V> stored) {
    this.cacheName = cacheName;
    this.keyspace = keyspace;
    this.coordination = coordination(keyspace);
    this.writer = writer;
    this.timer = timer;
    this.waits = new FlightWaits<>(cacheName, defaultTimeout, timer);
    this.stored = stored;
  }

  @SuppressWarnings("unchecked") // a keyspace of V coordinates fetches of V
  private static <V> @Nullable FetchCoordination<V> coordination(Keyspace<V> keyspace) {
    return keyspace instanceof FetchCoordination<?> c ? (FetchCoordination<V>) c : null;
  }

  /**
   * Runs {@code action} once the store of a fetched value that this thread is doing has ended, or now if it
   * is doing none: how a storage's removal events caused by that store reach the listeners after it.
   */
  static void afterStore(Runnable action) {
    List<Runnable> deferred = AFTER_STORE.get();
    if (deferred != null) {
      deferred.add(action);
    } else {
      action.run();
    }
  }

  // ---- fetching ------------------------------------------------------------------------------------

  /** The value of {@code key} after a miss: fetched by this thread, or by the flight already under way. */
  @Nullable V fetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options) {
    Flight<V> mine = new Flight<>(cacheName, key, options.tags());
    Flight<V> running = register(key, mine);
    if (running != null) {
      return await(running, timeout(options));
    }
    List<Runnable> afterLanding = new ArrayList<>(2);
    V value;
    try {
      value = keyspace.get(key); // a fetch that finished between the caller's miss and this flight
      if (value == null) {
        // a storage shared by several application instances may wait for another instance's fetch of the key
        FetchTurn<V> turn = coordination != null ? coordination.beginFetch(key, timeout(options)) : FetchTurn.fetch();
        value = turn.found();
        if (value == null) {
          try {
            mine.fetchingThread = Thread.currentThread();
            try {
              value = fetcher.get();
            } finally {
              mine.fetchingThread = null;
            }
            storeFetched(mine, value, options, afterLanding);
          } finally {
            turn.end();
          }
        }
      }
    } catch (Throwable failure) {
      land(mine, null, failure);
      runAll(afterLanding);
      throw failure;
    }
    land(mine, value, null);
    runAll(afterLanding);
    return value;
  }

  /** As {@link #fetch}, for a fetcher that returns a stage; the caller never waits. */
  CompletionStage<@Nullable V> fetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    Flight<V> mine = new Flight<>(cacheName, key, options.tags());
    Flight<V> running = register(key, mine);
    Duration timeout = timeout(options);
    if (running != null) {
      if (running.isFetchingOn(Thread.currentThread())) {
        return CompletableFuture.failedFuture(WaitingThreads.selfWait(running));
      }
      return waitAsync(running, timeout);
    }
    CompletionStage<? extends @Nullable V> stage;
    try {
      V present = keyspace.get(key);
      if (present != null) {
        land(mine, present, null);
        return mine.result.copy();
      }
      mine.fetchingThread = Thread.currentThread();
      try {
        stage = fetcher.get();
      } finally {
        mine.fetchingThread = null;
      }
      if (stage == null) {
        throw new NullPointerException(
            "fetcher for key '" + key + "' returned null instead of a CompletionStage");
      }
    } catch (Throwable failure) {
      land(mine, null, failure);
      return mine.result.copy();
    }
    if (!(stage instanceof CompletableFuture<?> future && future.isDone())) {
      abandonAfter(mine, timeout, failure -> {});
    }
    stage.whenComplete((value, error) -> complete(mine, value, error, options));
    return mine.result.copy();
  }

  private void complete(Flight<V> flight, @Nullable V value, @Nullable Throwable error, SetOptions options) {
    if (error != null) {
      land(flight, null, unwrap(error));
      return;
    }
    List<Runnable> afterLanding = new ArrayList<>(2);
    try {
      storeFetched(flight, value, options, afterLanding);
    } catch (Throwable failure) {
      land(flight, null, failure);
      runAll(afterLanding);
      return;
    }
    land(flight, value, null);
    runAll(afterLanding);
  }

  /**
   * Registers a new flight of {@code key} for a background refresh and returns it, or returns {@code null}
   * when a fetch of the key is under way already (the refresh is then not needed).
   */
  @Nullable Flight<V> claim(String key, SetOptions options) {
    Flight<V> mine = new Flight<>(cacheName, key, options.tags());
    return register(key, mine) == null ? mine : null;
  }

  /**
   * Registers {@code mine} as the flight of {@code key} and returns {@code null}, or returns the running
   * flight to join. A stale flight is replaced, not joined: its value may predate a write or removal that
   * the caller has already seen, so a caller that starts after the removal must not receive it.
   */
  @Nullable Flight<V> register(String key, Flight<V> mine) {
    while (true) {
      Flight<V> running = flights.putIfAbsent(key, mine);
      if (running == null || !running.isStale() || running.isFetchingOn(Thread.currentThread())) {
        return running;
      }
      if (flights.replace(key, running, mine)) {
        return null;
      }
    }
  }

  void storeFetched(Flight<V> flight, @Nullable V value, SetOptions options, List<Runnable> afterLanding) {
    if (value != null || writer.cachesAbsence(options)) {
      storeUnlessStale(flight, value, () -> writer.putFetched(flight.key, value, options), afterLanding);
    }
  }

  /**
   * Runs {@code store} unless the flight went stale (the writer's put-if-absent lets a write that landed first
   * win); returns whether it stored. The removal events the store causes, and the cache's record of the store,
   * go to {@code afterLanding}.
   */
  boolean storeUnlessStale(
      Flight<V> flight, @Nullable V value, BooleanSupplier store, List<Runnable> afterLanding) {
    if (!flight.beginStore()) {
      return false;
    }
    List<Runnable> outer = AFTER_STORE.get();
    AFTER_STORE.set(afterLanding);
    boolean done;
    try {
      done = store.getAsBoolean();
    } finally {
      AFTER_STORE.set(outer);
      flight.endStore();
    }
    if (done && value != null) {
      afterLanding.add(() -> stored.accept(flight.key, value));
    }
    return done;
  }

  /** Ends a flight: later callers look in the cache again; the waiting ones get the outcome. */
  void land(Flight<V> flight, @Nullable V value, @Nullable Throwable failure) {
    flights.remove(flight.key, flight);
    Runnable cancel = flight.cancelTimer;
    if (cancel != null) {
      cancel.run();
    }
    if (failure != null) {
      flight.result.completeExceptionally(failure);
    } else {
      flight.result.complete(value);
    }
  }

  /**
   * Gives up the asynchronous fetch of {@code flight} if its stage has not completed within {@code timeout}
   * (a store already under way ends first); {@code onAbandon} is told when it does.
   */
  void abandonAfter(Flight<V> flight, Duration timeout, Consumer<FetchTimeoutException> onAbandon) {
    flight.cancelTimer = timer.schedule(nanos(timeout), () -> abandon(flight, timeout, onAbandon));
  }

  private void abandon(Flight<V> flight, Duration timeout, Consumer<FetchTimeoutException> onAbandon) {
    if (flight.result.isDone() || !flight.abandon()) {
      return;
    }
    flights.remove(flight.key, flight);
    waits.abandoned();
    FetchTimeoutException timedOut = new FetchTimeoutException(cacheName, flight.key, timeout,
        "the asynchronous fetch of key '" + flight.key + "' of cache '" + cacheName + "' did not complete within "
            + timeout + " (its fetchTimeout) and was abandoned: its callers get this exception, its value will"
            + " not be stored, and the next caller of the key fetches again");
    flight.result.completeExceptionally(timedOut);
    onAbandon.accept(timedOut);
  }

  // ---- waiting: see FlightWaits -----------------------------------------------------------------

  @Nullable V await(Flight<V> flight, Duration timeout) {
    return waits.await(flight, timeout);
  }

  CompletableFuture<@Nullable V> waitAsync(Flight<V> flight, Duration timeout) {
    return waits.waitAsync(flight, timeout);
  }

  // ---- stale marking -------------------------------------------------------------------------------

  /**
   * A write of {@code key}: a fetch of it under way must not store (its value may be older). A store already
   * under way is not waited for: the write's put and the store's put-if-absent leave the write's value in
   * either order.
   */
  void written(String key) {
    Flight<V> flight = flightOf(key);
    if (flight != null) {
      flight.markStale(false);
    }
  }

  /**
   * A removal of {@code key} is about to happen: a fetch of it under way must not store, and a store under
   * way ends first, so that the removal removes what it stored.
   */
  void removing(String key) {
    Flight<V> flight = flightOf(key);
    if (flight != null) {
      flight.markStale(true);
    }
  }

  /** As {@link #removing}, for every fetch under way that {@code affected} selects (by tag, pattern, all). */
  void removingIf(Predicate<Flight<V>> affected) {
    for (Flight<V> flight : flights.values()) {
      if (affected.test(flight)) {
        flight.markStale(true);
      }
    }
  }

  private @Nullable Flight<V> flightOf(String key) {
    return flights.isEmpty() ? null : flights.get(key);
  }

  /** How many fetches are under way. */
  int inFlight() {
    return flights.size();
  }

  /** Callers that gave up waiting, and asynchronous fetches abandoned, at their fetch timeout. */
  long timeouts() {
    return waits.timeouts();
  }

  // ---- helpers -------------------------------------------------------------------------------------

  Duration timeout(SetOptions options) {
    return waits.timeout(options);
  }

  /** {@code duration} in nanoseconds, {@link Long#MAX_VALUE} (about 292 years) for a longer one. */
  static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException beyondLong) {
      return Long.MAX_VALUE;
    }
  }

  static void runAll(List<Runnable> actions) {
    for (Runnable action : actions) {
      action.run();
    }
  }

  static Throwable unwrap(Throwable error) {
    if (error instanceof CompletionException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> T rethrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
