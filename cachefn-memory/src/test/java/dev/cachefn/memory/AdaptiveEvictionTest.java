package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EvictionPolicy#ADAPTIVE_FREQUENCY} through the real cache: the bound holds, frequently used entries
 * survive scans, and a loop larger than the cache is served close to the optimum where LRU keeps nothing.
 */
class AdaptiveEvictionTest {

  private static Cache<Long> cache(String name, long maxSize, EvictionPolicy policy) {
    return CacheFn.builder(name).maxSize(maxSize).evictionPolicy(policy).recordStats(false).build();
  }

  /** One pass: get, and set on a miss; returns the hits. */
  private static long replay(Cache<Long> cache, long[] keys) {
    long hits = 0;
    for (long key : keys) {
      String name = Long.toString(key);
      if (cache.get(name) != null) {
        hits++;
      } else {
        cache.set(name, key);
      }
    }
    return hits;
  }

  /** Keys 0 … 1010 in order, 100 times: the shape of the shared {@code loop} trace. */
  private static long[] loop() {
    long[] keys = new long[1011 * 100];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i % 1011;
    }
    return keys;
  }

  @Test
  void beatsLruOnALoopLargerThanTheCache() {
    long[] keys = loop();

    long lruHits = replay(cache("loop-lru", 500, EvictionPolicy.LRU), keys);
    long adaptiveHits = replay(cache("loop-adaptive", 500, EvictionPolicy.ADAPTIVE_FREQUENCY), keys);

    // the optimum keeps 499 of the 1,011 keys: 49.4 %; LRU evicts every key just before its turn
    assertThat(lruHits).isZero();
    assertThat(100.0 * adaptiveHits / keys.length).isGreaterThan(40.0);
  }

  @Test
  void beatsLruOnALoopLargerThanALargeCacheWhoseWindowIsChosenByTrials() {
    long[] keys = new long[10_000 * 20]; // keys 0 … 9,999, 20 times, through a cache of 8,000
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i % 10_000;
    }

    long lruHits = replay(cache("big-loop-lru", 8_000, EvictionPolicy.LRU), keys);
    long adaptiveHits = replay(cache("big-loop-adaptive", 8_000, EvictionPolicy.ADAPTIVE_FREQUENCY), keys);

    // the optimum keeps 7,999 of the 10,000 keys: about 76 %
    assertThat(lruHits).isZero();
    assertThat(100.0 * adaptiveHits / keys.length).isGreaterThan(60.0);
  }

  @Test
  void neverHoldsMoreThanMaxSize() {
    Cache<Long> cache = cache("bound", 100, EvictionPolicy.ADAPTIVE_FREQUENCY);
    Random random = new Random(7);

    for (int i = 0; i < 20_000; i++) {
      String key = Integer.toString(random.nextInt(1_000));
      switch (random.nextInt(10)) {
        case 0 -> cache.delete(key);
        case 1, 2, 3 -> cache.set(key, (long) i);
        default -> cache.get(key);
      }
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void frequentlyReadEntriesSurviveAScanOfNewKeys() {
    Cache<Long> cache = cache("scan", 100, EvictionPolicy.ADAPTIVE_FREQUENCY);
    for (long key = 0; key < 50; key++) {
      cache.set("hot-" + key, key);
    }
    cache.set("filler", -1L); // pushes the last hot entry out of the small admission window
    for (int round = 0; round < 5; round++) {
      for (long key = 0; key < 50; key++) {
        cache.get("hot-" + key);
      }
    }

    for (long key = 0; key < 10_000; key++) {
      cache.set("scan-" + key, key);
    }

    List<String> lost = new ArrayList<>();
    for (long key = 0; key < 50; key++) {
      if (cache.get("hot-" + key) == null) {
        lost.add("hot-" + key);
      }
    }
    assertThat(lost).isEmpty();
    assertThat(cache.size()).isEqualTo(100);
  }

  @Test
  void aNewcomerThatLosesToFrequentResidentsIsEvictedAndReported() {
    Cache<Long> cache = cache("rejected", 10, EvictionPolicy.ADAPTIVE_FREQUENCY);
    List<String> evicted = new ArrayList<>();
    cache.on(CacheEventType.EVICTION, event -> evicted.add(event.key()));
    for (long key = 0; key < 10; key++) {
      cache.set("hot-" + key, key);
    }
    for (int round = 0; round < 3; round++) {
      for (long key = 0; key < 10; key++) {
        cache.get("hot-" + key);
      }
    }

    cache.set("once", 1L);
    cache.set("twice", 2L);

    assertThat(evicted).hasSize(2).contains("once").doesNotContain("hot-0", "hot-1", "hot-2", "hot-3", "hot-4", "hot-5",
        "hot-6", "hot-7", "hot-8");
    assertThat(cache.size()).isEqualTo(10);
  }

  @Test
  void cachesSharingANamespaceMustAgreeOnThePolicy() {
    MemoryStorage storage = MemoryStorage.create();
    CacheFn.builder("first").namespace("shared").storage(storage).maxSize(10)
        .evictionPolicy(EvictionPolicy.LRU).build();

    assertThatThrownBy(() -> CacheFn.builder("second").namespace("shared").storage(storage).maxSize(10)
        .evictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace 'shared'")
        .hasMessageContaining("evictionPolicy LRU")
        .hasMessageContaining("not ADAPTIVE_FREQUENCY");
  }

  @Test
  void hotEntriesOfALargeCacheSurviveAScanAndEveryReadOfThemIsCounted() {
    // 5,000 entries: the window is chosen by trials, so reads of saturated protected entries are not even
    // buffered; they must still count as hits, and the entries must still be kept through a scan
    Cache<Long> cache = CacheFn.builder("hot-large").maxSize(5_000)
        .evictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY).build();
    for (long key = 0; key < 5_000; key++) {
      cache.set("k" + key, key);
    }
    long reads = 0;
    for (int round = 0; round < 40; round++) {
      for (long key = 0; key < 100; key++) {
        assertThat(cache.get("k" + key)).isEqualTo(key);
        reads++;
      }
    }
    assertThat(cache.stats().hits()).isEqualTo(reads);

    for (long key = 0; key < 20_000; key++) {
      cache.set("scan" + key, key); // a scan four times the cache's size
    }

    for (long key = 0; key < 100; key++) {
      assertThat(cache.get("k" + key)).as("hot key k%d after the scan", key).isEqualTo(key);
    }
    assertThat(cache.stats().hits()).isEqualTo(reads + 100);
    assertThat(cache.stats().misses()).isZero();
    assertThat(cache.size()).isEqualTo(5_000);
  }
}
