package dev.cachefn.jcache.internal;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * A cache's JCache statistics, also its {@code CacheStatistics} MXBean. Counted in {@link LongAdder}s, so
 * concurrent updates do not contend; times are kept in nanoseconds and reported as average microseconds.
 * Thread-safe; a snapshot read while operations run may mix counts from before and after one of them.
 */
public final class JCacheStatistics implements CacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();

  JCacheStatistics() {}

  void hits(long count) {
    if (count != 0) {
      hits.add(count);
    }
  }

  void misses(long count) {
    if (count != 0) {
      misses.add(count);
    }
  }

  void puts(long count) {
    if (count != 0) {
      puts.add(count);
    }
  }

  void removals(long count) {
    if (count != 0) {
      removals.add(count);
    }
  }

  void evictions(long count) {
    if (count != 0) {
      evictions.add(count);
    }
  }

  /** Adds {@code nanos}; 0 (what the cache passes while recording is off) writes nothing shared. */
  void getTime(long nanos) {
    if (nanos != 0) {
      getNanos.add(nanos);
    }
  }

  /** Adds {@code nanos}; 0 (what the cache passes while recording is off) writes nothing shared. */
  void putTime(long nanos) {
    if (nanos != 0) {
      putNanos.add(nanos);
    }
  }

  /** Adds {@code nanos}; 0 (what the cache passes while recording is off) writes nothing shared. */
  void removeTime(long nanos) {
    if (nanos != 0) {
      removeNanos.add(nanos);
    }
  }

  @Override
  public void clear() {
    for (LongAdder adder : new LongAdder[] {hits, misses, puts, removals, evictions, getNanos, putNanos,
        removeNanos}) {
      adder.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long hitCount = getCacheHits();
    long gets = hitCount + getCacheMisses();
    return gets == 0 ? 0f : (float) hitCount / gets * 100f;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long missCount = getCacheMisses();
    long gets = missCount + getCacheHits();
    return gets == 0 ? 0f : (float) missCount / gets * 100f;
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(removeNanos.sum(), getCacheRemovals());
  }

  private static float averageMicros(long nanos, long count) {
    return count == 0 ? 0f : (float) (nanos / 1_000.0 / count);
  }
}
