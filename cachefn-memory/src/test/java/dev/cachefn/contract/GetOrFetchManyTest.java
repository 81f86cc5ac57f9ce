package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.await;
import static dev.cachefn.contract.Concurrency.awaitAllWaitingOnFuture;
import static dev.cachefn.contract.Concurrency.result;
import static dev.cachefn.contract.Concurrency.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Cache#getOrFetchMany}: one bulk call for exactly the missing keys, coalesced with single flights. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GetOrFetchManyTest {

  private final Cache<String> cache = CacheFn.builder("bulk").build();
  private final List<Set<String>> calls = new ArrayList<>();

  private Function<Set<String>, Map<String, String>> upperCase() {
    return keys -> {
      synchronized (calls) {
        calls.add(Set.copyOf(keys));
      }
      Map<String, String> values = new HashMap<>();
      keys.forEach(key -> values.put(key, key.toUpperCase()));
      return values;
    };
  }

  @Test
  void oneCallFetchesExactlyTheMissingKeysAndTheResultFollowsTheOrderOfTheKeys() {
    cache.set("b", "cached");

    Map<String, String> values = cache.getOrFetchMany(List.of("c", "b", "a", "c"), upperCase());

    assertThat(calls).containsExactly(Set.of("a", "c"));
    assertThat(values).containsExactly(Map.entry("c", "C"), Map.entry("b", "cached"), Map.entry("a", "A"));
    assertThat(cache.get("a")).isEqualTo("A");
    assertThat(cache.getOrFetchMany(List.of("a", "b", "c"), upperCase())).hasSize(3);
    assertThat(calls).as("nothing missing: no call").hasSize(1);
    assertThat(cache.stats().hits()).isEqualTo(1 + 3 + 1); // b, then a b c, then get("a")
  }

  @Test
  void keysTheFetcherDidNotAskForNullKeysAndNullValuesAreNotStoredAndLeftOutKeysAreMisses() {
    Map<String, String> values = cache.getOrFetchMany(List.of("a", "b", "c"), keys -> {
      Map<String, String> answer = new HashMap<>();
      answer.put("a", "A");
      answer.put("b", null);
      answer.put("extra", "X");
      answer.put(null, "N");
      return answer;
    });

    assertThat(values).containsExactly(Map.entry("a", "A"));
    assertThat(cache.keys("*")).containsExactly("a");
  }

  @Test
  void withNegativeCachingTheKeysWithoutAValueAreNotAskedForAgain() {
    Cache<String> negative = CacheFn.builder("bulk-negative").negativeTtl(Duration.ofMinutes(1)).build();

    negative.getOrFetchMany(List.of("a", "b"), keys -> Map.of("a", "A"));
    Map<String, String> again = negative.getOrFetchMany(List.of("a", "b"), upperCase());

    assertThat(again).containsExactly(Map.entry("a", "A"));
    assertThat(calls).isEmpty();
    assertThat(negative.invalidate("b")).isEqualTo(1);
    assertThat(negative.getOrFetchMany(List.of("a", "b"), upperCase())).containsEntry("b", "B");
  }

  @Test
  void aThrowingFetcherStoresNothingReachesTheCallerAndTheKeysCanBeFetchedAgain() {
    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a", "b"), keys -> {
      throw new IllegalStateException("backend down");
    })).hasMessage("backend down");

    assertThat(cache.size()).isZero();
    assertThat(cache.getOrFetchMany(List.of("a", "b"), upperCase())).hasSize(2);
  }

  @Test
  void aFetcherReturningNullFailsNamingTheCache() {
    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a"), keys -> null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("cache 'bulk'");
    assertThat(cache.getOrFetchMany(List.of("a"), upperCase())).containsEntry("a", "A");
  }

  @Test
  void badArgumentsAreRejectedBeforeAnythingIsFetched() {
    assertThatThrownBy(() -> cache.getOrFetchMany(null, upperCase())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a", ""), upperCase()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.getOrFetchMany(List.of("a"), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("bulkFetcher");
    assertThat(calls).isEmpty();
  }

  @Test
  void aKeyThatASingleCallerIsFetchingIsAwaitedNotFetchedAgain() throws Throwable {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FutureTask<String> single = new FutureTask<>(() -> cache.getOrFetch("b", () -> {
      started.countDown();
      await(release);
      return "from single";
    }));
    start("single", single);
    await(started);

    FutureTask<Map<String, String>> bulk =
        new FutureTask<>(() -> cache.getOrFetchMany(List.of("a", "b"), upperCase()));
    Thread bulkThread = start("bulk", bulk);
    awaitAllWaitingOnFuture(List.of(bulkThread)); // fetched "a", now waits for "b"
    assertThat(calls).containsExactly(Set.of("a"));

    release.countDown();
    assertThat(result(bulk)).containsExactly(Map.entry("a", "A"), Map.entry("b", "from single"));
    assertThat(result(single)).isEqualTo("from single");
  }

  @Test
  void aSingleCallerOfAKeyInABulkFetchWaitsForItInsteadOfFetching() throws Throwable {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FutureTask<Map<String, String>> bulk = new FutureTask<>(() -> cache.getOrFetchMany(List.of("a", "b"), keys -> {
      started.countDown();
      await(release);
      return Map.of("a", "A", "b", "B");
    }));
    start("bulk", bulk);
    await(started);

    FutureTask<String> single = new FutureTask<>(() -> cache.getOrFetch("b", () -> "single fetched"));
    Thread singleThread = start("single", single);
    awaitAllWaitingOnFuture(List.of(singleThread));
    release.countDown();

    assertThat(result(single)).isEqualTo("B");
    assertThat(result(bulk)).hasSize(2);
  }

  @Test
  void asynchronousBulkFetchCoalescesWithAsynchronousSingleCallers() throws Exception {
    CompletableFuture<Map<String, String>> backend = new CompletableFuture<>();
    CompletionStage<Map<String, String>> bulk = cache.getOrFetchManyAsync(List.of("a", "b"), keys -> {
      calls.add(keys);
      return backend;
    });
    CompletionStage<String> single = cache.getOrFetchAsync("b",
        () -> CompletableFuture.completedFuture("single fetched"));
    CompletionStage<Map<String, String>> second = cache.getOrFetchManyAsync(List.of("b", "c"),
        keys -> CompletableFuture.completedFuture(upperCase().apply(keys)));

    assertThat(single.toCompletableFuture()).isNotDone();
    assertThat(calls).containsExactly(Set.of("a", "b"), Set.of("c"));
    backend.complete(Map.of("a", "A", "b", "B"));

    assertThat(bulk.toCompletableFuture().get(10, TimeUnit.SECONDS)).containsExactly(
        Map.entry("a", "A"), Map.entry("b", "B"));
    assertThat(single.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("B");
    assertThat(second.toCompletableFuture().get(10, TimeUnit.SECONDS)).containsExactly(
        Map.entry("b", "B"), Map.entry("c", "C"));
  }

  @Test
  void aFailedAsynchronousBulkFetchFailsItsCallersAndStoresNothing() {
    CompletionStage<Map<String, String>> bulk = cache.getOrFetchManyAsync(List.of("a"),
        keys -> CompletableFuture.failedFuture(new IllegalStateException("backend down")));

    assertThatThrownBy(() -> bulk.toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("backend down");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aKeyInvalidatedWhileTheBulkFetchRunsIsNotStored() {
    Map<String, String> values = cache.getOrFetchMany(List.of("a", "b"), keys -> {
      cache.invalidate("a");
      return Map.of("a", "A", "b", "B");
    }, SetOptions.tags("t"));

    assertThat(values).hasSize(2);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isEqualTo("B");
  }
}
