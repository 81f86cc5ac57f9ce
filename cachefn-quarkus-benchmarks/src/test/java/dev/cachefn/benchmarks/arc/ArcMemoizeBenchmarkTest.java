package dev.cachefn.benchmarks.arc;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's setup and rows, called once in a Quarkus test: the beans resolve, every row returns the same
 * value, and the cached rows hit after the setup, so that a broken setup fails here and not in a JMH run.
 */
@QuarkusTest
class ArcMemoizeBenchmarkTest {

  @Test
  void everyRowReturnsTheMethodsValueAndTheCachedRowsHit() {
    ArcMemoizeBenchmark benchmark = new ArcMemoizeBenchmark();
    benchmark.prepare(Arc.container()); // checks each body ran once per id over two rounds
    ArcMemoizeBenchmark.Cursor cursor = new ArcMemoizeBenchmark.Cursor();
    for (int i = 0; i < 3 * ArcMemoizeBenchmark.IDS; i++) {
      cursor.index = i;
      String expected = benchmark.direct(cursor);
      cursor.index = i;
      assertThat(benchmark.memoized(cursor)).isEqualTo(expected);
      cursor.index = i;
      assertThat(benchmark.cacheResult(cursor)).isEqualTo(expected);
      cursor.index = i;
      assertThat(benchmark.arcProxy(cursor)).isEqualTo(expected);
      cursor.index = i;
      assertThat(benchmark.arcPassThrough(cursor)).isEqualTo(expected);
    }
    assertThat(benchmark.memoized.loads()).as("@Memoize bodies run").isEqualTo(ArcMemoizeBenchmark.IDS);
    assertThat(benchmark.cached.loads()).as("@CacheResult bodies run").isEqualTo(ArcMemoizeBenchmark.IDS);
  }
}
