package dev.cachefn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3: the eviction path. Each operation puts a key never seen before into a full cache of
 * {@code size} entries, so every put inserts and evicts one entry. Single-threaded, like Caffeine's own
 * eviction benchmark. The keys are made inside the measured method (a counter turned into a string, about
 * the cost of one small allocation); {@code keyOnly} measures that part alone, so it can be subtracted.
 * The unbounded {@code ConcurrentHashMap} has no eviction and is not part of this benchmark.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EvictionBenchmark {

  /** A full cache of {@code size} entries. */
  @State(Scope.Benchmark)
  public static class FullCache {
    @Param({"CacheFn", "Caffeine", "LinkedHashMap", "Guava", "Cache2k", "Ehcache3"})
    public CacheType impl;

    @Param({"1000", "100000", "1000000"})
    public int size;

    BenchCache cache;

    @Setup
    public void setup() {
      cache = impl.create(size);
      for (int i = 0; i < size; i++) {
        cache.put("full:" + i, Boolean.TRUE);
      }
      cache.cleanUp();
    }

    @TearDown
    public void tearDown() {
      cache.close();
    }
  }

  /** Makes the new keys: {@code "0"}, {@code "1"}, ... (disjoint from the {@code "full:"} keys). */
  @State(Scope.Thread)
  public static class NewKeys {
    long next;

    String next() {
      return Long.toString(next++);
    }
  }

  @Benchmark
  public void evict(FullCache full, NewKeys keys) {
    full.cache.put(keys.next(), Boolean.TRUE);
  }

  @Benchmark
  public String keyOnly(NewKeys keys) {
    return keys.next();
  }
}
