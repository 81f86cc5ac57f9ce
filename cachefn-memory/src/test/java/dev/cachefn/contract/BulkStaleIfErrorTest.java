package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.await;
import static dev.cachefn.contract.Concurrency.awaitAllWaitingOnFuture;
import static dev.cachefn.contract.Concurrency.failureOf;
import static dev.cachefn.contract.Concurrency.result;
import static dev.cachefn.contract.Concurrency.start;
import static dev.cachefn.contract.Concurrency.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stale-if-error on {@link Cache#getOrFetchMany} and its asynchronous form: when the fetch of the missing keys
 * fails, each key with an expired value in its window gets that value (counted, a {@code STALE} event); a key
 * without one fails the call as without stale-if-error. Fake ticker: the window is checked at its edges.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkStaleIfErrorTest {

  private static final Duration TTL = Duration.ofSeconds(60);
  private static final Duration WINDOW = Duration.ofSeconds(30);
  private static final Duration NANO = Duration.ofNanos(1);

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache =
      CacheFn.builder("bulk-sie").ticker(ticker).defaultTtl(TTL).staleIfError(WINDOW).build();
  private final List<CacheEvent<? extends String>> stale = new CopyOnWriteArrayList<>(); // two threads in one test
  private final List<Set<String>> calls = new ArrayList<>();

  BulkStaleIfErrorTest() {
    cache.on(CacheEventType.STALE, stale::add);
  }

  private Function<Set<String>, Map<String, String>> failing() {
    return keys -> {
      calls.add(keys);
      throw new IllegalStateException("backend down");
    };
  }

  /** Writes a and b, lets them expire {@code past} ago, then writes c, which stays fresh. */
  private void expiredAandBAndFreshC(Duration past) {
    cache.set("a", "old a");
    cache.set("b", "old b");
    ticker.advance(TTL.plus(past));
    cache.set("c", "fresh c");
  }

  private List<String> staleKeys() {
    return stale.stream().map(CacheEvent::key).toList();
  }

  @Test
  void aFailedBulkFetchServesTheStaleValuesUpToTheLastNanosecondOfTheWindow() {
    expiredAandBAndFreshC(WINDOW.minus(NANO));

    Map<String, String> values = cache.getOrFetchMany(List.of("a", "c", "b"), failing());

    assertThat(calls).containsExactly(Set.of("a", "b"));
    assertThat(values).containsExactly(
        Map.entry("a", "old a"), Map.entry("c", "fresh c"), Map.entry("b", "old b"));
    assertThat(cache.stats().staleServed()).isEqualTo(2);
    assertThat(staleKeys()).containsExactly("a", "b");
    assertThat(cache.get("a")).as("served, not stored again").isNull();
  }

  @Test
  void atTheEndOfTheWindowTheFailureReachesTheCaller() {
    expiredAandBAndFreshC(WINDOW);

    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a", "c", "b"), failing())).hasMessage("backend down");
    assertThat(cache.stats().staleServed()).isZero();
    assertThat(stale).isEmpty();
  }

  @Test
  void oneFailedKeyWithoutAStaleValueFailsTheCallAndNothingIsCountedAsServed() {
    expiredAandBAndFreshC(Duration.ZERO);

    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a", "never cached", "b"), failing()))
        .hasMessage("backend down");
    assertThat(calls).containsExactly(Set.of("a", "never cached", "b"));
    assertThat(cache.stats().staleServed()).isZero();
    assertThat(stale).isEmpty();
  }

  @Test
  void anErrorIsNotAnsweredWithStaleValues() {
    expiredAandBAndFreshC(Duration.ZERO);

    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a"), keys -> {
      throw new AssertionError("an error, not an exception");
    })).isInstanceOf(AssertionError.class);
    assertThat(cache.stats().staleServed()).isZero();
  }

  @Test
  void aSuccessfulBulkFetchIsStoredAndServedInsteadOfTheStaleValues() {
    expiredAandBAndFreshC(Duration.ZERO);

    assertThat(cache.getOrFetchMany(List.of("a", "b"), keys -> Map.of("a", "new a", "b", "new b")))
        .containsExactly(Map.entry("a", "new a"), Map.entry("b", "new b"));
    assertThat(cache.get("b")).isEqualTo("new b");
    assertThat(cache.stats().staleServed()).isZero();
  }

  @Test
  void aKeyAnotherCallerFetchesThatFailsIsServedStale() throws Throwable {
    expiredAandBAndFreshC(Duration.ZERO);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FutureTask<String> single = new FutureTask<>(() -> cache.getOrFetch("b", () -> {
      started.countDown();
      await(release);
      throw new IllegalStateException("backend down for b");
    }));
    start("single", single);
    await(started);

    FutureTask<Map<String, String>> bulk = new FutureTask<>(
        () -> cache.getOrFetchMany(List.of("a", "b"), keys -> Map.of("a", "new a")));
    Thread bulkThread = start("bulk", bulk);
    awaitAllWaitingOnFuture(List.of(bulkThread)); // fetched a, now waits for the single caller's b
    release.countDown();

    assertThat(result(bulk)).containsExactly(Map.entry("a", "new a"), Map.entry("b", "old b"));
    assertThat(result(single)).as("its own stale-if-error").isEqualTo("old b");
    assertThat(cache.stats().staleServed()).isEqualTo(2);
    assertThat(staleKeys()).containsExactly("b", "b");
  }

  @Test
  void asynchronousBulkFetchesServeStaleValuesWhetherTheStageOrTheFetcherFails() throws Exception {
    expiredAandBAndFreshC(WINDOW.minus(NANO));

    assertThat(valueOf(cache.getOrFetchManyAsync(List.of("a", "c", "b"),
        keys -> CompletableFuture.failedFuture(new IllegalStateException("backend down")))))
        .containsExactly(Map.entry("a", "old a"), Map.entry("c", "fresh c"), Map.entry("b", "old b"));
    assertThat(valueOf(cache.getOrFetchManyAsync(List.of("a", "b"), keys -> {
      throw new IllegalStateException("backend down before the stage");
    }))).containsExactly(Map.entry("a", "old a"), Map.entry("b", "old b"));
    assertThat(cache.stats().staleServed()).isEqualTo(4);
    assertThat(staleKeys()).containsExactly("a", "b", "a", "b");
  }

  @Test
  void anAsynchronousBulkFetchWithAKeyWithoutAStaleValueFailsAsBefore() throws Exception {
    expiredAandBAndFreshC(Duration.ZERO);

    assertThat(failureOf(cache.getOrFetchManyAsync(List.of("a", "never cached"),
        keys -> CompletableFuture.failedFuture(new IllegalStateException("backend down")))))
        .hasMessage("backend down");
    assertThat(failureOf(cache.getOrFetchManyAsync(List.of("never cached", "a"), keys -> {
      throw new IllegalStateException("backend down before the stage");
    }))).hasMessage("backend down before the stage");
    ticker.advance(WINDOW);
    assertThat(failureOf(cache.getOrFetchManyAsync(List.of("a"),
        keys -> CompletableFuture.failedFuture(new IllegalStateException("window over")))))
        .hasMessage("window over");
    assertThat(cache.stats().staleServed()).isZero();
    assertThat(stale).isEmpty();
  }
}
