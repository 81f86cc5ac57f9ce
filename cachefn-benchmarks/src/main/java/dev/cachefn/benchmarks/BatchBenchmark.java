package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.Cache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Benchmark 7: batches of present keys. CacheFn {@code getMany} / {@code setMany} against Caffeine
 * {@code getAllPresent} / {@code putAll}, with 10 or 100 keys per call. The batches are consecutive windows
 * of the Zipf {@link Keys} (so a batch may repeat a hot key, as real batches do), precomputed as lists and
 * maps before measuring; a thread walks them from a random start. The score is batches per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BatchBenchmark {

  /** The number of precomputed batches (a power of two). */
  static final int BATCHES = 1 << 10;

  @Param({"CacheFn", "Caffeine"})
  public String impl;

  @Param({"10", "100"})
  public int size;

  List<List<String>> keyBatches;
  List<Map<String, Object>> entryBatches;
  Cache<Object> cacheFn;
  com.github.benmanes.caffeine.cache.Cache<String, Object> caffeine;

  @Setup
  public void setup() {
    String[] keys = Keys.zipf();
    keyBatches = new ArrayList<>(BATCHES);
    entryBatches = new ArrayList<>(BATCHES);
    for (int b = 0; b < BATCHES; b++) {
      List<String> batch = new ArrayList<>(size);
      Map<String, Object> entries = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        String key = keys[(b * size + i) & Keys.MASK];
        batch.add(key);
        entries.put(key, Boolean.TRUE);
      }
      keyBatches.add(List.copyOf(batch));
      entryBatches.add(entries);
    }
    switch (impl) {
      case "CacheFn":
        cacheFn = dev.cachefn.CacheFn.builder("batch").maxSize(Keys.CAPACITY).build();
        break;
      case "Caffeine":
        caffeine = Caffeine.newBuilder().initialCapacity(Keys.CAPACITY).maximumSize(Keys.CAPACITY).build();
        break;
      default:
        throw new IllegalArgumentException("impl must be CacheFn or Caffeine, got " + impl);
    }
    for (String key : keys) {
      if (cacheFn != null) {
        cacheFn.set(key, Boolean.TRUE);
      } else {
        caffeine.put(key, Boolean.TRUE);
      }
    }
  }

  @Benchmark
  public Map<String, Object> getMany(ThreadCursor cursor) {
    List<String> batch = keyBatches.get(cursor.index++ & (BATCHES - 1));
    return cacheFn != null ? cacheFn.getMany(batch) : caffeine.getAllPresent(batch);
  }

  @Benchmark
  public void setMany(ThreadCursor cursor) {
    Map<String, Object> batch = entryBatches.get(cursor.index++ & (BATCHES - 1));
    if (cacheFn != null) {
      cacheFn.setMany(batch);
    } else {
      caffeine.putAll(batch);
    }
  }
}
