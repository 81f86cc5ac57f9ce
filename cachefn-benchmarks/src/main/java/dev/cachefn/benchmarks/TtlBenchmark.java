package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cache2k.Cache2kBuilder;
import org.jspecify.annotations.Nullable;
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
 * Benchmark 4: read hits and writes of entries that carry a per-entry TTL (one hour, so nothing expires while
 * measuring). CacheFn {@code set(key, value, SetOptions.ttl(..))} against Caffeine with a variable
 * {@code expireAfter(Expiry)} (its per-entry expiry, a timer wheel) and cache2k with an {@code expiryPolicy}.
 * Same keys, bound and setup as {@link ReadWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TtlBenchmark {

  static final Duration TTL = Duration.ofHours(1);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Param({"CacheFn", "Caffeine", "Cache2k"})
  public String impl;

  String[] keys;
  TtlCache cache;

  /** A cache whose every write carries {@link #TTL}. */
  interface TtlCache {
    @Nullable Object get(String key);

    void put(String key, Object value);

    default void close() {}
  }

  @Setup
  public void setup() {
    keys = Keys.zipf();
    cache = create(impl, Keys.CAPACITY);
    for (String key : keys) {
      cache.put(key, Boolean.TRUE);
    }
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public @Nullable Object read(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  public void write(ThreadCursor cursor) {
    cache.put(keys[cursor.index++ & Keys.MASK], Boolean.TRUE);
  }

  static TtlCache create(String impl, int maximumSize) {
    switch (impl) {
      case "CacheFn": {
        Cache<Object> cache = dev.cachefn.CacheFn.builder("ttl-" + SEQUENCE.incrementAndGet())
            .maxSize(maximumSize)
            .build();
        SetOptions withTtl = SetOptions.ttl(TTL);
        return new TtlCache() {
          @Override
          public @Nullable Object get(String key) {
            return cache.get(key);
          }

          @Override
          public void put(String key, Object value) {
            cache.set(key, value, withTtl);
          }
        };
      }
      case "Caffeine": {
        com.github.benmanes.caffeine.cache.Cache<String, Object> cache = Caffeine.newBuilder()
            .initialCapacity(maximumSize)
            .maximumSize(maximumSize)
            .expireAfter(new FixedTtlExpiry<String, Object>(TTL))
            .build();
        return new TtlCache() {
          @Override
          public @Nullable Object get(String key) {
            return cache.getIfPresent(key);
          }

          @Override
          public void put(String key, Object value) {
            cache.put(key, value);
          }
        };
      }
      case "Cache2k": {
        long ttlMillis = TTL.toMillis();
        org.cache2k.Cache<String, Object> cache = Cache2kBuilder.of(String.class, Object.class)
            .name("ttl-" + SEQUENCE.incrementAndGet())
            .entryCapacity(maximumSize)
            .expiryPolicy((key, value, startTime, currentEntry) -> startTime + ttlMillis)
            .build();
        return new TtlCache() {
          @Override
          public @Nullable Object get(String key) {
            return cache.peek(key);
          }

          @Override
          public void put(String key, Object value) {
            cache.put(key, value);
          }

          @Override
          public void close() {
            cache.close();
          }
        };
      }
      default:
        throw new IllegalArgumentException("impl must be CacheFn, Caffeine or Cache2k, got " + impl);
    }
  }
}
