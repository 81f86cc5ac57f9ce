package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.cachefn.Cache;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cache2k.Cache2kBuilder;
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
 * Benchmark 2: cache-aside on present keys. CacheFn {@code getOrFetch(key, supplier)} against Caffeine
 * {@code get(key, function)}, {@code ConcurrentHashMap.computeIfAbsent}, a Guava {@code LoadingCache}
 * ({@code concurrencyLevel(64)}) and a cache2k cache with a loader. The loader is never called while
 * measuring: every key is loaded in the setup. {@code spread} walks the Zipf {@link Keys}; {@code hotKey}
 * asks for the single most frequent key from every thread (run with {@code -t 2} to see contention).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class GetOrFetchBenchmark {

  /** The loader of every implementation; never called while measuring. */
  static final Function<String, Object> LOADER = key -> Boolean.TRUE;
  static final Supplier<Object> FETCHER = () -> Boolean.TRUE;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Param({"CacheFn", "Caffeine", "ConcurrentHashMap", "Guava", "Cache2k"})
  public String impl;

  String[] keys;
  String hotKey;
  Loading cache;

  /** A cache-aside lookup: returns the cached value or loads it. */
  interface Loading {
    Object get(String key);

    default void close() {}
  }

  @Setup
  public void setup() {
    keys = Keys.zipf();
    hotKey = mostFrequent(keys);
    cache = create(impl, Keys.CAPACITY);
    for (String key : keys) {
      cache.get(key);
    }
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public Object spread(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  public Object hotKey() {
    return cache.get(hotKey);
  }

  static Loading create(String impl, int maximumSize) {
    switch (impl) {
      case "CacheFn": {
        Cache<Object> cache = dev.cachefn.CacheFn.builder("getOrFetch").maxSize(maximumSize).build();
        return key -> cache.getOrFetch(key, FETCHER);
      }
      case "Caffeine": {
        com.github.benmanes.caffeine.cache.Cache<String, Object> cache =
            Caffeine.newBuilder().initialCapacity(maximumSize).maximumSize(maximumSize).build();
        return key -> cache.get(key, LOADER);
      }
      case "ConcurrentHashMap": {
        ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>(maximumSize);
        return key -> map.computeIfAbsent(key, LOADER);
      }
      case "Guava": {
        LoadingCache<String, Object> cache = CacheBuilder.newBuilder()
            .concurrencyLevel(64)
            .initialCapacity(maximumSize)
            .maximumSize(maximumSize)
            .build(CacheLoader.from(LOADER::apply));
        return cache::getUnchecked;
      }
      case "Cache2k": {
        org.cache2k.Cache<String, Object> cache = Cache2kBuilder.of(String.class, Object.class)
            .name("getOrFetch-" + SEQUENCE.incrementAndGet())
            .entryCapacity(maximumSize)
            .loader(LOADER::apply)
            .build();
        return new Loading() {
          @Override
          public Object get(String key) {
            return cache.get(key);
          }

          @Override
          public void close() {
            cache.close();
          }
        };
      }
      default:
        throw new IllegalArgumentException(
            "impl must be CacheFn, Caffeine, ConcurrentHashMap, Guava or Cache2k, got " + impl);
    }
  }

  static String mostFrequent(String[] keys) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    String best = keys[0];
    for (String key : keys) {
      int count = counts.merge(key, 1, Integer::sum);
      if (count > counts.get(best)) {
        best = key;
      }
    }
    return best;
  }
}
