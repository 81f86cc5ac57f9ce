package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheStats;
import dev.cachefn.SetOptions;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.FakeTicker;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Hits and misses counted by the memory storage for the cache (its keyspaces implement {@code LookupCounting}): the same
 * figures as the cache's own counters give, per cache even where caches share a namespace, and the cache's
 * own counters where the keyspace offers no counter.
 */
class CacheLookupCountingTest {

  private final MemoryStorage storage = MemoryStorage.create();
  private final FakeTicker ticker = new FakeTicker();

  private Cache<String> cache(String name, String namespace, boolean recordStats) {
    return CacheFn.builder(name).namespace(namespace).storage(storage).ticker(ticker).recordStats(recordStats)
        .build();
  }

  @Test
  void twoCachesOnOneNamespaceEachCountOnlyTheirOwnLookups() {
    Cache<String> first = cache("first", "shared", true);
    Cache<String> second = cache("second", "shared", true);
    first.set("k", "v");

    first.get("k");
    first.get("absent");
    second.get("k");
    second.get("k");
    second.get("k");
    second.getMany(List.of("k", "absent", "other"));

    assertThat(first.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 1L);
    assertThat(second.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(4L, 2L);
  }

  @Test
  void aCacheOpenedAfterTheCountingCacheClosedStartsFromZero() {
    Cache<String> before = cache("before", "shared", true);
    before.set("k", "v");
    before.get("k");
    before.get("absent");
    before.close();

    Cache<String> after = cache("after", "shared", true);
    assertThat(after.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(0L, 0L);
    after.get("k");
    after.get("k");
    after.get("absent");

    assertThat(after.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(2L, 1L);
  }

  @Test
  void aCacheWithoutStatsLeavesTheCountingToTheNextCacheOfTheNamespace() {
    Cache<String> quiet = cache("quiet", "shared", false);
    Cache<String> counted = cache("counted", "shared", true);
    quiet.set("k", "v");

    quiet.get("k");
    quiet.get("absent");
    counted.get("k");

    assertThat(quiet.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(0L, 0L);
    assertThat(counted.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 0L);
  }

  @Test
  void writesOfPresentKeysAndChecksAreNoLookups() {
    Cache<String> cache = cache("cache", "ns", true);
    cache.set("k", "Ada");
    cache.set("k", "Bob"); // same size, no TTL, no tags: the value is swapped in place, which records a read
    cache.set("k", "Cyd");
    cache.has("k");
    cache.keys("*");
    cache.entries("*", 10);

    assertThat(cache.get("k")).isEqualTo("Cyd");
    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 0L);
  }

  @Test
  void getManyCountsEachDistinctKeyOnce() {
    Cache<String> cache = cache("cache", "ns", true);
    cache.set("a", "A");

    cache.getMany(List.of("a", "a", "b", "b", "b"));

    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 1L);
  }

  @Test
  void anExpiredEntryIsAMiss() {
    Cache<String> cache = cache("cache", "ns", true);
    cache.set("short", "S", SetOptions.ttl(Duration.ofSeconds(5)));
    assertThat(cache.get("short")).isEqualTo("S");

    ticker.advance(Duration.ofSeconds(6));

    assertThat(cache.get("short")).isNull();
    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 1L);
  }

  @Test
  void getOrFetchCountsOnlyItsFirstLookup() {
    Cache<String> cache = cache("cache", "ns", true);

    cache.getOrFetch("k", () -> "v"); // a miss; the look under the flight is not counted again
    cache.getOrFetch("k", () -> "v"); // a hit

    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(1L, 1L);
  }

  /** More live threads than the storage has per-thread slots: those without one are counted too. */
  @Test
  void lookupsOfManyLiveThreadsAreAllCounted() throws InterruptedException {
    Cache<String> cache = cache("cache", "ns", true);
    cache.set("k", "v");
    int threads = 72; // the memory storage has at most 64 slots
    CountDownLatch counted = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(() -> {
        cache.get("k");
        cache.get("k");
        cache.get("absent");
        counted.countDown();
        Concurrency.await(release); // alive, so that no later thread takes over its slot
      });
      thread.start();
      started.add(thread);
    }
    Concurrency.await(counted);

    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses)
        .containsExactly(2L * threads, (long) threads);

    release.countDown();
    for (Thread thread : started) {
      thread.join(Concurrency.TIMEOUT.toMillis());
    }
    cache.get("k");
    assertThat(cache.stats().hits()).isEqualTo(2L * threads + 1);
  }

  @Test
  void aKeyspaceWithoutACounterIsCountedByTheCache() {
    Storage plain = new Storage() {
      @Override
      public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
        return withoutCounter(storage.open(settings, listener));
      }
    };
    Cache<String> cache = CacheFn.builder("plain").storage(plain).build();
    cache.set("k", "v");

    cache.get("k");
    cache.get("absent");
    cache.getMany(List.of("k", "k", "absent"));

    assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses).containsExactly(2L, 2L);
  }

  /** The same keyspace behind the Keyspace interface alone, so that the cache finds no optional capability. */
  @SuppressWarnings("unchecked")
  private static <V> Keyspace<V> withoutCounter(Keyspace<V> real) {
    return (Keyspace<V>) Proxy.newProxyInstance(Keyspace.class.getClassLoader(), new Class<?>[] {Keyspace.class},
        (proxy, method, args) -> method.invoke(real, args));
  }
}
