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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 6a: the cost of hit/miss counting on the read hit path: CacheFn {@code recordStats(true/false)}
 * against Caffeine with and without {@code recordStats()}. Same keys and setup as {@link ReadWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class StatsBenchmark {

  @Param({"CacheFn", "Caffeine"})
  public String impl;

  @Param({"false", "true"})
  public boolean stats;

  String[] keys;
  BenchCache cache;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    switch (impl) {
      case "CacheFn":
        cache = CacheType.cacheFn(Keys.CAPACITY, stats);
        break;
      case "Caffeine":
        cache = CacheType.caffeine(Keys.CAPACITY, stats);
        break;
      default:
        throw new IllegalArgumentException("impl must be CacheFn or Caffeine, got " + impl);
    }
    for (String key : keys) {
      cache.put(key, Boolean.TRUE);
    }
    cache.cleanUp();
  }

  @Benchmark
  public Object read(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }
}
