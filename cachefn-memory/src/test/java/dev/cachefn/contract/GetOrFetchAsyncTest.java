package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.TIMEOUT;
import static dev.cachefn.contract.Concurrency.failureOf;
import static dev.cachefn.contract.Concurrency.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The asynchronous cache-aside contract of {@link Cache#getOrFetchAsync}. */
class GetOrFetchAsyncTest {

  private final Cache<String> cache = CacheFn.builder("get-or-fetch-async").build();
  private final AtomicInteger calls = new AtomicInteger();

  private Supplier<CompletionStage<String>> counting(CompletionStage<String> stage) {
    return () -> {
      calls.incrementAndGet();
      return stage;
    };
  }

  @Test
  void callerThreadDoesNotWaitForTheFetchAndCompletingItStoresTheValue() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();

    CompletionStage<String> stage =
        assertTimeoutPreemptively(TIMEOUT, () -> cache.getOrFetchAsync("user:1", counting(pending)));

    assertThat(stage.toCompletableFuture()).isNotDone();
    assertThat(cache.has("user:1")).isFalse();
    assertThat(calls).hasValue(1);

    pending.complete("Ada");

    assertThat(valueOf(stage)).isEqualTo("Ada");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void valueCompletedOnAnotherThreadIsStoredWithTheOptions() throws Exception {
    FakeTicker ticker = new FakeTicker();
    Cache<String> timed = CacheFn.builder("async-timed").ticker(ticker).build();
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = timed.getOrFetchAsync(
        "user:1", counting(pending), SetOptions.ttl(Duration.ofMinutes(1)).withTags("users"));

    Thread completer = new Thread(() -> pending.complete("Ada"), "completer");
    completer.start();
    completer.join(TIMEOUT.toMillis());
    assertThat(completer.isAlive()).isFalse();

    assertThat(valueOf(stage)).isEqualTo("Ada");
    assertThat(timed.get("user:1")).isEqualTo("Ada");
    ticker.advance(Duration.ofMinutes(2));
    assertThat(timed.get("user:1")).isNull();

    timed.getOrFetchAsync("user:2", counting(CompletableFuture.completedFuture("Bob")), SetOptions.tags("users"));
    assertThat(timed.invalidateByTag("users")).isEqualTo(1);
    assertThat(timed.has("user:2")).isFalse();
  }

  @Test
  void hitReturnsACompletedStageWithoutCallingTheFetcher() throws Exception {
    cache.set("user:1", "Ada");

    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", counting(new CompletableFuture<>()));

    assertThat(stage.toCompletableFuture()).isCompletedWithValue("Ada");
    assertThat(calls).hasValue(0);
  }

  @Test
  void concurrentAsyncCallersShareOneFetch() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    Supplier<CompletionStage<String>> fetcher = counting(pending);
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<CompletionStage<String>>> calling = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calling.add(pool.submit(() -> {
          Concurrency.await(go);
          return cache.getOrFetchAsync("user:1", fetcher);
        }));
      }
      go.countDown();
      List<CompletionStage<String>> stages = new ArrayList<>();
      for (Future<CompletionStage<String>> call : calling) {
        stages.add(call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      }

      assertThat(stages).allSatisfy(stage -> assertThat(stage.toCompletableFuture()).isNotDone());
      assertThat(calls).hasValue(1);

      pending.complete("Ada");

      for (CompletionStage<String> stage : stages) {
        assertThat(valueOf(stage)).isEqualTo("Ada");
      }
      assertThat(cache.get("user:1")).isEqualTo("Ada");
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }
  }

  @Test
  void failedStageIsNotCachedAndEveryCallerSeesTheFailure() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> first = cache.getOrFetchAsync("user:1", counting(pending));
    CompletionStage<String> second = cache.getOrFetchAsync("user:1", counting(pending));
    RuntimeException boom = new IllegalStateException("backend down");

    pending.completeExceptionally(boom);

    assertThat(failureOf(first)).isSameAs(boom);
    assertThat(failureOf(second)).isSameAs(boom);
    assertThat(calls).hasValue(1);
    assertThat(cache.has("user:1")).isFalse();

    CompletionStage<String> retry = cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture("Ada")));
    assertThat(valueOf(retry)).isEqualTo("Ada");
    assertThat(calls).hasValue(2);
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void failureWrappedInCompletionExceptionReachesCallersAsItsCause() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", counting(pending));
    RuntimeException boom = new IllegalStateException("backend down");

    pending.completeExceptionally(new CompletionException(boom));

    assertThat(failureOf(stage)).isSameAs(boom);
    assertThat(cache.has("user:1")).isFalse();
  }

  @Test
  void fetcherThatThrowsSynchronouslyGivesAFailedStageInsteadOfThrowing() throws Exception {
    RuntimeException boom = new IllegalArgumentException("bad request");

    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", () -> {
      calls.incrementAndGet();
      throw boom;
    });

    assertThat(failureOf(stage)).isSameAs(boom);
    assertThat(cache.has("user:1")).isFalse();
    CompletionStage<String> retry = cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture("Ada")));
    assertThat(valueOf(retry)).isEqualTo("Ada");
    assertThat(calls).hasValue(2);
  }

  @Test
  void fetcherReturningNullStageGivesAFailedStageWithNullPointerExceptionNamingTheKey() throws Exception {
    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", () -> null);

    assertThat(failureOf(stage)).isInstanceOf(NullPointerException.class).hasMessageContaining("'user:1'");
    assertThat(cache.has("user:1")).isFalse();
    assertThat(valueOf(cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture("Ada")))))
        .isEqualTo("Ada");
  }

  @Test
  void nullResultCompletesTheStageButIsNotStored() throws Exception {
    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture(null)));

    assertThat(valueOf(stage)).isNull();
    assertThat(cache.has("user:1")).isFalse();
    cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture(null)));
    assertThat(calls).hasValue(2);
  }

  @Test
  void deleteWhileTheAsyncFetchRunsReturnsTheValueButDoesNotStoreIt() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", counting(pending));

    cache.delete("user:1");
    pending.complete("stale");

    assertThat(valueOf(stage)).isEqualTo("stale");
    assertThat(cache.has("user:1")).isFalse();
  }

  @Test
  void setWhileTheAsyncFetchRunsKeepsTheWrittenValue() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = cache.getOrFetchAsync("user:1", counting(pending), SetOptions.tags("users"));

    cache.set("user:1", "written");
    pending.complete("stale");

    assertThat(valueOf(stage)).isEqualTo("stale");
    assertThat(cache.get("user:1")).isEqualTo("written");
  }

  @Test
  void recursiveAsyncFetchOfTheSameKeyFromInsideTheFetcherGivesAFailedStage() throws Exception {
    List<CompletionStage<String>> inner = new ArrayList<>();

    CompletionStage<String> outer = assertTimeoutPreemptively(TIMEOUT, () -> cache.getOrFetchAsync("user:1", () -> {
      inner.add(cache.getOrFetchAsync("user:1", counting(CompletableFuture.completedFuture("inner"))));
      return CompletableFuture.completedFuture("Ada");
    }));

    assertThat(failureOf(inner.get(0))).isInstanceOf(IllegalStateException.class).hasMessageContaining("'user:1'");
    assertThat(calls).hasValue(0);
    assertThat(valueOf(outer)).isEqualTo("Ada");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void synchronousGetOrFetchOfTheSameKeyFromInsideAnAsyncFetcherFailsInsteadOfDeadlocking() throws Exception {
    List<Throwable> inner = new ArrayList<>();

    CompletionStage<String> outer = assertTimeoutPreemptively(TIMEOUT, () -> cache.getOrFetchAsync("user:1", () -> {
      try {
        cache.getOrFetch("user:1", () -> "inner");
      } catch (IllegalStateException e) {
        inner.add(e);
      }
      return CompletableFuture.completedFuture("Ada");
    }));

    assertThat(inner).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("'user:1'"));
    assertThat(valueOf(outer)).isEqualTo("Ada");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }
}
