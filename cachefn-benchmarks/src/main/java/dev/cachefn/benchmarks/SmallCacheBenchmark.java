package dev.cachefn.benchmarks;

import java.util.SplittableRandom;
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
 * Read hits of a small cache whose keys are about equally popular: the shape of many {@code @Memoize}
 * caches (a few hundred arguments, a bound of a few hundred or thousand), where {@link ReadWriteBenchmark}'s
 * large, skewed key set is not. {@code capacity} entries at most, three quarters of that many distinct keys,
 * read in a uniformly random order drawn once ({@code 2^16} accesses, seeded); nothing is evicted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmallCacheBenchmark {

  static final int ACCESSES = 1 << 16;
  static final int MASK = ACCESSES - 1;

  @Param({"CacheFn", "CacheFnAdaptive", "Caffeine", "ConcurrentHashMap"})
  public CacheType impl;

  @Param({"100", "1000", "5000"})
  public int capacity;

  String[] keys;
  BenchCache cache;

  @Setup
  public void setup() {
    int distinct = capacity * 3 / 4;
    String[] names = new String[distinct];
    for (int i = 0; i < distinct; i++) {
      names[i] = "arg:" + i;
    }
    SplittableRandom random = new SplittableRandom(0x5A11L);
    keys = new String[ACCESSES];
    for (int i = 0; i < ACCESSES; i++) {
      keys[i] = names[random.nextInt(distinct)];
    }
    cache = impl.create(capacity);
    for (String name : names) {
      cache.put(name, Boolean.TRUE);
    }
    cache.cleanUp();
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public Object read(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & MASK]);
  }
}
