package dev.cachefn.benchmarks;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
 * The cost of freshness settings on {@code getOrFetch} hits. {@code plain}: a cache without them (what every
 * cache was before; compare with the same benchmark on the jar before the change). {@code notDue}: a cache with
 * {@code refreshAfter} whose entries are not due. {@code due}: every entry is due for refresh, and the refresh
 * fetcher sleeps 1 ms then fails (so the entries stay due): the hit must still return at once, at about what
 * {@code notDue} costs plus starting a refresh (one per key at a time, on the refresh executor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FreshnessBenchmark {

  private static final Supplier<Object> FETCHER = () -> Boolean.TRUE;
  private static final Supplier<Object> SLOW_FETCHER = () -> {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("backend down"); // the old value stays, so every entry stays due
  };

  @Param({"plain", "notDue", "due"})
  public String mode;

  private final AtomicLong nanos = new AtomicLong();
  String[] keys;
  Cache<Object> cache;
  Supplier<Object> fetcher;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    dev.cachefn.CacheBuilder builder = CacheFn.builder("freshness-" + mode).maxSize(Keys.CAPACITY)
        .ticker(nanos::get).defaultTtl(Duration.ofHours(2));
    if (!mode.equals("plain")) {
      builder.refreshAfter(Duration.ofHours(1));
    }
    cache = builder.build();
    for (String key : keys) {
      cache.getOrFetch(key, FETCHER);
    }
    if (mode.equals("due")) {
      nanos.addAndGet(Duration.ofMinutes(61).toNanos()); // every entry due, none expired
    }
    fetcher = mode.equals("due") ? SLOW_FETCHER : FETCHER;
  }

  @TearDown
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public Object hit(ThreadCursor cursor) {
    return cache.getOrFetch(keys[cursor.index++ & Keys.MASK], fetcher);
  }
}
