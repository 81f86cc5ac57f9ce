package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheBuilder;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.Freshness;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Refresh-ahead, stale-while-revalidate, stale-if-error and negative caching on the memory storage, with a
 * fake ticker and an executor the test drives by hand: every window is checked at its exact edges.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FreshnessTest {

  private static final Duration TTL = Duration.ofSeconds(60);
  private static final Duration NANO = Duration.ofNanos(1);

  private final FakeTicker ticker = new FakeTicker();
  private final HandExecutor executor = new HandExecutor();
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<CacheEvent<? extends String>> events = new ArrayList<>();

  private CacheBuilder builder(String name) {
    return CacheFn.builder(name).ticker(ticker).defaultTtl(TTL).refreshExecutor(executor);
  }

  private Cache<String> listened(Cache<String> cache) {
    cache.on(CacheEventType.REFRESH, events::add);
    cache.on(CacheEventType.STALE, events::add);
    return cache;
  }

  private Supplier<String> fetching(String value) {
    return () -> {
      fetches.incrementAndGet();
      return value;
    };
  }

  private Supplier<String> failing() {
    return () -> {
      fetches.incrementAndGet();
      throw new IllegalStateException("backend down");
    };
  }

  // ---- refresh-ahead ------------------------------------------------------------------------------------

  @Test
  void aHitBeforeRefreshAfterStartsNothingAndAtRefreshAfterReturnsAtOnceAndRefreshesOncePerBurst() {
    Cache<String> cache = listened(builder("refresh").refreshAfter(Duration.ofSeconds(30)).build());
    cache.set("k", "v1");

    ticker.advance(Duration.ofSeconds(30).minus(NANO));
    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    assertThat(executor.queued()).isZero();

    ticker.advance(NANO); // exactly refreshAfter
    for (int i = 0; i < 5; i++) {
      assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1"); // at once: nothing ran yet
    }
    assertThat(executor.queued()).as("one refresh for the burst").isEqualTo(1);
    assertThat(fetches).hasValue(0);

    executor.runAll();
    assertThat(fetches).hasValue(1);
    assertThat(cache.get("k")).isEqualTo("v2");
    assertThat(cache.stats().refreshes()).isEqualTo(1);
    assertThat(cache.stats().refreshFailures()).isZero();
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(CacheEventType.REFRESH);
      assertThat(event.value()).isEqualTo("v2");
      assertThat(event.failure()).isNull();
    });

    // the refreshed value has a new write time and TTL: not due again until 30 s after the refresh
    ticker.advance(Duration.ofSeconds(29));
    assertThat(cache.getOrFetch("k", fetching("v3"))).isEqualTo("v2");
    assertThat(executor.queued()).isZero();
    ticker.advance(Duration.ofSeconds(30)); // 59 s after the refresh: still within its new TTL
    assertThat(cache.get("k")).isEqualTo("v2");
  }

  @Test
  void aFailingRefreshKeepsTheOldValueCountsItAndTheNextDueHitTriesAgain() {
    Cache<String> cache = listened(builder("refresh-fails").refreshAfter(Duration.ofSeconds(10)).build());
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));

    assertThat(cache.getOrFetch("k", failing())).isEqualTo("v1");
    executor.runAll();

    assertThat(cache.get("k")).isEqualTo("v1");
    assertThat(cache.stats().refreshFailures()).isEqualTo(1);
    assertThat(cache.stats().refreshes()).isZero();
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(CacheEventType.REFRESH);
      assertThat(event.value()).isNull();
      assertThat(event.failure()).hasMessage("backend down");
    });

    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    executor.runAll();
    assertThat(cache.get("k")).isEqualTo("v2");
  }

  @Test
  void aRefreshThatTheExecutorRejectsKeepsTheValueAndIsCountedAsAFailure() {
    Cache<String> cache = listened(CacheFn.builder("rejecting").ticker(ticker).defaultTtl(TTL)
        .refreshAfter(Duration.ofSeconds(10))
        .refreshExecutor(task -> {
          throw new RejectedExecutionException("queue full");
        })
        .build());
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));

    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");

    assertThat(fetches).hasValue(0);
    assertThat(cache.stats().refreshFailures()).isEqualTo(1);
    assertThat(events).singleElement()
        .satisfies(event -> assertThat(event.failure()).isInstanceOf(RejectedExecutionException.class));
    // the key is not left "in flight": the next due hit asks again, and a miss fetches
    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    assertThat(cache.stats().refreshFailures()).isEqualTo(2);
  }

  @Test
  void aKeyDeletedBeforeItsQueuedRefreshRunsIsNotBroughtBack() {
    Cache<String> cache = builder("refresh-vs-delete").refreshAfter(Duration.ofSeconds(10)).build();
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));
    cache.getOrFetch("k", fetching("late"));

    cache.delete("k");
    executor.runAll();

    assertThat(cache.get("k")).isNull();
    assertThat(cache.getOrFetch("k", fetching("fresh"))).isEqualTo("fresh");
  }

  @Test
  void aKeyInvalidatedByTagWhileTheRefreshFetchesIsNotBroughtBack() {
    Cache<String> cache = builder("refresh-vs-tag").refreshAfter(Duration.ofSeconds(10)).build();
    cache.set("k", "v1", SetOptions.tags("t"));
    ticker.advance(Duration.ofSeconds(10));
    cache.getOrFetch("k", () -> {
      cache.invalidateByTag("t"); // lands while the refresh's fetch runs
      return "late";
    }, SetOptions.tags("t"));

    executor.runAll();

    assertThat(cache.get("k")).isNull();
  }

  @Test
  void aWriteWhileTheRefreshFetchesWins() {
    Cache<String> cache = builder("refresh-vs-set").refreshAfter(Duration.ofSeconds(10)).build();
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));
    cache.getOrFetch("k", () -> {
      cache.set("k", "written");
      return "late";
    });

    executor.runAll();

    assertThat(cache.get("k")).isEqualTo("written");
  }

  @Test
  void aCallerMissingTheKeyWhileItsRefreshIsQueuedWaitsForTheRefreshInsteadOfFetchingAgain() throws Exception {
    Cache<String> cache = builder("refresh-joined").refreshAfter(Duration.ofSeconds(10)).build();
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));
    cache.getOrFetch("k", fetching("refreshed"));
    ticker.advance(TTL); // expired, no stale window: the next caller misses

    CompletionStage<String> waiting = cache.getOrFetchAsync("k",
        () -> CompletableFuture.completedFuture("second fetch"));
    assertThat(waiting.toCompletableFuture()).isNotDone();

    executor.runAll();

    assertThat(waiting.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("refreshed");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void anAsynchronousFetcherIsRefreshedThroughItsStage() throws Exception {
    Cache<String> cache = builder("refresh-async").refreshAfter(Duration.ofSeconds(10)).build();
    cache.set("k", "v1");
    ticker.advance(Duration.ofSeconds(10));
    CompletableFuture<String> backend = new CompletableFuture<>();

    assertThat(cache.getOrFetchAsync("k", () -> backend).toCompletableFuture().get()).isEqualTo("v1");
    executor.runAll();
    assertThat(cache.get("k")).isEqualTo("v1");
    backend.complete("v2");

    assertThat(cache.get("k")).isEqualTo("v2");
    assertThat(cache.stats().refreshes()).isEqualTo(1);
  }

  // ---- stale-while-revalidate ----------------------------------------------------------------------------

  @Test
  void staleWhileRevalidateServesFromTheTtlUpToButExcludingTheEndOfTheWindow() {
    Cache<String> cache = listened(builder("swr").staleWhileRevalidate(Duration.ofSeconds(30)).build());
    cache.set("k", "v1");

    ticker.advance(TTL.minus(NANO));
    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    assertThat(cache.stats().staleServed()).isZero();
    assertThat(executor.queued()).isZero();

    ticker.advance(NANO); // exactly the TTL: expired
    assertThat(cache.get("k")).as("plain get never returns an expired value").isNull();
    assertThat(cache.has("k")).isFalse();
    assertThat(cache.getMany(List.of("k"))).isEmpty();
    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    assertThat(cache.stats().staleServed()).isEqualTo(1);
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(CacheEventType.STALE);
      assertThat(event.value()).isEqualTo("v1");
    });
    assertThat(executor.queued()).isEqualTo(1);
    assertThat(fetches).hasValue(0);

    ticker.advance(Duration.ofSeconds(30).minus(NANO)); // last nanosecond of the window
    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    assertThat(executor.queued()).as("still one refresh").isEqualTo(1);
  }

  @Test
  void atTheEndOfTheStaleWhileRevalidateWindowTheCallerFetches() {
    Cache<String> cache = builder("swr-end").staleWhileRevalidate(Duration.ofSeconds(30)).build();
    cache.set("k", "v1");
    ticker.advance(TTL.plus(Duration.ofSeconds(30)));

    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v2");
    assertThat(fetches).hasValue(1);
    assertThat(cache.stats().staleServed()).isZero();
  }

  @Test
  void aStaleServedValueIsReplacedByItsRefresh() {
    Cache<String> cache = builder("swr-refresh").staleWhileRevalidate(Duration.ofSeconds(30)).build();
    cache.set("k", "v1");
    ticker.advance(TTL.plus(Duration.ofSeconds(5)));

    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v1");
    executor.runAll();

    assertThat(cache.get("k")).isEqualTo("v2");
    ticker.advance(TTL.minus(NANO));
    assertThat(cache.get("k")).as("a full new TTL").isEqualTo("v2");
  }

  // ---- stale-if-error --------------------------------------------------------------------------------------

  @Test
  void staleIfErrorServesTheExpiredValueWhenTheFetchFailsUpToTheEndOfTheWindow() {
    Cache<String> cache = listened(builder("sie").staleIfError(Duration.ofSeconds(30)).build());
    cache.set("k", "v1");

    ticker.advance(TTL); // exactly the TTL
    assertThat(cache.getOrFetch("k", failing())).isEqualTo("v1");
    assertThat(cache.stats().staleServed()).isEqualTo(1);
    assertThat(events).singleElement().satisfies(event -> assertThat(event.type()).isEqualTo(CacheEventType.STALE));

    ticker.advance(Duration.ofSeconds(30).minus(NANO));
    assertThat(cache.getOrFetch("k", failing())).isEqualTo("v1");

    ticker.advance(NANO); // the window's end: fail as without it
    assertThatThrownBy(() -> cache.getOrFetch("k", failing())).hasMessage("backend down");
    assertThat(fetches).hasValue(3);
    assertThat(executor.queued()).as("stale-if-error refreshes nothing in the background").isZero();
  }

  @Test
  void staleIfErrorStillTriesTheFetchAndStoresItsValue() {
    Cache<String> cache = builder("sie-success").staleIfError(Duration.ofSeconds(30)).build();
    cache.set("k", "v1");
    ticker.advance(TTL);

    assertThat(cache.getOrFetch("k", fetching("v2"))).isEqualTo("v2");
    assertThat(cache.get("k")).isEqualTo("v2");
  }

  @Test
  void staleIfErrorAppliesToAsynchronousFetches() throws Exception {
    Cache<String> cache = builder("sie-async").staleIfError(Duration.ofSeconds(30)).build();
    cache.set("k", "v1");
    ticker.advance(TTL);

    CompletionStage<String> stage = cache.getOrFetchAsync("k",
        () -> CompletableFuture.failedFuture(new IllegalStateException("backend down")));

    assertThat(stage.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("v1");
  }

  @Test
  void theStorageKeepsTheEntryForTheLargerStaleWindowOnly() {
    Cache<String> cache = builder("windows")
        .staleWhileRevalidate(Duration.ofSeconds(10)).staleIfError(Duration.ofSeconds(40)).build();
    cache.set("k", "v1");

    ticker.advance(TTL.plus(Duration.ofSeconds(40)).minus(NANO));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.getOrFetch("k", failing())).isEqualTo("v1");
    ticker.advance(NANO);
    assertThat(cache.stats().size()).isLessThanOrEqualTo(1);
    assertThatThrownBy(() -> cache.getOrFetch("k", failing())).hasMessage("backend down");
  }

  // ---- negative caching ------------------------------------------------------------------------------------

  @Test
  void anAbsentResultIsRememberedForTheNegativeTtlExactly() {
    Cache<String> cache = builder("negative").negativeTtl(Duration.ofSeconds(5)).build();

    assertThat(cache.getOrFetch("k", fetching(null))).isNull();
    ticker.advance(Duration.ofSeconds(5).minus(NANO));
    assertThat(cache.getOrFetch("k", fetching("found"))).isNull();
    assertThat(fetches).hasValue(1);
    assertThat(cache.get("k")).as("get still says no value").isNull();
    assertThat(cache.has("k")).isFalse();
    assertThat(cache.keys("*")).isEmpty();

    ticker.advance(NANO);
    assertThat(cache.getOrFetch("k", fetching("found"))).isEqualTo("found");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void invalidationByKeyTagOrPatternRemovesARememberedAbsence() {
    Cache<String> cache = builder("negative-invalidated").negativeTtl(Duration.ofMinutes(5)).build();
    SetOptions tagged = SetOptions.tags("t");
    cache.getOrFetch("a", fetching(null), tagged);
    cache.getOrFetch("b", fetching(null), tagged);
    cache.getOrFetch("c", fetching(null), tagged);

    assertThat(cache.invalidate("a")).isEqualTo(1);
    assertThat(cache.invalidateByTag("t")).isEqualTo(2);
    cache.getOrFetch("d", fetching(null));
    assertThat(cache.invalidateByPattern("d")).isEqualTo(1);

    for (String key : List.of("a", "b", "c", "d")) {
      assertThat(cache.getOrFetch(key, fetching("v-" + key))).isEqualTo("v-" + key);
    }
  }

  @Test
  void withoutNegativeTtlAnAbsentResultIsNotRemembered() {
    Cache<String> cache = builder("no-negative").refreshAfter(Duration.ofSeconds(10)).build();
    cache.getOrFetch("k", fetching(null));
    cache.getOrFetch("k", fetching(null));
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aPerCallNegativeTtlWorksOnACacheThatLetsCallsBringTheirOwn() {
    Cache<String> cache = builder("per-call").freshness(Freshness.none()).build();
    SetOptions negative = SetOptions.none().withNegativeTtl(Duration.ofSeconds(5));

    cache.getOrFetch("k", fetching(null), negative);
    cache.getOrFetch("k", fetching(null), negative);

    assertThat(fetches).hasValue(1);
  }

  // ---- hostile settings ------------------------------------------------------------------------------------

  @Test
  void refreshAfterNotShorterThanTheTtlIsRejectedNamingBoth() {
    assertThatThrownBy(() -> builder("bad").refreshAfter(TTL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshAfter (PT1M)").hasMessageContaining("ttl (PT1M)")
        .hasMessageContaining("cache 'bad'");
    assertThatThrownBy(() -> SetOptions.ttl(Duration.ofSeconds(5)).withRefreshAfter(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshAfter");
    Cache<String> cache = builder("per-call-bad").refreshAfter(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> cache.getOrFetch("k", fetching("v"), SetOptions.none().withRefreshAfter(TTL)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache 'per-call-bad'");
    // the cache's refreshAfter with a call's shorter TTL is allowed: the entry expires before it is due
    cache.set("short", "v", SetOptions.ttl(Duration.ofSeconds(5)));
    ticker.advance(Duration.ofSeconds(5));
    assertThat(cache.getOrFetch("short", fetching("fetched"))).isEqualTo("fetched");
    assertThat(executor.queued()).isZero();
  }

  @Test
  void negativeOrZeroDurationsAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> CacheFn.builder("x").refreshAfter(Duration.ofSeconds(-1)))
        .hasMessage("refreshAfter must be positive, got PT-1S");
    assertThatThrownBy(() -> CacheFn.builder("x").staleWhileRevalidate(Duration.ZERO))
        .hasMessage("staleWhileRevalidate must be positive, got PT0S");
    assertThatThrownBy(() -> CacheFn.builder("x").staleIfError(null))
        .hasMessage("staleIfError must not be null");
    assertThatThrownBy(() -> SetOptions.none().withNegativeTtl(Duration.ofMillis(-5)))
        .hasMessage("negativeTtl must be positive, got PT-0.005S");
  }

  @Test
  void aCallBringingFreshnessSettingsToAPlainCacheIsRejected() {
    Cache<String> plain = CacheFn.builder("plain").build();
    assertThatThrownBy(() -> plain.getOrFetch("k", fetching("v"), SetOptions.none().withRefreshAfter(TTL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache 'plain' was built without freshness settings");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void toStringDoesNotAskTheStorageForItsSize() {
    assertThat(CacheFn.builder("named").build()).hasToString("Cache{named}");
  }
}
