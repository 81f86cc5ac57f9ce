package dev.cachefn.benchmarks;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheListener;
import java.util.List;
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
 * Benchmark 6b: the cost of event listeners on CacheFn's read hit and write paths: none, one no-op
 * listener, or four different no-op listeners, each registered for every event type (so a read fires HIT
 * and a write fires SET to each). Same keys and setup as {@link ReadWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ListenerBenchmark {

  private static final List<CacheListener<Object>> NO_OPS = List.of(
      event -> {},
      event -> {},
      event -> {},
      event -> {});

  @Param({"0", "1", "4"})
  public int listeners;

  String[] keys;
  Cache<Object> cache;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    cache = dev.cachefn.CacheFn.builder("listeners").maxSize(Keys.CAPACITY).build();
    for (String key : keys) {
      cache.set(key, Boolean.TRUE);
    }
    for (int i = 0; i < listeners; i++) {
      for (CacheEventType type : CacheEventType.values()) {
        cache.on(type, NO_OPS.get(i));
      }
    }
  }

  @Benchmark
  public Object read(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  public void write(ThreadCursor cursor) {
    cache.set(keys[cursor.index++ & Keys.MASK], Boolean.TRUE);
  }
}
