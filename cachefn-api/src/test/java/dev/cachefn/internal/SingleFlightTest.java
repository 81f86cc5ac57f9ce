package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachefn.FetchInterruptedException;
import dev.cachefn.FetchTimeoutException;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.RemovalListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * {@link SingleFlight} against a fake keyspace and a timer fired by hand: bounded waits, interrupts, abandoned
 * asynchronous fetches, cycles across threads and the store-unless-stale rule. Every test would hang without
 * the behaviour it checks; the JUnit timeout turns a hang into a failure.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SingleFlightTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(7);

  private final ManualTimer timer = new ManualTimer();
  private final List<String> storedKeys = new ArrayList<>();
  private final MapKeyspace<String> keyspace = new MapKeyspace<>(100, new RemovalListener<>() {
    @Override
    public void evicted(String key, String value) {}

    @Override
    public void expired(String key, String value) {}
  });
  private final SingleFlight<String> flights =
      new SingleFlight<>("users", keyspace, EntryWriter.plain(keyspace, null), TIMEOUT, timer,
          (key, value) -> storedKeys.add(key));
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** Starts a fetch of {@code key} on another thread whose fetcher waits for {@code release}. */
  private Future<String> blockedFetch(String key, CountDownLatch started, CountDownLatch release) {
    return threads.submit(() -> flights.fetch(key, () -> {
      started.countDown();
      await(release);
      return "fetched";
    }, SetOptions.none()));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWaiterThatTimesOutGetsAnExceptionNamingCacheKeyAndTimeoutWhileTheFetchGoesOn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = blockedFetch("user:1", started, release);
    started.await();

    Future<String> waiter = threads.submit(() -> flights.fetch("user:1", () -> "never", SetOptions.none()));
    timer.awaitPending(1);
    timer.fireAll();

    Throwable thrown = catchThrowable(waiter::get);
    assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(FetchTimeoutException.class)
        .hasMessageContaining("'user:1'").hasMessageContaining("'users'").hasMessageContaining("PT7S");
    FetchTimeoutException timedOut = (FetchTimeoutException) thrown.getCause();
    assertThat(timedOut.cacheName()).isEqualTo("users");
    assertThat(timedOut.key()).isEqualTo("user:1");
    assertThat(timedOut.timeout()).isEqualTo(TIMEOUT);
    assertThat(flights.timeouts()).as("the fetchTimeouts stat").isEqualTo(1);

    release.countDown();
    assertThat(owner.get()).isEqualTo("fetched");
    assertThat(keyspace.get("user:1")).isEqualTo("fetched");
  }

  @Test
  void aWaiterWithItsOwnTimeoutNamesThatTimeout() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    blockedFetch("user:1", started, release);
    started.await();

    Future<String> waiter = threads.submit(
        () -> flights.fetch("user:1", () -> "never", SetOptions.fetchTimeout(Duration.ofMillis(250))));
    timer.awaitPending(1);
    timer.fireAll();

    assertThat(catchThrowable(waiter::get)).cause().isInstanceOf(FetchTimeoutException.class)
        .hasMessageContaining("PT0.25S");
    release.countDown();
  }

  @Test
  void aWaiterGetsTheValueWhenTheFetchEndsBeforeTheTimeout() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = blockedFetch("user:1", started, release);
    started.await();
    AtomicInteger calls = new AtomicInteger();

    Future<String> waiter = threads.submit(() -> flights.fetch("user:1", () -> {
      calls.incrementAndGet();
      return "second";
    }, SetOptions.none()));
    timer.awaitPending(1);
    release.countDown();

    assertThat(waiter.get()).isEqualTo("fetched");
    assertThat(owner.get()).isEqualTo("fetched");
    assertThat(calls).hasValue(0);
    assertThat(timer.pending()).as("the waiter's timeout is cancelled").isZero();
    assertThat(storedKeys).containsExactly("user:1");
  }

  @Test
  void anInterruptedWaiterStopsWithItsFlagSetWhileTheFetchGoesOn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = blockedFetch("user:1", started, release);
    started.await();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();

    Thread waiter = new Thread(() -> {
      try {
        flights.fetch("user:1", () -> "never", SetOptions.none());
      } catch (Throwable e) {
        failure.set(e);
      }
      flagAfter.set(Thread.currentThread().isInterrupted());
    });
    waiter.start();
    timer.awaitPending(1);
    waiter.interrupt();
    waiter.join();

    assertThat(failure.get()).isInstanceOf(FetchInterruptedException.class)
        .hasMessageContaining("'user:1'").hasMessageContaining("'users'")
        .cause().isInstanceOf(InterruptedException.class);
    assertThat(flagAfter.get()).isTrue();
    release.countDown();
    assertThat(owner.get()).isEqualTo("fetched");
    assertThat(keyspace.get("user:1")).isEqualTo("fetched");
  }

  @Test
  void anAsynchronousFetchThatNeverCompletesIsAbandonedAndTheNextCallerFetchesAgain() throws Exception {
    CompletableFuture<String> stuck = new CompletableFuture<>();
    CompletionStage<String> first = flights.fetchAsync("user:1", () -> stuck, SetOptions.none());
    CompletionStage<String> joined = flights.fetchAsync("user:1", () -> CompletableFuture.completedFuture("x"),
        SetOptions.none());

    timer.fireAll();

    assertThat(failureOf(first)).isInstanceOf(FetchTimeoutException.class)
        .hasMessageContaining("abandoned").hasMessageContaining("'user:1'");
    assertThat(failureOf(joined)).isInstanceOf(FetchTimeoutException.class);
    assertThat(flights.timeouts()).as("one abandoned fetch; its joined caller is not counted again").isEqualTo(1);
    CompletionStage<String> fresh = flights.fetchAsync("user:1", () -> CompletableFuture.completedFuture("fresh"),
        SetOptions.none());
    assertThat(fresh.toCompletableFuture().get()).isEqualTo("fresh");
    assertThat(keyspace.get("user:1")).isEqualTo("fresh");

    keyspace.remove("user:1");
    stuck.complete("late");
    assertThat(keyspace.get("user:1")).as("an abandoned fetch never stores").isNull();
  }

  @Test
  void aTimeoutThatFiresWhileTheCompletedValueIsBeingStoredAbandonsNothing() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = flights.fetchAsync("user:1", () -> pending, SetOptions.none());
    keyspace.duringPutIfAbsent = key -> timer.fireAll(); // the deadline passes mid-store

    pending.complete("in time");

    assertThat(stage.toCompletableFuture().get()).isEqualTo("in time");
    assertThat(keyspace.get("user:1")).isEqualTo("in time");
    assertThat(storedKeys).containsExactly("user:1");
  }

  @Test
  void tenThousandStuckAsynchronousFetchesHoldNothingOnceTheirTimeoutPassed() {
    List<CompletionStage<String>> stages = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) { // the 100,000 stuck keys, scaled down for test time
      stages.add(flights.fetchAsync("key:" + i, CompletableFuture::new, SetOptions.none()));
    }
    assertThat(timer.pending()).isEqualTo(10_000);

    timer.fireAll();

    long failed = stages.stream().filter(stage -> stage.toCompletableFuture().isCompletedExceptionally()).count();
    assertThat(failed).isEqualTo(10_000);
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void anAsynchronousWaiterOfASynchronousFetchTimesOutOnItsOwn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> owner = blockedFetch("user:1", started, release);
    started.await();

    CompletionStage<String> waiter = flights.fetchAsync("user:1", CompletableFuture::new, SetOptions.none());
    timer.fireAll();

    assertThat(failureOf(waiter)).isInstanceOf(FetchTimeoutException.class).hasMessageContaining("gave up");
    release.countDown();
    assertThat(owner.get()).isEqualTo("fetched");
  }

  @Test
  void twoThreadsWhoseFetchersNeedEachOthersKeyFailInsteadOfWaitingForEachOther() throws Exception {
    CountDownLatch aStarted = new CountDownLatch(1);
    CountDownLatch bStarted = new CountDownLatch(1);
    Future<String> a = threads.submit(() -> flights.fetch("a", () -> {
      aStarted.countDown();
      await(bStarted);
      return flights.fetch("b", () -> "b from a", SetOptions.none());
    }, SetOptions.none()));
    Future<String> b = threads.submit(() -> flights.fetch("b", () -> {
      bStarted.countDown();
      await(aStarted);
      return flights.fetch("a", () -> "a from b", SetOptions.none());
    }, SetOptions.none()));

    Throwable fromA = catchThrowable(a::get);
    Throwable fromB = catchThrowable(b::get);

    assertThat(List.of(fromA, fromB)).allSatisfy(thrown -> assertThat(thrown).cause()
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("would wait forever"));
    assertThat(fromA.getCause().getMessage() + fromB.getCause().getMessage())
        .contains("'a' of cache 'users'").contains("'b' of cache 'users'");
    assertThat(timer.pending()).as("found without waiting for a timeout").isZero();
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void aFetcherThatHandsTheSameKeyToAnotherThreadEndsAfterTheTimeout() throws Exception {
    ExecutorService helper = Executors.newSingleThreadExecutor();
    try {
      Future<String> owner = threads.submit(() -> flights.fetch("user:1", () -> {
        Future<String> handedOver = helper.submit(() -> flights.fetch("user:1", () -> "inner", SetOptions.none()));
        try {
          return handedOver.get();
        } catch (InterruptedException | ExecutionException e) {
          throw new IllegalStateException("the helper failed", e);
        }
      }, SetOptions.none()));
      timer.awaitPending(1);
      timer.fireAll();

      Throwable thrown = catchThrowable(owner::get);
      assertThat(thrown).cause().isInstanceOf(IllegalStateException.class)
          .hasRootCauseInstanceOf(FetchTimeoutException.class);
      assertThat(flights.inFlight()).isZero();
      assertThat(flights.fetch("user:1", () -> "later", SetOptions.none())).isEqualTo("later");
    } finally {
      helper.shutdownNow();
    }
  }

  @Test
  void anAsynchronousFetcherWhoseStageWaitsForItsOwnKeyOnAnotherThreadEndsAfterTheTimeout() {
    ExecutorService helper = Executors.newSingleThreadExecutor();
    try {
      CompletionStage<String> stage = flights.fetchAsync("user:1", () -> CompletableFuture.supplyAsync(
          () -> flights.fetch("user:1", () -> "inner", SetOptions.none()), helper), SetOptions.none());
      timer.awaitPending(2); // the abandon timer of the flight and the helper's wait
      timer.fireAll();

      assertThat(failureOf(stage)).isInstanceOf(FetchTimeoutException.class);
      assertThat(flights.inFlight()).isZero();
    } finally {
      helper.shutdownNow();
    }
  }

  @Test
  void aFetcherCallingItsOwnKeyOnItsThreadFailsAtOnce() {
    assertThatThrownBy(() -> flights.fetch("user:1",
        () -> flights.fetch("user:1", () -> "inner", SetOptions.none()), SetOptions.none()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'user:1'")
        .hasMessageContaining("inside its own fetcher");
    assertThat(timer.pending()).isZero();
  }

  @Test
  void aWriteDuringTheFetchKeepsTheValueFromBeingStored() {
    String value = flights.fetch("user:1", () -> {
      flights.written("user:1");
      return "stale";
    }, SetOptions.none());

    assertThat(value).isEqualTo("stale");
    assertThat(keyspace.get("user:1")).isNull();
    assertThat(storedKeys).isEmpty();
  }

  @Test
  void aWriterThatArrivesDuringTheStoreWaitsForItAndLandsAfterIt() throws Exception {
    CountDownLatch storing = new CountDownLatch(1);
    CountDownLatch finishStore = new CountDownLatch(1);
    keyspace.duringPutIfAbsent = key -> {
      storing.countDown();
      await(finishStore);
    };
    Future<String> owner = threads.submit(() -> flights.fetch("user:1", () -> "fetched", SetOptions.none()));
    storing.await();

    Future<?> deleter = threads.submit(() -> {
      flights.removing("user:1");
      keyspace.remove("user:1");
    });
    finishStore.countDown();
    deleter.get();

    assertThat(owner.get()).isEqualTo("fetched");
    assertThat(keyspace.get("user:1")).as("the removal lands after the store it raced with").isNull();
  }

  @Test
  void aWriterThatArrivesDuringTheStoreDoesNotWaitAndItsValueStays() throws Exception {
    CountDownLatch storing = new CountDownLatch(1);
    CountDownLatch finishStore = new CountDownLatch(1);
    keyspace.duringPutIfAbsent = key -> {
      storing.countDown();
      await(finishStore);
    };
    Future<String> owner = threads.submit(() -> flights.fetch("user:1", () -> "fetched", SetOptions.none()));
    storing.await();

    threads.submit(() -> {
      flights.written("user:1");
      keyspace.put("user:1", "written", null, java.util.Set.of());
    }).get(10, TimeUnit.SECONDS); // done while the store is still held up
    finishStore.countDown();

    assertThat(owner.get()).isEqualTo("fetched");
    assertThat(keyspace.get("user:1")).isEqualTo("written");
  }

  private static Throwable failureOf(CompletionStage<?> stage) {
    Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    Throwable cause = thrown.getCause();
    return cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
        ? cause.getCause() : cause;
  }
}
