package dev.cachefn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs {@link JCacheBenchmark}'s setup and measured methods directly for every provider: each one is found by
 * its class name in the same class path, every get hits, and {@code invoke} really reads and writes.
 */
class JCacheBenchmarkSetupTest {

  @ParameterizedTest
  @EnumSource(JCacheBenchmark.Provider.class)
  void everyProviderHitsOnEveryGetAndInvokeWritesBack(JCacheBenchmark.Provider impl) {
    hitsOnEveryGet(impl, false);
  }

  @ParameterizedTest
  @EnumSource(JCacheBenchmark.Provider.class)
  void everyBoundedProviderKeepsEveryKey(JCacheBenchmark.Provider impl) {
    hitsOnEveryGet(impl, true);
  }

  private static void hitsOnEveryGet(JCacheBenchmark.Provider impl, boolean bounded) {
    JCacheBenchmark benchmark = new JCacheBenchmark();
    benchmark.impl = impl;
    benchmark.bounded = bounded;
    benchmark.setup();
    try {
      assertThat(benchmark.provider.getClass().getName()).isEqualTo(impl.className);
      ThreadCursor cursor = new ThreadCursor();
      int misses = 0;
      for (int i = 0; i < Keys.SIZE; i++) {
        misses += benchmark.get(cursor) == null ? 1 : 0;
        benchmark.put(cursor);
        misses += benchmark.mix(cursor) == null ? 1 : 0;
      }
      assertThat(misses).as("gets that missed").isZero();
      String key = benchmark.keys[0];
      cursor.index = 0;
      assertThat(benchmark.invoke(cursor)).isEqualTo(1);
      assertThat(benchmark.cache.get(key)).isEqualTo(2);
    } finally {
      benchmark.tearDown();
    }
  }
}
