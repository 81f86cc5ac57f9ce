package dev.cachefn.benchmarks;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 5b: {@code invalidateByTag} of a tag carried by {@code entries} entries (10, 1,000, 100,000),
 * in a cache that also holds as many untagged entries. The tagged entries are written back before every
 * invocation ({@code Level.Invocation}, not measured); with 10 entries an invocation lasts about a
 * microsecond, so that row carries JMH's per-invocation timing overhead (tens of nanoseconds) as well.
 * {@code Caffeine} is Caffeine plus the hand-written {@code ConcurrentHashMap<tag, Set<key>>} of
 * {@link TagSetBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TagInvalidateBenchmark {

  static final String TAG = "victims";

  @Param({"CacheFn", "Caffeine"})
  public String impl;

  @Param({"10", "1000", "100000"})
  public int entries;

  String[] tagged;
  Cache<Object> cacheFn;
  TagSetBenchmark.HandTagged handTagged;
  final SetOptions options = SetOptions.tags(TAG);
  final String[] tags = {TAG};

  @Setup(Level.Trial)
  public void create() {
    int maximumSize = 4 * entries;
    switch (impl) {
      case "CacheFn":
        cacheFn = dev.cachefn.CacheFn.builder("invalidate").maxSize(maximumSize).build();
        break;
      case "Caffeine":
        handTagged = new TagSetBenchmark.HandTagged(maximumSize);
        break;
      default:
        throw new IllegalArgumentException("impl must be CacheFn or Caffeine, got " + impl);
    }
    tagged = new String[entries];
    for (int i = 0; i < entries; i++) {
      tagged[i] = "tagged:" + i;
      String bystander = "untagged:" + i;
      if (cacheFn != null) {
        cacheFn.set(bystander, Boolean.TRUE);
      } else {
        handTagged.cache.put(bystander, Boolean.TRUE);
      }
    }
  }

  @Setup(Level.Invocation)
  public void fill() {
    for (String key : tagged) {
      if (cacheFn != null) {
        cacheFn.set(key, Boolean.TRUE, options);
      } else {
        handTagged.set(key, Boolean.TRUE, tags);
      }
    }
  }

  @Benchmark
  public int invalidateByTag() {
    return cacheFn != null ? cacheFn.invalidateByTag(TAG) : handTagged.invalidateByTag(TAG);
  }
}
