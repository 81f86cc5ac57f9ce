package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two application instances (two storages, each its own connections, a cache with distributed single flight on
 * each) on one real Redis: concurrent misses of a key on both run the fetcher once; caches that did not opt in
 * take no lease; a holder that died blocks the others no longer than its lease; a failed fetch lets the others
 * fetch at once.
 */
class DistributedSingleFlightTest {

  static final Duration BOUND = Duration.ofSeconds(10);

  final String namespace = "flight-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<AutoCloseable> storages = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** The Redis both instances use. */
  String uri() {
    return SharedRedis.server().uri();
  }

  /** The Redis key of {@code key}'s lease. */
  String leaseKey(String key) {
    return "cachefn:{" + namespace.length() + ":" + namespace + "}:l:" + key;
  }

  /** Takes {@code key}'s lease in Redis as an instance that then dies would. */
  void leaseHeldByADeadInstance(String key, Duration lease) {
    SharedRedis.raw().set(leaseKey(key), "dead", io.lettuce.core.SetArgs.Builder.px(lease.toMillis()));
  }

  boolean leaseTaken(String key) {
    return SharedRedis.raw().exists(leaseKey(key)) == 1;
  }

  private Cache<String> instance(Duration lease) {
    return instance(lease, Duration.ofSeconds(30));
  }

  private Cache<String> instance(Duration lease, Duration fetchTimeout) {
    return instance(lease, fetchTimeout, true);
  }

  private Cache<String> instance(Duration lease, Duration fetchTimeout, boolean singleFlight) {
    RedisStorage storage = RedisStorage.builder(uri()).fetchLease(lease).build();
    storages.add(storage);
    return CacheFn.builder("flight").namespace(namespace).storage(storage).fetchTimeout(fetchTimeout)
        .distributedSingleFlight(singleFlight).build();
  }

  @AfterEach
  void close() throws Exception {
    threads.shutdownNow();
    for (AutoCloseable storage : storages) {
      storage.close();
    }
  }

  @Test
  @Timeout(60)
  void concurrentMissesOnTwoInstancesRunTheFetcherOnce() throws Exception {
    Cache<String> onA = instance(BOUND);
    Cache<String> onB = instance(BOUND);
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch finish = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();

    for (int i = 0; i < 8; i++) {
      Cache<String> cache = i % 2 == 0 ? onA : onB;
      results.add(threads.submit(() -> {
        callers.add(Thread.currentThread());
        return cache.getOrFetch("k", () -> {
          fetches.incrementAndGet();
          await(finish);
          return "fetched once";
        });
      }));
    }
    Await.until("one fetch runs and every other caller waits", BOUND, () -> fetches.get() == 1
        && callers.size() == 8 && callers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
            || thread.getState() == Thread.State.TIMED_WAITING));
    finish.countDown();

    for (Future<String> result : results) {
      assertThat(result.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fetched once");
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  @Timeout(60)
  void aCacheThatDidNotOptInTakesNoLeaseAndEachInstanceFetches() throws Exception {
    Cache<String> onA = instance(BOUND, BOUND, false);
    Cache<String> onB = instance(BOUND, BOUND, false);
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch bothFetching = new CountDownLatch(2);
    List<Future<String>> results = new ArrayList<>();

    for (Cache<String> cache : List.of(onA, onB)) {
      results.add(threads.submit(() -> cache.getOrFetch("k", () -> {
        fetches.incrementAndGet();
        bothFetching.countDown();
        await(bothFetching); // each instance fetches while the other does: nothing makes one wait
        assertThat(leaseTaken("k")).as("a lease").isFalse();
        return "fetched";
      })));
    }

    for (Future<String> result : results) {
      assertThat(result.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fetched");
    }
    assertThat(fetches).hasValue(2);
  }

  @Test
  @Timeout(60)
  void aHolderThatDiedBlocksTheOthersNoLongerThanItsLease() {
    Duration lease = Duration.ofMillis(700);
    Cache<String> onB = instance(lease);
    leaseHeldByADeadInstance("k", lease);

    long start = System.nanoTime();
    assertThat(onB.getOrFetch("k", () -> "fetched by B")).isEqualTo("fetched by B");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(waited).as("B waited for the lease").isGreaterThanOrEqualTo(lease.dividedBy(2))
        .isLessThan(lease.plusSeconds(2));
    assertThat(onB.get("k")).isEqualTo("fetched by B");
  }

  @Test
  @Timeout(60)
  void anInstanceWaitsForAnotherOnesFetchNoLongerThanItsFetchTimeout() {
    Cache<String> onB = instance(Duration.ofSeconds(30), Duration.ofMillis(600));
    leaseHeldByADeadInstance("k", Duration.ofSeconds(30)); // a holder that stays silent past B's timeout

    long start = System.nanoTime();
    assertThat(onB.getOrFetch("k", () -> "fetched by B")).isEqualTo("fetched by B");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500),
        Duration.ofSeconds(5));
  }

  @Test
  @Timeout(60)
  void aFailedFetchLetsTheOtherInstancesFetchAtOnce() throws Exception {
    Cache<String> onA = instance(Duration.ofSeconds(30));
    Cache<String> onB = instance(Duration.ofSeconds(30));
    CountDownLatch fail = new CountDownLatch(1);
    Future<String> onAFails = threads.submit(() -> onA.getOrFetch("k", () -> {
      await(fail);
      throw new IllegalStateException("the database is down");
    }));
    Await.until("A holds the lease", BOUND, () -> leaseTaken("k"));
    Thread[] waiter = new Thread[1];
    Future<String> onBFetches = threads.submit(() -> {
      waiter[0] = Thread.currentThread();
      return onB.getOrFetch("k", () -> "fetched by B");
    });
    Await.until("B waits for A", BOUND, () -> waiter[0] != null
        && waiter[0].getState() == Thread.State.TIMED_WAITING);

    long failed = System.nanoTime();
    fail.countDown();

    assertThat(onBFetches.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fetched by B");
    assertThat(Duration.ofNanos(System.nanoTime() - failed)).as("far less than the 30 s lease")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> onAFails.get(BOUND.toSeconds(),
        TimeUnit.SECONDS))).hasRootCauseMessage("the database is down");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
