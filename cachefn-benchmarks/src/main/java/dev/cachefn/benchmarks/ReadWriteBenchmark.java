package dev.cachefn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Benchmark 1: reads, writes and a 75/25 mix, all on present keys (the hit path), over the scrambled-Zipf
 * {@link Keys}. The cache is bounded at twice the distinct keys and pre-filled, so nothing is evicted; the
 * table is first grown to its final size and cleared, so no resize happens while measuring.
 *
 * <ul>
 *   <li>{@code read}, {@code write}, {@code mix}: one thread per group; {@code -t 2} runs two such threads on
 *       the same cache. {@code mix} does 3 reads then 1 write on each thread (deterministic, by the cursor).
 *   <li>{@code readwrite}: 3 reader threads and 1 writer thread on the same cache ({@code -tg 3,1}, the
 *       default; {@code -tg 1,1} for two threads).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ReadWriteBenchmark {

  @Param({
    "CacheFn", "CacheFnAdaptive", "Caffeine", "ConcurrentHashMap", "LinkedHashMap", "Guava", "Cache2k", "Ehcache3"
  })
  public CacheType impl;

  String[] keys;
  BenchCache cache;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    cache = impl.create(Keys.CAPACITY);
    prefill(cache, keys);
  }

  /**
   * Grows {@code cache}'s table to its final size (so that no resize happens while measuring), empties it,
   * then stores every key of {@code keys}: the state every benchmark here starts from.
   */
  static void prefill(BenchCache cache, String[] keys) {
    for (String filler : Keys.fillers(Keys.CAPACITY)) {
      cache.put(filler, Boolean.TRUE);
    }
    cache.clear();
    cache.cleanUp();
    for (String key : keys) {
      cache.put(key, Boolean.TRUE);
    }
    cache.cleanUp();
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  @Group("read")
  @GroupThreads(1)
  public Object read(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  @Group("write")
  @GroupThreads(1)
  public void write(ThreadCursor cursor) {
    cache.put(keys[cursor.index++ & Keys.MASK], Boolean.TRUE);
  }

  @Benchmark
  @Group("mix")
  @GroupThreads(1)
  public Object mix(ThreadCursor cursor) {
    int index = cursor.index++;
    String key = keys[index & Keys.MASK];
    if ((index & 3) == 0) {
      cache.put(key, Boolean.TRUE);
      return Boolean.TRUE;
    }
    return cache.get(key);
  }

  @Benchmark
  @Group("readwrite")
  @GroupThreads(3)
  public Object readwrite_get(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  @Group("readwrite")
  @GroupThreads(1)
  public void readwrite_put(ThreadCursor cursor) {
    cache.put(keys[cursor.index++ & Keys.MASK], Boolean.TRUE);
  }
}
