package dev.cachefn.internal;

import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code getOrFetchMany}: the keys the cache cannot answer are fetched by one call of the bulk fetcher, as
 * flights of {@link SingleFlight}, so that a key another caller is fetching already is awaited, not fetched
 * twice, and callers of single keys wait for the bulk fetch of theirs.
 *
 * <p>The bulk fetcher is called once, with exactly the keys this call fetches (an unmodifiable set), or not at
 * all when there are none. What it returns for other keys, for {@code null} keys, or as {@code null} values is
 * not stored: a requested key it leaves out or maps to {@code null} is a miss (a remembered absence under
 * negative caching). If it throws or returns {@code null}, the callers waiting for its keys get the failure,
 * nothing is stored, and the exception reaches the caller. A key another caller is fetching is awaited at most
 * the fetch timeout, counted from the start of the wait for the first such key.
 *
 * <p>Stale-if-error: when the fetch of some keys fails (this call's bulk fetch, or the fetch of another caller
 * it awaited) and each of them has an expired value within its stale-if-error window ({@link Fallback}, measured
 * when it failed), the call answers those values instead of the failure, counted as served stale. If one of them
 * has none, the failure reaches the caller as before and nothing is counted.
 *
 * @param <V> the type of the values
 */
final class BulkFetch<V> {

  /**
   * The keys a lookup answered: values found, and keys answered without a value (remembered absences); and what
   * the other keys may be answered with if their fetch fails.
   */
  record Answers<V>(Map<String, V> values, Set<String> settled, Fallback<V> fallback) {
    /** Answers of a cache without stale-if-error. */
    Answers(Map<String, V> values, Set<String> settled) {
      this(values, settled, Fallback.none());
    }
  }

  /** What a key whose fetch failed may be answered with instead of the failure: its stale value. */
  interface Fallback<V> {
    /** The value to answer for {@code key}, whose fetch failed just now; {@code null} if the failure stands. */
    @Nullable V stale(String key);

    /** Counts {@code value} as served stale for {@code key} and fires its event. */
    void serve(String key, V value);

    static <V> Fallback<V> none() {
      return new Fallback<>() {
        @Override
        public @Nullable V stale(String key) {
          return null;
        }

        @Override
        public void serve(String key, V value) {}
      };
    }
  }

  private final String cacheName;
  private final SingleFlight<V> flights;

  BulkFetch(String cacheName, SingleFlight<V> flights) {
    this.cacheName = cacheName;
    this.flights = flights;
  }

  /** The keys of {@code keys} that {@code answers} did not settle, in order. */
  static List<String> unsettled(List<String> keys, Answers<?> answers) {
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (!answers.settled().contains(key)) {
        missing.add(key);
      }
    }
    return missing;
  }

  /** The keys without duplicates, in their first order. */
  static List<String> distinct(Collection<String> keys) {
    return new ArrayList<>(new LinkedHashSet<>(keys));
  }

  Map<String, V> fetch(List<String> keys, Answers<V> answers,
      Function<? super Set<String>, ? extends @Nullable Map<String, ? extends @Nullable V>> bulkFetcher,
      SetOptions options) {
    Map<String, V> found = new LinkedHashMap<>(answers.values());
    Map<String, V> stale = new LinkedHashMap<>();
    Flights<V> split = split(unsettled(keys, answers), options);
    if (!split.mine.isEmpty()) {
      try {
        fetchMine(split, bulkFetcher, options, found);
      } catch (Throwable failure) { // the keys stored before a failure to store the rest keep their values
        Set<String> failed = new LinkedHashSet<>(split.mine.keySet());
        failed.removeAll(found.keySet());
        Map<String, V> values = staleValues(failed, failure, answers.fallback());
        if (values == null) {
          throw failure;
        }
        stale.putAll(values);
      }
    }
    long deadline = System.nanoTime() + SingleFlight.nanos(flights.timeout(options));
    for (Map.Entry<String, Flight<V>> theirs : split.theirs.entrySet()) {
      long left = Math.max(1, deadline - System.nanoTime());
      try {
        V value = flights.await(theirs.getValue(), Duration.ofNanos(left));
        if (value != null) {
          found.put(theirs.getKey(), value);
        }
      } catch (Throwable failure) {
        Map<String, V> values = staleValues(Set.of(theirs.getKey()), failure, answers.fallback());
        if (values == null) {
          throw failure;
        }
        stale.putAll(values);
      }
    }
    stale.forEach(answers.fallback()::serve);
    found.putAll(stale);
    return ordered(keys, found);
  }

  private void fetchMine(Flights<V> split,
      Function<? super Set<String>, ? extends @Nullable Map<String, ? extends @Nullable V>> bulkFetcher,
      SetOptions options, Map<String, V> found) {
    Map<String, ? extends @Nullable V> fetched;
    split.fetchingOn(Thread.currentThread());
    try {
      fetched = checked(bulkFetcher.apply(split.keys()));
    } catch (Throwable failure) {
      split.fetchingOn(null);
      landAll(split.mine, failure);
      throw failure;
    }
    split.fetchingOn(null);
    store(split.mine, fetched, options, found);
  }

  /**
   * The stale values of the {@code failed} keys, or {@code null} when the failure stands: it is an
   * {@link Error}, no key is left to answer for, or one of the keys has none.
   */
  private static <V> @Nullable Map<String, V> staleValues(Collection<String> failed, Throwable failure,
      Fallback<V> fallback) {
    if (!(failure instanceof Exception) || failed.isEmpty()) {
      return null;
    }
    Map<String, V> values = new LinkedHashMap<>();
    for (String key : failed) {
      V value = fallback.stale(key);
      if (value == null) {
        return null;
      }
      values.put(key, value);
    }
    return values;
  }

  CompletionStage<Map<String, V>> fetchAsync(List<String> keys, Answers<V> answers,
      Function<? super Set<String>, ? extends @Nullable CompletionStage<? extends @Nullable Map<String, ? extends @Nullable V>>> bulkFetcher,
      SetOptions options) {
    Map<String, V> found = new LinkedHashMap<>(answers.values());
    Flights<V> split = split(unsettled(keys, answers), options);
    Duration timeout = flights.timeout(options);
    List<CompletableFuture<@Nullable V>> pending = new ArrayList<>();
    if (!split.mine.isEmpty()) {
      CompletionStage<? extends @Nullable Map<String, ? extends @Nullable V>> stage;
      split.fetchingOn(Thread.currentThread());
      try {
        stage = bulkFetcher.apply(split.keys());
        if (stage == null) {
          throw new NullPointerException("the bulk fetcher of cache '" + cacheName + "' returned null instead of"
              + " a CompletionStage for keys " + split.keys());
        }
      } catch (Throwable failure) {
        landAll(split.mine, failure);
        if (staleValues(split.mine.keySet(), failure, answers.fallback()) == null) {
          return CompletableFuture.failedFuture(failure);
        }
        stage = null; // each of its keys has a stale value: answered below from its failed flight
      } finally {
        split.fetchingOn(null);
      }
      if (stage != null) {
        completeMine(split, stage, timeout, options);
      }
      split.mine.values().forEach(flight -> pending.add(flight.result.copy()));
    }
    split.theirs.values().forEach(flight -> pending.add(flights.waitAsync(flight, timeout)));
    List<String> waitedKeys = new ArrayList<>(split.mine.keySet());
    waitedKeys.addAll(split.theirs.keySet());
    Map<String, V> stale = new ConcurrentHashMap<>();
    List<CompletableFuture<@Nullable V>> answered = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      String key = waitedKeys.get(i);
      answered.add(pending.get(i).exceptionally(error -> { // the window is measured as the key fails
        Map<String, V> values = staleValues(Set.of(key), SingleFlight.unwrap(error), answers.fallback());
        if (values == null) {
          throw error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
        }
        stale.putAll(values);
        return values.get(key);
      }));
    }
    return CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).thenApply(done -> {
      for (int i = 0; i < answered.size(); i++) {
        V value = answered.get(i).join();
        if (value != null) {
          found.put(waitedKeys.get(i), value);
        }
      }
      stale.forEach(answers.fallback()::serve);
      return ordered(keys, found);
    });
  }

  /** Stores what this call's asynchronous bulk fetch answers, and lands its flights. */
  private void completeMine(Flights<V> split,
      CompletionStage<? extends @Nullable Map<String, ? extends @Nullable V>> stage, Duration timeout,
      SetOptions options) {
    if (!(stage instanceof CompletableFuture<?> future && future.isDone())) {
      split.mine.values().forEach(flight -> flights.abandonAfter(flight, timeout, timedOut -> {}));
    }
    stage.whenComplete((fetched, error) -> {
      if (error != null) {
        landAll(split.mine, SingleFlight.unwrap(error));
        return;
      }
      try {
        store(split.mine, checked(fetched), options, new LinkedHashMap<>());
      } catch (Throwable failure) {
        landAll(split.mine, failure);
      }
    });
  }

  private Map<String, ? extends @Nullable V> checked(@Nullable Map<String, ? extends @Nullable V> fetched) {
    if (fetched == null) {
      throw new NullPointerException("the bulk fetcher of cache '" + cacheName + "' returned null instead of a"
          + " map (return an empty map when none of the keys has a value)");
    }
    return fetched;
  }

  /** Stores and lands every flight of this call; a storage failure lands the rest with it and is thrown. */
  private void store(Map<String, Flight<V>> mine, Map<String, ? extends @Nullable V> fetched, SetOptions options,
      Map<String, V> found) {
    List<Runnable> afterLanding = new ArrayList<>();
    Map<String, Flight<V>> unlanded = new LinkedHashMap<>(mine);
    try {
      for (Map.Entry<String, Flight<V>> entry : mine.entrySet()) {
        V value = fetched.get(entry.getKey());
        flights.storeFetched(entry.getValue(), value, options, afterLanding);
        flights.land(entry.getValue(), value, null);
        unlanded.remove(entry.getKey());
        if (value != null) {
          found.put(entry.getKey(), value);
        }
      }
    } catch (Throwable failure) {
      landAll(unlanded, failure);
      SingleFlight.runAll(afterLanding);
      throw failure;
    }
    SingleFlight.runAll(afterLanding);
  }

  private void landAll(Map<String, Flight<V>> mine, Throwable failure) {
    mine.values().forEach(flight -> flights.land(flight, null, failure));
  }

  /** Registers a flight for each missing key: this call's own, or the one another caller runs. */
  private Flights<V> split(List<String> missing, SetOptions options) {
    Flights<V> split = new Flights<>();
    for (String key : missing) {
      Flight<V> mine = new Flight<>(cacheName, key, options.tags());
      Flight<V> running = flights.register(key, mine);
      if (running == null) {
        split.mine.put(key, mine);
      } else if (running.isFetchingOn(Thread.currentThread())) {
        landAll(split.mine, WaitingThreads.selfWait(running));
        throw WaitingThreads.selfWait(running);
      } else {
        split.theirs.put(key, running);
      }
    }
    return split;
  }

  private static <V> Map<String, V> ordered(List<String> keys, Map<String, V> found) {
    Map<String, V> result = new LinkedHashMap<>();
    for (String key : keys) {
      V value = found.get(key);
      if (value != null) {
        result.put(key, value);
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /** The flights of one call: those it runs itself, and those of other callers it waits for. */
  private static final class Flights<V> {
    final Map<String, Flight<V>> mine = new LinkedHashMap<>();
    final Map<String, Flight<V>> theirs = new LinkedHashMap<>();

    Set<String> keys() {
      return Collections.unmodifiableSet(new LinkedHashSet<>(mine.keySet()));
    }

    void fetchingOn(@Nullable Thread thread) {
      mine.values().forEach(flight -> flight.fetchingThread = thread);
    }
  }
}
