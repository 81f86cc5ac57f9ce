package dev.cachefn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls every benchmark's setup and measured methods directly, for every implementation, so that a peer
 * misconfiguration or a setup that leaves the cache empty fails here rather than an hour into a JMH run.
 */
class BenchmarkSetupTest {

  @ParameterizedTest
  @EnumSource(CacheType.class)
  void readWriteBenchmarkHitsOnEveryRead(CacheType impl) {
    ReadWriteBenchmark benchmark = new ReadWriteBenchmark();
    benchmark.impl = impl;
    benchmark.setup();
    try {
      assertThat(benchmark.cache.size()).isEqualTo(Keys.distinct(benchmark.keys));
      ThreadCursor cursor = new ThreadCursor();
      int misses = 0;
      for (int i = 0; i < Keys.SIZE; i++) {
        misses += benchmark.read(cursor) == Boolean.TRUE ? 0 : 1;
        benchmark.write(cursor);
        misses += benchmark.mix(cursor) == Boolean.TRUE ? 0 : 1;
        misses += benchmark.readwrite_get(cursor) == Boolean.TRUE ? 0 : 1;
        benchmark.readwrite_put(cursor);
      }
      assertThat(misses).as("reads that missed").isZero();
      assertThat(benchmark.cache.size()).isEqualTo(Keys.distinct(benchmark.keys));
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest
  @EnumSource(value = CacheType.class, names = {"CacheFn", "CacheFnAdaptive", "Caffeine", "ConcurrentHashMap"})
  void smallCacheBenchmarkHitsOnEveryRead(CacheType impl) {
    for (int capacity : new int[] {100, 1000, 5000}) {
      SmallCacheBenchmark benchmark = new SmallCacheBenchmark();
      benchmark.impl = impl;
      benchmark.capacity = capacity;
      benchmark.setup();
      try {
        assertThat(benchmark.cache.size()).isEqualTo(capacity * 3 / 4);
        ThreadCursor cursor = new ThreadCursor();
        int misses = 0;
        for (int i = 0; i < SmallCacheBenchmark.ACCESSES; i++) {
          misses += benchmark.read(cursor) == Boolean.TRUE ? 0 : 1;
        }
        assertThat(misses).as("reads that missed, capacity %d", capacity).isZero();
      } finally {
        benchmark.tearDown();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CacheFn", "Caffeine", "ConcurrentHashMap", "Guava", "Cache2k"})
  void getOrFetchBenchmarkNeverLoadsWhileMeasuring(String impl) {
    GetOrFetchBenchmark benchmark = new GetOrFetchBenchmark();
    benchmark.impl = impl;
    benchmark.setup();
    try {
      ThreadCursor cursor = new ThreadCursor();
      int misses = 0;
      for (int i = 0; i < Keys.SIZE; i++) {
        misses += benchmark.spread(cursor) == Boolean.TRUE ? 0 : 1;
      }
      assertThat(misses).as("lookups that did not return the loaded value").isZero();
      assertThat(benchmark.hotKey()).isEqualTo(Boolean.TRUE);
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest // the two unbounded ones have no bound to keep
  @EnumSource(value = CacheType.class, names = {"ConcurrentHashMap", "CacheFnBare"}, mode = EnumSource.Mode.EXCLUDE)
  void evictionBenchmarkKeepsTheCacheFull(CacheType impl) {
    EvictionBenchmark.FullCache full = new EvictionBenchmark.FullCache();
    full.impl = impl;
    full.size = 1000;
    full.setup();
    try {
      EvictionBenchmark benchmark = new EvictionBenchmark();
      EvictionBenchmark.NewKeys keys = new EvictionBenchmark.NewKeys();
      for (int i = 0; i < 5000; i++) {
        benchmark.evict(full, keys);
      }
      full.cache.cleanUp();
      // Ehcache 3's heap tier and cache2k may evict a little early; none may exceed the bound
      assertThat(full.cache.size()).isBetween(900L, 1000L);
      assertThat(benchmark.keyOnly(keys)).isEqualTo("5000");
    } finally {
      full.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CacheFn", "Caffeine"})
  void tagBenchmarksSetAndInvalidateTaggedEntries(String impl) {
    TagSetBenchmark set = new TagSetBenchmark();
    set.impl = impl;
    set.tags = 3;
    set.setup();
    ThreadCursor cursor = new ThreadCursor();
    for (int i = 0; i < Keys.SIZE; i++) {
      set.set(cursor);
    }
    String tag = set.tagNames[0][1];
    int tagged = set.cacheFn != null ? set.cacheFn.invalidateByTag(tag) : set.handTagged.invalidateByTag(tag);
    assertThat(tagged).isPositive();

    TagInvalidateBenchmark invalidate = new TagInvalidateBenchmark();
    invalidate.impl = impl;
    invalidate.entries = 1000;
    invalidate.create();
    for (int i = 0; i < 3; i++) {
      invalidate.fill();
      assertThat(invalidate.invalidateByTag()).isEqualTo(1000);
    }
  }

  @Test
  void statsAndListenerBenchmarksRead() {
    for (String impl : new String[] {"CacheFn", "Caffeine"}) {
      for (boolean stats : new boolean[] {false, true}) {
        StatsBenchmark benchmark = new StatsBenchmark();
        benchmark.impl = impl;
        benchmark.stats = stats;
        benchmark.setup();
        assertThat(benchmark.read(new ThreadCursor())).isEqualTo(Boolean.TRUE);
      }
    }
    for (int listeners : new int[] {0, 1, 4}) {
      ListenerBenchmark benchmark = new ListenerBenchmark();
      benchmark.listeners = listeners;
      benchmark.setup();
      ThreadCursor cursor = new ThreadCursor();
      assertThat(benchmark.read(cursor)).isEqualTo(Boolean.TRUE);
      benchmark.write(cursor);
    }
  }
}
