package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.TIMEOUT;
import static dev.cachefn.contract.Concurrency.await;
import static dev.cachefn.contract.Concurrency.awaitAllWaitingOnFuture;
import static dev.cachefn.contract.Concurrency.failure;
import static dev.cachefn.contract.Concurrency.joinAll;
import static dev.cachefn.contract.Concurrency.result;
import static dev.cachefn.contract.Concurrency.sneakyThrow;
import static dev.cachefn.contract.Concurrency.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cache-aside contract of {@link Cache#getOrFetch}. */
class GetOrFetchTest {

  private static final int CALLERS = 8;

  private final Cache<String> cache = CacheFn.builder("get-or-fetch").build();
  private final AtomicInteger calls = new AtomicInteger();

  private Supplier<String> counting(String value) {
    return () -> {
      calls.incrementAndGet();
      return value;
    };
  }

  @Test
  void cachedValueIsReturnedWithoutCallingTheFetcher() {
    cache.set("user:1", "Ada");

    assertThat(cache.getOrFetch("user:1", counting("fetched"))).isEqualTo("Ada");
    assertThat(cache.getOrFetch("user:1", counting("fetched"), SetOptions.tags("users"))).isEqualTo("Ada");

    assertThat(calls).hasValue(0);
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void missRunsTheFetcherOnceAndStoresItsResult() {
    assertThat(cache.getOrFetch("user:1", counting("Ada"))).isEqualTo("Ada");
    assertThat(calls).hasValue(1);
    assertThat(cache.get("user:1")).isEqualTo("Ada");

    assertThat(cache.getOrFetch("user:1", counting("other"))).isEqualTo("Ada");
    assertThat(calls).hasValue(1);
  }

  @Test
  void fetchedValueIsStoredWithTheOptionsTtl() {
    FakeTicker ticker = new FakeTicker();
    Cache<String> timed = CacheFn.builder("timed").ticker(ticker).build();

    timed.getOrFetch("user:1", counting("Ada"), SetOptions.ttl(Duration.ofMinutes(1)));
    ticker.advance(Duration.ofSeconds(59));
    assertThat(timed.get("user:1")).isEqualTo("Ada");

    ticker.advance(Duration.ofSeconds(2));
    assertThat(timed.get("user:1")).isNull();
    assertThat(timed.getOrFetch("user:1", counting("Ada again"))).isEqualTo("Ada again");
    assertThat(calls).hasValue(2);
  }

  @Test
  void fetchedValueWithoutOptionsGetsTheCacheDefaultTtl() {
    FakeTicker ticker = new FakeTicker();
    Cache<String> timed = CacheFn.builder("default-ttl").ticker(ticker).defaultTtl(Duration.ofMinutes(5)).build();

    timed.getOrFetch("user:1", counting("Ada"));
    ticker.advance(Duration.ofMinutes(4));
    assertThat(timed.has("user:1")).isTrue();
    ticker.advance(Duration.ofMinutes(2));
    assertThat(timed.has("user:1")).isFalse();
  }

  @Test
  void fetchedValueIsStoredWithTheOptionsTags() {
    cache.getOrFetch("user:1", counting("Ada"), SetOptions.tags("users", "team:7"));
    cache.getOrFetch("user:2", counting("Bob"), SetOptions.tags("users"));
    cache.set("team:7", "Core");

    assertThat(cache.invalidateByTag("team:7")).isEqualTo(1);
    assertThat(cache.has("user:1")).isFalse();
    assertThat(cache.get("user:2")).isEqualTo("Bob");
    assertThat(cache.get("team:7")).isEqualTo("Core");
  }

  @Test
  void concurrentCallersForOneMissingKeyRunTheFetcherOnceAndAllGetItsValue() throws Throwable {
    List<Thread> threads = new ArrayList<>();
    Supplier<String> fetcher = () -> {
      calls.incrementAndGet();
      // hold the fetch until every other caller is parked waiting for its result
      List<Thread> others = new ArrayList<>(threads);
      others.remove(Thread.currentThread());
      awaitAllWaitingOnFuture(others);
      return "Ada";
    };
    CountDownLatch go = new CountDownLatch(1);
    List<FutureTask<String>> tasks = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      FutureTask<String> task = new FutureTask<>(() -> {
        await(go);
        return cache.getOrFetch("user:1", fetcher);
      });
      tasks.add(task);
      threads.add(new Thread(task, "caller-" + i));
    }
    threads.forEach(Thread::start);
    go.countDown();

    for (FutureTask<String> task : tasks) {
      assertThat(result(task)).isEqualTo("Ada");
    }
    joinAll(threads);
    assertThat(calls).hasValue(1);
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  /** Runs {@link #CALLERS} callers of one missing key whose fetcher throws {@code thrown}; returns what each got. */
  private List<Throwable> failuresOfConcurrentCallers(Throwable thrown) throws Exception {
    List<Thread> threads = new ArrayList<>();
    Supplier<String> fetcher = () -> {
      calls.incrementAndGet();
      List<Thread> others = new ArrayList<>(threads);
      others.remove(Thread.currentThread());
      awaitAllWaitingOnFuture(others);
      throw sneakyThrow(thrown);
    };
    List<FutureTask<String>> tasks = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      FutureTask<String> task = new FutureTask<>(() -> cache.getOrFetch("user:1", fetcher));
      tasks.add(task);
      threads.add(new Thread(task, "caller-" + i));
    }
    threads.forEach(Thread::start);
    List<Throwable> failures = new ArrayList<>();
    for (FutureTask<String> task : tasks) {
      failures.add(failure(task));
    }
    joinAll(threads);
    return failures;
  }

  @Test
  void throwingFetcherGivesEveryWaiterTheSameExceptionStoresNothingAndTheNextCallFetchesAgain()
      throws Exception {
    RuntimeException boom = new IllegalStateException("backend down");

    List<Throwable> failures = failuresOfConcurrentCallers(boom);

    assertThat(failures).hasSize(CALLERS).allSatisfy(f -> assertThat(f).isSameAs(boom));
    assertThat(calls).hasValue(1);
    assertThat(cache.has("user:1")).isFalse();
    assertThat(cache.size()).isZero();

    assertThat(cache.getOrFetch("user:1", counting("Ada"))).isEqualTo("Ada");
    assertThat(calls).hasValue(2);
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void checkedExceptionOfAFetcherReachesEveryWaiterUnwrapped() throws Exception {
    // a Kotlin fetcher (or a sneaky throw) can throw a checked exception through Supplier.get
    IOException unreachable = new IOException("backend unreachable");

    List<Throwable> failures = failuresOfConcurrentCallers(unreachable);

    assertThat(failures).hasSize(CALLERS).allSatisfy(f -> assertThat(f).isSameAs(unreachable));
    assertThat(calls).hasValue(1);
    assertThat(cache.has("user:1")).isFalse();
  }

  @Test
  void errorThrownByTheFetcherReachesTheCallerAndNothingIsStored() {
    AssertionError error = new AssertionError("fetcher broke");

    assertThatThrownBy(() -> cache.getOrFetch("user:1", () -> {
      throw error;
    })).isSameAs(error);

    assertThat(cache.has("user:1")).isFalse();
    assertThat(cache.getOrFetch("user:1", counting("Ada"))).isEqualTo("Ada");
  }

  @Test
  void nullResultIsReturnedButNotStored() {
    Supplier<String> nothing = () -> {
      calls.incrementAndGet();
      return null;
    };

    assertThat(cache.getOrFetch("user:1", nothing)).isNull();
    assertThat(cache.has("user:1")).isFalse();
    assertThat(cache.size()).isZero();

    assertThat(cache.getOrFetch("user:1", nothing)).isNull();
    assertThat(calls).hasValue(2);
  }

  @Test
  void recursiveGetOrFetchOfTheSameKeyFailsWithIllegalStateExceptionNamingTheKey() {
    Throwable thrown = assertTimeoutPreemptively(TIMEOUT, () -> {
      try {
        cache.getOrFetch("user:1", () -> cache.getOrFetch("user:1", counting("inner")));
        return null;
      } catch (IllegalStateException e) {
        return e;
      }
    });

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("'user:1'");
    assertThat(calls).hasValue(0);
    assertThat(cache.has("user:1")).isFalse();
    // the failed flight is gone: the key can be fetched normally
    assertThat(cache.getOrFetch("user:1", counting("Ada"))).isEqualTo("Ada");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void recursiveGetOrFetchThroughAnotherKeyIsDetectedToo() {
    Throwable thrown = assertTimeoutPreemptively(TIMEOUT, () -> {
      try {
        cache.getOrFetch("a", () -> cache.getOrFetch("b", () -> cache.getOrFetch("a", counting("inner"))));
        return null;
      } catch (IllegalStateException e) {
        return e;
      }
    });

    assertThat(thrown).hasMessageContaining("'a'");
    assertThat(cache.size()).isZero();
    assertThat(cache.getOrFetch("a", counting("A"))).isEqualTo("A");
    assertThat(cache.getOrFetch("b", counting("B"))).isEqualTo("B");
  }

  @Test
  void fetcherThatCatchesTheRecursionErrorCanStillReturnAValueThatIsStored() {
    AtomicReference<IllegalStateException> inner = new AtomicReference<>();
    String value = assertTimeoutPreemptively(TIMEOUT, () -> cache.getOrFetch("user:1", () -> {
      try {
        cache.getOrFetch("user:1", counting("inner"));
      } catch (IllegalStateException e) {
        inner.set(e);
      }
      return "Ada";
    }));

    assertThat(value).isEqualTo("Ada");
    assertThat(inner.get()).hasMessageContaining("'user:1'");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  /** A change to the key made while its fetch runs, and the entry the key must hold afterwards. */
  enum ChangeDuringFetch {
    DELETE(c -> c.delete("user:1"), null),
    DELETE_MANY(c -> c.deleteMany(List.of("user:9", "user:1")), null),
    SET(c -> c.set("user:1", "written"), "written"),
    SET_MANY(c -> c.setMany(Map.of("user:1", "written")), "written"),
    INVALIDATE(c -> c.invalidate("user:1"), null),
    INVALIDATE_BY_TAG(c -> c.invalidateByTag("users"), null),
    INVALIDATE_BY_TAGS(c -> c.invalidateByTags(List.of("other", "users")), null),
    INVALIDATE_BY_PATTERN(c -> c.invalidateByPattern("user:*"), null),
    CLEAR(Cache::clear, null);

    final Consumer<Cache<String>> change;
    final String expectedEntry;

    ChangeDuringFetch(Consumer<Cache<String>> change, String expectedEntry) {
      this.change = change;
      this.expectedEntry = expectedEntry;
    }
  }

  @ParameterizedTest
  @EnumSource(ChangeDuringFetch.class)
  void changeOfTheKeyWhileItsFetchRunsReturnsTheFetchedValueButDoesNotStoreIt(ChangeDuringFetch change)
      throws Throwable {
    cache.set("team:1", "Core");
    CountDownLatch fetchStarted = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    FutureTask<String> fetch = new FutureTask<>(() -> cache.getOrFetch("user:1", () -> {
      fetchStarted.countDown();
      await(changed);
      return "fetched";
    }, SetOptions.tags("users")));
    Thread fetching = start("fetching", fetch);

    await(fetchStarted);
    change.change.accept(cache);
    changed.countDown();

    assertThat(result(fetch)).isEqualTo("fetched");
    joinAll(List.of(fetching));
    assertThat(cache.get("user:1")).isEqualTo(change.expectedEntry);
    // the next call fetches again (or finds the written value)
    String expectedNext = change.expectedEntry != null ? change.expectedEntry : "refetched";
    assertThat(cache.getOrFetch("user:1", counting("refetched"))).isEqualTo(expectedNext);
  }

  @Test
  void changesOfOtherKeysOrTagsWhileAFetchRunsDoNotStopItsValueFromBeingStored() throws Throwable {
    cache.set("team:1", "Core", SetOptions.tags("teams"));
    cache.set("user:2", "Bob");
    CountDownLatch fetchStarted = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    FutureTask<String> fetch = new FutureTask<>(() -> cache.getOrFetch("user:1", () -> {
      fetchStarted.countDown();
      await(changed);
      return "fetched";
    }, SetOptions.tags("users")));
    Thread fetching = start("fetching", fetch);

    await(fetchStarted);
    cache.delete("user:2");
    cache.set("user:3", "Cy");
    cache.invalidateByTag("teams");
    cache.invalidateByPattern("team:*");
    changed.countDown();

    assertThat(result(fetch)).isEqualTo("fetched");
    joinAll(List.of(fetching));
    assertThat(cache.get("user:1")).isEqualTo("fetched");
  }

  @Test
  void deleteFromInsideTheFetcherAlsoPreventsTheStore() {
    String value = cache.getOrFetch("user:1", () -> {
      cache.delete("user:1");
      return "fetched";
    });

    assertThat(value).isEqualTo("fetched");
    assertThat(cache.has("user:1")).isFalse();
  }
}
