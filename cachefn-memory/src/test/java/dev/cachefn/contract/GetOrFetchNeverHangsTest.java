package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.await;
import static dev.cachefn.contract.Concurrency.failureOf;
import static dev.cachefn.contract.Concurrency.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.FetchInterruptedException;
import dev.cachefn.FetchTimeoutException;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reproductions of "single flight that never hangs" on the in-memory cache: each hung forever before
 * (listeners ran under the flight's lock, waits had no bound). The timeouts here are real but short (the
 * public builder has no timer to inject; {@code SingleFlightTest} in cachefn-api fires them by hand), and the
 * JUnit timeout is far above them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GetOrFetchNeverHangsTest {

  private static final Duration SHORT = Duration.ofMillis(150);

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  @Test
  void anEvictionListenerThatWaitsForAnotherThreadDeletingTheFetchedKeyDoesNotDeadlock() {
    Cache<String> c = CacheFn.builder("d").maxSize(1).build();
    c.set("old", "o");
    c.on(CacheEventType.EVICTION, e -> {
      try {
        other.submit(() -> c.delete("k")).get();
      } catch (Exception x) {
        throw new RuntimeException(x);
      }
    });

    assertThat(c.getOrFetch("k", () -> "fetched")).isEqualTo("fetched");
    assertThat(c.has("k")).as("the listener's delete ran after the store").isFalse();
  }

  @Test
  void aBlockedEvictionListenerStallsNeitherWritersOfTheKeyNorOtherKeys() throws Exception {
    Cache<String> c = CacheFn.builder("slow-listener").maxSize(2).evictionPolicy(EvictionPolicy.LRU).build();
    c.set("old", "o");
    c.set("other", "x");
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    c.on(CacheEventType.EVICTION, e -> {
      inListener.countDown();
      await(release);
    });
    Thread fetching = new Thread(() -> c.getOrFetch("k", () -> "fetched"));
    fetching.start();
    await(inListener);

    // the listener is blocked; a writer of the key and a reader of another key go through
    other.submit(() -> c.set("k", "written")).get(10, TimeUnit.SECONDS);
    assertThat(other.submit(() -> c.get("other")).get(10, TimeUnit.SECONDS)).isEqualTo("x");
    assertThat(other.submit(() -> c.getOrFetch("k", () -> "again")).get(10, TimeUnit.SECONDS)).isEqualTo("written");

    release.countDown();
    fetching.join();
    assertThat(c.get("k")).isEqualTo("written");
  }

  @Test
  void anEvictionListenerThatReentersTheCacheForTheSameKeyOnItsThreadDoesNotDeadlock() {
    Cache<String> c = CacheFn.builder("reentrant").maxSize(1).build();
    c.set("old", "o");
    AtomicReference<String> seen = new AtomicReference<>();
    c.on(CacheEventType.EVICTION, e -> {
      seen.set(c.getOrFetch("k", () -> "inner"));
      c.set("k", "from listener");
    });

    assertThat(c.getOrFetch("k", () -> "fetched")).isEqualTo("fetched");
    assertThat(seen.get()).isEqualTo("fetched");
    assertThat(c.get("k")).isEqualTo("from listener");
  }

  @Test
  void anAsyncFetcherWhoseStageCallsGetOrFetchOfItsKeyOnAnotherThreadEndsAfterTheTimeout() throws Exception {
    Cache<String> c = CacheFn.builder("async-cycle").fetchTimeout(SHORT).build();

    CompletionStage<String> stage = c.getOrFetchAsync("k",
        () -> CompletableFuture.supplyAsync(() -> c.getOrFetch("k", () -> "inner"), other));

    assertThat(failureOf(stage)).isInstanceOf(FetchTimeoutException.class).hasMessageContaining("'k'");
    assertThat(c.getOrFetch("k", () -> "later")).as("the key is free again").isEqualTo("later");
  }

  @Test
  void aFetcherThatHandsTheCallForItsKeyToAnExecutorEndsAfterTheTimeout() {
    Cache<String> c = CacheFn.builder("executor-cycle").fetchTimeout(SHORT).build();

    Throwable thrown = catchThrowable(() -> c.getOrFetch("k", () -> {
      try {
        return other.submit(() -> c.getOrFetch("k", () -> "inner")).get();
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }));

    assertThat(thrown).hasRootCauseInstanceOf(FetchTimeoutException.class);
    assertThat(c.getOrFetch("k", () -> "later")).isEqualTo("later");
  }

  @Test
  void aStageThatNeverCompletesIsAbandonedAfterTheTimeoutAndTheNextCallerFetchesAgain() throws Exception {
    Cache<String> c = CacheFn.builder("stuck").build();
    AtomicInteger fetches = new AtomicInteger();

    CompletionStage<String> stuck = c.getOrFetchAsync("k", () -> {
      fetches.incrementAndGet();
      return new CompletableFuture<>();
    }, SetOptions.fetchTimeout(SHORT));

    assertThat(failureOf(stuck)).isInstanceOf(FetchTimeoutException.class).hasMessageContaining("abandoned");
    CompletionStage<String> fresh = c.getOrFetchAsync("k", () -> {
      fetches.incrementAndGet();
      return CompletableFuture.completedFuture("fresh");
    });
    assertThat(valueOf(fresh)).isEqualTo("fresh");
    assertThat(fetches).hasValue(2);
    assertThat(c.get("k")).isEqualTo("fresh");
    assertThat(c.stats().fetchTimeouts()).isEqualTo(1);
  }

  @Test
  void aWaiterGivesUpAfterItsTimeoutWithAnExceptionNamingCacheKeyAndTimeout() throws Exception {
    Cache<String> c = CacheFn.builder("slow").build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = Executors.newSingleThreadExecutor().submit(() -> c.getOrFetch("k", () -> {
      started.countDown();
      await(release);
      return "slow value";
    }));
    await(started);

    Throwable thrown = catchThrowable(() -> c.getOrFetch("k", () -> "mine", SetOptions.fetchTimeout(SHORT)));

    assertThat(thrown).isInstanceOf(FetchTimeoutException.class)
        .hasMessageContaining("'k'").hasMessageContaining("'slow'").hasMessageContaining("PT0.15S");
    release.countDown();
    assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("slow value");
    assertThat(c.get("k")).as("the fetch went on and stored").isEqualTo("slow value");
    assertThat(c.stats().fetchTimeouts()).isEqualTo(1);
  }

  @Test
  void anInterruptedWaiterStopsWaitingWithItsFlagRestoredWhileTheFetchGoesOn() throws Exception {
    Cache<String> c = CacheFn.builder("interrupted").build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = Executors.newSingleThreadExecutor().submit(() -> c.getOrFetch("k", () -> {
      started.countDown();
      await(release);
      return "value";
    }));
    await(started);

    Thread.currentThread().interrupt();
    Throwable thrown = catchThrowable(() -> c.getOrFetch("k", () -> "mine"));
    boolean flag = Thread.interrupted();

    assertThat(thrown).isInstanceOf(FetchInterruptedException.class).hasCauseInstanceOf(InterruptedException.class);
    assertThat(flag).isTrue();
    release.countDown();
    assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("value");
    assertThat(c.get("k")).isEqualTo("value");
  }
}
