package dev.cachefn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.benchmarks.memoize.MemoizeBenchmark;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Benchmarks 4 (TTL), 7 (batches) and 8 (memoization under Weld), called directly: every measured call hits,
 * so that a misconfigured peer or an empty setup fails here, not in a JMH run.
 */
class NewBenchmarkSetupTest {

  @ParameterizedTest
  @ValueSource(strings = {"CacheFn", "Caffeine", "Cache2k"})
  void ttlBenchmarkReadsHitEntriesThatCarryATtl(String impl) {
    TtlBenchmark benchmark = new TtlBenchmark();
    benchmark.impl = impl;
    benchmark.setup();
    try {
      ThreadCursor cursor = new ThreadCursor();
      int misses = 0;
      for (int i = 0; i < Keys.SIZE; i++) {
        misses += benchmark.read(cursor) == Boolean.TRUE ? 0 : 1;
        benchmark.write(cursor);
      }
      assertThat(misses).as("reads that missed").isZero();
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CacheFn", "Caffeine"})
  void batchBenchmarkFindsEveryKeyOfABatch(String impl) {
    for (int size : new int[] {10, 100}) {
      BatchBenchmark benchmark = new BatchBenchmark();
      benchmark.impl = impl;
      benchmark.size = size;
      benchmark.setup();
      ThreadCursor cursor = new ThreadCursor();
      for (int i = 0; i < BatchBenchmark.BATCHES; i++) {
        int batch = cursor.index & (BatchBenchmark.BATCHES - 1);
        Map<String, Object> found = benchmark.getMany(cursor);
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(benchmark.entryBatches.get(batch).keySet());
        benchmark.setMany(cursor);
      }
    }
  }

  @Test
  void memoizeBenchmarkStartsWeldAndEveryVariantReturnsTheSameValue() {
    MemoizeBenchmark benchmark = new MemoizeBenchmark();
    benchmark.setup(); // also checks memoized == hand-cached for every id
    try {
      ThreadCursor cursor = new ThreadCursor();
      cursor.index = 7;
      assertThat(benchmark.memoized(cursor)).isEqualTo("user 7");
      cursor.index = 7;
      Object first = benchmark.memoized(cursor);
      cursor.index = 7;
      assertThat(benchmark.memoized(cursor)).as("a hit: cachefn-cdi's extension was loaded").isSameAs(first);
      cursor.index = 7;
      assertThat(benchmark.memoizedTagged(cursor)).isEqualTo("user 7");
      assertThat(benchmark.direct(cursor)).isEqualTo("user 8");
      assertThat(benchmark.caffeineByHand(cursor)).isEqualTo("user 9");
    } finally {
      benchmark.tearDown();
    }
  }
}
